import { createSearchClient, ensureIndex, rebuildIndex, SearchClient } from '@laowu/search';
import { randomUUID } from 'node:crypto';
import { testInfra } from '../support/infra';

describe('libs/search against the real search engine', () => {
  let client: SearchClient;
  const alias = `test-docs-${randomUUID().slice(0, 8)}`;
  const definition = {
    alias,
    settings: { number_of_shards: 1, number_of_replicas: 0 },
    mappings: { properties: { title: { type: 'text' as const, analyzer: 'cjk' }, location: { type: 'geo_point' as const } } },
  };

  beforeAll(() => {
    client = createSearchClient(testInfra().searchUrl);
  });

  afterAll(async () => {
    await client.indices.delete({ index: `${alias}-*` });
    await client.close();
  });

  it('writes a document and reads it back, found by a Chinese keyword', async () => {
    await ensureIndex(client, definition);
    await client.index({ index: alias, id: 'job-1', body: { title: '电子厂普工', location: { lat: 22.55, lon: 113.88 } }, refresh: true });
    const { body: doc } = await client.get({ index: alias, id: 'job-1' });
    expect(doc._source).toEqual({ title: '电子厂普工', location: { lat: 22.55, lon: 113.88 } });
    const { body: found } = await client.search({ index: alias, body: { query: { match: { title: '普工' } } } });
    expect(found.hits.hits.map((h) => h._id)).toEqual(['job-1']);
  });

  it('keeps an external version: an older write is refused', async () => {
    await ensureIndex(client, definition);
    await client.index({ index: alias, id: 'job-2', version: 3, version_type: 'external', body: { title: 'v3' } });
    await expect(
      client.index({ index: alias, id: 'job-2', version: 2, version_type: 'external', body: { title: 'v2' } }),
    ).rejects.toMatchObject({ meta: { statusCode: 409 } });
    const { body } = await client.get({ index: alias, id: 'job-2' });
    expect(body._source).toEqual({ title: 'v3' });
  });

  it('rebuilds into a new index and swaps the alias atomically', async () => {
    const before = await ensureIndex(client, definition);
    const { index, replaced } = await rebuildIndex(client, definition, async (target) => {
      await client.index({ index: target, id: 'job-3', body: { title: '新索引' } });
    });
    expect(replaced).toEqual([before]);
    const { body } = await client.indices.getAlias({ name: alias });
    expect(Object.keys(body)).toEqual([index]);
    const { body: doc } = await client.get({ index: alias, id: 'job-3' });
    expect(doc._source).toEqual({ title: '新索引' });
  });
});
