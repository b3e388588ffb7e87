import { ensureIndex, rebuildIndex, type SearchClient, SearchEngineError } from '@laowu/search';
import { randomUUID } from 'node:crypto';
import { searchClient } from '../support/search';

describe('libs/search against the real search engine', () => {
  let client: SearchClient;
  const alias = `test-docs-${randomUUID().slice(0, 8)}`;
  const definition = {
    alias,
    settings: { number_of_shards: 1, number_of_replicas: 0 },
    mappings: { properties: { title: { type: 'text' as const, analyzer: 'cjk' }, location: { type: 'geo_point' as const } } },
  };

  beforeAll(() => {
    client = searchClient();
  });

  afterAll(async () => {
    await client.deleteIndex(`${alias}-*`);
    await client.close();
  });

  it('writes a document and reads it back, found by a Chinese keyword', async () => {
    await ensureIndex(client, definition);
    await client.index(alias, 'job-1', { title: '电子厂普工', location: { lat: 22.55, lon: 113.88 } }, { refresh: true });
    const doc = await client.get(alias, 'job-1');
    expect(doc?.source).toEqual({ title: '电子厂普工', location: { lat: 22.55, lon: 113.88 } });
    const found = await client.search(alias, { query: { match: { title: '普工' } } });
    expect(found.hits.map((h) => h.id)).toEqual(['job-1']);
    expect(await client.get(alias, 'no-such-job')).toBeUndefined();
  });

  it('keeps an external version: an older write is refused', async () => {
    await ensureIndex(client, definition);
    await client.index(alias, 'job-2', { title: 'v3' }, { version: 3 });
    await expect(client.index(alias, 'job-2', { title: 'v2' }, { version: 2 })).rejects.toMatchObject({
      name: 'SearchEngineError', statusCode: 409, type: 'version_conflict_engine_exception', meta: { statusCode: 409 },
    });
    const doc = await client.get(alias, 'job-2');
    expect(doc).toEqual({ id: 'job-2', version: 3, source: { title: 'v3' } });
  });

  it('bulk-writes with external versions: each item answers, a stale one with 409', async () => {
    await ensureIndex(client, definition);
    const items = await client.bulk([
      { index: alias, id: 'job-4', version: 2, source: { title: 'v2' } },
      { index: alias, id: 'job-4', version: 1, source: { title: 'v1' } },
    ]);
    expect(items.map((i) => [i.id, i.status, i.error?.type])).toEqual([['job-4', 201, undefined], ['job-4', 409, 'version_conflict_engine_exception']]);
    expect(await client.mget(alias, ['job-4', 'no-such-job'])).toEqual([{ id: 'job-4', version: 2, source: { title: 'v2' } }, undefined]);
  });

  it('runs several searches in one msearch, a failed one reported alone', async () => {
    await ensureIndex(client, definition);
    await client.index(alias, 'job-5', { title: '普工' }, { refresh: true });
    const [found, failed] = await client.msearch([
      { index: alias, body: { query: { ids: { values: ['job-5'] } } } },
      { index: `${alias}-missing`, body: { query: { match_all: {} } } },
    ]);
    expect(found.result?.hits.map((h) => h.id)).toEqual(['job-5']);
    expect(failed.failure).toMatchObject({ status: 404, type: 'index_not_found_exception' });
  });

  it('maps a missing index to SearchEngineError 404', async () => {
    const error = await client.search(`${alias}-missing`, { query: { match_all: {} } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchEngineError);
    expect(error).toMatchObject({ statusCode: 404, type: 'index_not_found_exception' });
  });

  it('adds a new release’s fields to the live index when ensured again, so a strict mapping takes documents carrying them', async () => {
    const strictAlias = `${alias}-strict`;
    const v1 = { alias: strictAlias, settings: definition.settings, mappings: { dynamic: 'strict', properties: { title: { type: 'text', analyzer: 'cjk' } } } };
    const v2 = { ...v1, mappings: { ...v1.mappings, properties: { ...v1.mappings.properties, brand: { type: 'keyword' } } } };
    const index = await ensureIndex(client, v1);
    await expect(client.index(strictAlias, 'doc-1', { title: '焊工', brand: 'chuan-mei-zi' })).rejects.toMatchObject({ statusCode: 400 });
    expect(await ensureIndex(client, v2)).toBe(index);
    await client.index(strictAlias, 'doc-1', { title: '焊工', brand: 'chuan-mei-zi' }, { refresh: true });
    const found = await client.search(strictAlias, { query: { term: { brand: 'chuan-mei-zi' } } });
    expect(found.hits.map((h) => h.id)).toEqual(['doc-1']);
    // A changed field type is refused: that needs a rebuild.
    const changed = { ...v2, mappings: { ...v2.mappings, properties: { ...v2.mappings.properties, brand: { type: 'integer' } } } };
    await expect(ensureIndex(client, changed)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('rebuilds into a new index and swaps the alias atomically', async () => {
    const before = await ensureIndex(client, definition);
    const { index, replaced } = await rebuildIndex(client, definition, async (target) => {
      await client.index(target, 'job-3', { title: '新索引' });
    });
    expect(replaced).toEqual([before]);
    expect(await client.aliasTargets(alias)).toEqual([index]);
    const doc = await client.get(alias, 'job-3');
    expect(doc?.source).toEqual({ title: '新索引' });
  });
});
