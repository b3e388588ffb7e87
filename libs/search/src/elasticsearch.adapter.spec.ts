import { Client, errors } from '@elastic/elasticsearch';
import Mock, { type MockPattern } from '@elastic/elasticsearch-mock';
import { elasticsearchRequests } from './elasticsearch.adapter';
import { EngineClient } from './engine-client';
import { DEFAULT_SEARCH_LIMITS, EngineCalls } from './engine-limits';
import { SearchEngineError } from './search-client';
import { ensureIndex, rebuildIndex } from './versioned-index';

type Reply = Record<string, unknown> | string | errors.ResponseError;

/** What the engine refuses a request with: its status and its error body, as Elasticsearch sends them. */
const refusal = (statusCode: number, type: string, reason: string) =>
  new errors.ResponseError({ statusCode, body: { error: { type, reason }, status: statusCode }, headers: {}, warnings: null, meta: {} as never });

describe('the Elasticsearch 8 adapter translates requests and answers (@elastic/elasticsearch-mock)', () => {
  let mock: Mock;
  let client: EngineClient;
  let sent: MockPattern[];

  /** Answers `method path` with `reply` and records each request the client sent there. */
  const answer = (method: string, path: string, reply: Reply | ((request: MockPattern) => Reply)) =>
    mock.add({ method, path }, (request) => {
      sent.push(request);
      return (typeof reply === 'function' ? reply(request) : reply) as never;
    });

  beforeEach(() => {
    mock = new Mock();
    sent = [];
    client = new EngineClient(elasticsearchRequests(new Client({ node: 'http://es.test:9200', Connection: mock.getConnection() })), new EngineCalls(DEFAULT_SEARCH_LIMITS));
  });

  it('writes a document with an external version: the document as the body, the version in the query string', async () => {
    answer('PUT', '/jobs/_doc/job-1', { _id: 'job-1', _version: 3, result: 'created' });
    await client.index('jobs', 'job-1', { title: '普工' }, { version: 3, refresh: true });
    expect(sent).toEqual([
      expect.objectContaining({ body: { title: '普工' }, querystring: { version: '3', version_type: 'external', refresh: 'true' } }),
    ]);
  });

  it('maps a version conflict and a missing index to SearchEngineError, as with OpenSearch', async () => {
    answer('PUT', '/jobs/_doc/job-1', refusal(409, 'version_conflict_engine_exception', '[job-1]: version conflict, current version [3] is higher'));
    answer('POST', '/gone/_search', refusal(404, 'index_not_found_exception', 'no such index [gone]'));
    const conflict = await client.index('jobs', 'job-1', {}, { version: 2 }).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(SearchEngineError);
    expect(conflict).toMatchObject({ statusCode: 409, type: 'version_conflict_engine_exception', meta: { statusCode: 409 } });
    await expect(client.search('gone', { query: { match_all: {} } })).rejects.toMatchObject({
      name: 'SearchEngineError', statusCode: 404, type: 'index_not_found_exception', message: expect.stringContaining('no such index [gone]'),
    });
  });

  it('reads a document with its version; a missing one is undefined', async () => {
    answer('GET', '/jobs/_doc/job-1', { _index: 'jobs-1', _id: 'job-1', _version: 3, found: true, _source: { title: '普工' } });
    answer('GET', '/jobs/_doc/job-2', new errors.ResponseError({ statusCode: 404, body: { _index: 'jobs-1', _id: 'job-2', found: false }, headers: {}, warnings: null, meta: {} as never }));
    answer('POST', '/jobs/_mget', { docs: [{ _id: 'job-1', _version: 3, found: true, _source: { version: 3 } }, { _id: 'job-2', found: false }] });
    expect(await client.get('jobs', 'job-1')).toEqual({ id: 'job-1', version: 3, source: { title: '普工' } });
    expect(await client.get('jobs', 'job-2')).toBeUndefined();
    expect(await client.mget('jobs', ['job-1', 'job-2'], { sourceIncludes: ['version'] })).toEqual([{ id: 'job-1', version: 3, source: { version: 3 } }, undefined]);
    expect(sent[2]).toMatchObject({ body: { ids: ['job-1', 'job-2'] }, querystring: { _source_includes: 'version' } });
  });

  it('bulk-writes as `operations` with external versions; each item answers, conflicts and errors included', async () => {
    answer('POST', '/_bulk', {
      errors: true,
      items: [
        { index: { _index: 'jobs-1', _id: 'job-1', status: 201, result: 'created' } },
        { index: { _index: 'jobs-1', _id: 'job-2', status: 409, error: { type: 'version_conflict_engine_exception', reason: 'current version [5] is higher' } } },
        { index: { _index: 'jobs-1', _id: 'job-3', status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } },
      ],
    });
    const items = await client.bulk([
      { index: 'jobs', id: 'job-1', version: 2, source: { title: 'a' } },
      { index: 'jobs', id: 'job-2', version: 4, source: { title: 'b' } },
      { index: 'jobs', id: 'job-3', source: { title: 'c' } },
    ]);
    expect(sent[0].body).toEqual([
      { index: { _index: 'jobs', _id: 'job-1', version: 2, version_type: 'external' } }, { title: 'a' },
      { index: { _index: 'jobs', _id: 'job-2', version: 4, version_type: 'external' } }, { title: 'b' },
      { index: { _index: 'jobs', _id: 'job-3' } }, { title: 'c' },
    ]);
    expect(items).toEqual([
      { id: 'job-1', status: 201 },
      { id: 'job-2', status: 409, error: { type: 'version_conflict_engine_exception', reason: 'current version [5] is higher' } },
      { id: 'job-3', status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } },
    ]);
  });

  it('searches with the query body as top-level parameters; hits, total and aggregations come back typed', async () => {
    answer('POST', '/jobs/_search', {
      hits: { total: { value: 7, relation: 'eq' }, hits: [{ _id: 'job-1', _score: 2.5, _source: { title: '普工' } }, { _id: 'job-2', _score: null, _source: { title: '焊工' } }] },
      aggregations: { kinds: { buckets: [{ key: 'gig', doc_count: 7 }] } },
    });
    answer('POST', '/jobs/_count', { count: 7 });
    const body = { query: { match: { title: '普工' } }, size: 2, sort: [{ _score: 'desc' }], track_total_hits: true, aggs: { kinds: { terms: { field: 'kind' } } } };
    expect(await client.search('jobs', body)).toEqual({
      total: 7,
      hits: [{ id: 'job-1', score: 2.5, source: { title: '普工' } }, { id: 'job-2', score: null, source: { title: '焊工' } }],
      aggregations: { kinds: { buckets: [{ key: 'gig', doc_count: 7 }] } },
    });
    expect(await client.count('jobs', { term: { kind: 'gig' } })).toBe(7);
    expect(sent.map((request) => request.body)).toEqual([body, { query: { term: { kind: 'gig' } } }]);
  });

  it('sends an msearch as header/body lines; a failed search comes back as its failure, the others as results', async () => {
    answer('POST', '/_msearch', {
      responses: [
        { status: 200, hits: { hits: [{ _id: 'w-1', _score: 1, _source: { workerId: 'w-1' } }] } },
        { status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } },
      ],
    });
    const items = await client.msearch(
      [{ index: 'workers', body: { query: { match_all: {} }, size: 5 } }, { index: 'workers', body: { query: { term: { kinds: 'gig' } }, size: 5 } }],
      { maxConcurrentSearches: 4 },
    );
    expect(sent[0]).toMatchObject({
      querystring: { max_concurrent_searches: '4' },
      body: [{ index: 'workers' }, { query: { match_all: {} }, size: 5 }, { index: 'workers' }, { query: { term: { kinds: 'gig' } }, size: 5 }],
    });
    expect(items).toEqual([
      { result: { total: undefined, hits: [{ id: 'w-1', score: 1, source: { workerId: 'w-1' } }] } },
      { failure: { status: 429, type: 'es_rejected_execution_exception', reason: 'queue full' } },
    ]);
  });

  it('rebuilds an index behind its alias: create, fill, refresh, one atomic alias swap, drop the old index', async () => {
    answer('PUT', '/:index', { acknowledged: true });
    answer('PUT', '/:index/_doc/:id', { result: 'created' });
    answer('GET', '/:index/_refresh', { _shards: {} });
    answer('HEAD', '/_alias/jobs', '');
    answer('GET', '/_alias/jobs', { 'jobs-old': { aliases: { jobs: { is_write_index: true } } } });
    answer('POST', '/_aliases', { acknowledged: true });
    answer('DELETE', '/:index', { acknowledged: true });
    const definition = { alias: 'jobs', settings: { number_of_shards: 1 }, mappings: { properties: { title: { type: 'text' } } } };

    const { index, replaced } = await rebuildIndex(client, definition, (target) => client.index(target, 'job-1', { title: '普工' }));

    expect(index).toMatch(/^jobs-\d+-[a-z0-9]+$/);
    expect(replaced).toEqual(['jobs-old']);
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PUT /${index}`, `PUT /${index}/_doc/job-1`, `GET /${index}/_refresh`, 'HEAD /_alias/jobs', 'GET /_alias/jobs', 'POST /_aliases', 'DELETE /jobs-old',
    ]);
    expect(sent[0].body).toEqual({ settings: definition.settings, mappings: definition.mappings });
    expect(sent[5].body).toEqual({
      actions: [{ remove: { index: 'jobs-old', alias: 'jobs' } }, { add: { index, alias: 'jobs', is_write_index: true } }],
    });
  });

  it('ensures an existing alias by putting the mappings on the index behind it (new fields added, nothing created)', async () => {
    answer('HEAD', '/_alias/jobs', '');
    answer('GET', '/_alias/jobs', { 'jobs-old': { aliases: { jobs: { is_write_index: true } } } });
    answer('PUT', '/:index/_mapping', { acknowledged: true });
    const mappings = { dynamic: 'strict', properties: { title: { type: 'text' }, laborBrand: { type: 'keyword' } } };
    expect(await ensureIndex(client, { alias: 'jobs', settings: {}, mappings })).toBe('jobs-old');
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual(['HEAD /_alias/jobs', 'GET /_alias/jobs', 'PUT /jobs-old/_mapping']);
    expect(sent[2].body).toEqual(mappings);
  });

  it('deletes by wildcard through the names it matches (Elasticsearch 8 refuses a wildcard delete)', async () => {
    answer('GET', '/test-*', { 'test-jobs-1': {}, 'test-workers-1': {} });
    answer('DELETE', '/:index', { acknowledged: true });
    await client.deleteIndex('test-*');
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /test-*', 'DELETE /test-jobs-1,test-workers-1']);
    expect(sent[0].querystring).toMatchObject({ expand_wildcards: 'all' });
  });
});
