import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SEARCH_LIMITS } from './engine-limits';
import { type SearchClient } from './search-client';
import { createSearchClient } from './search.module';

interface Received {
  method: string;
  url: string;
  body: string;
}

/** A stand-in OpenSearch that records each request and answers with the next of `replies` (status, body). */
class RecordingEngine {
  private server?: Server;
  readonly received: Received[] = [];
  replies: [number, object][] = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.received.push({ method: req.method!, url: req.url!, body });
        const [status, reply] = this.replies.shift() ?? [200, {}];
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const lines = (ndjson: string) => ndjson.trim().split('\n').map((line) => JSON.parse(line) as unknown);

describe('the OpenSearch adapter sends bodies under `body` and reads answers from `{ body }`', () => {
  let engine: RecordingEngine;
  let client: SearchClient;

  beforeEach(async () => {
    engine = new RecordingEngine();
    client = createSearchClient(await engine.start(), { ...DEFAULT_SEARCH_LIMITS, maxConcurrent: 1 });
  });

  afterEach(async () => {
    await client.close();
    await engine.stop();
  });

  it('writes with an external version and maps a version conflict to SearchEngineError', async () => {
    engine.replies = [[201, { result: 'created' }], [409, { error: { type: 'version_conflict_engine_exception', reason: 'current version [3] is higher' }, status: 409 }]];
    await client.index('jobs', 'job-1', { title: '普工' }, { version: 3 });
    const conflict = client.index('jobs', 'job-1', { title: '旧' }, { version: 2 });
    await expect(conflict).rejects.toMatchObject({ name: 'SearchEngineError', statusCode: 409, type: 'version_conflict_engine_exception' });
    expect(engine.received[0]).toEqual({ method: 'PUT', url: '/jobs/_doc/job-1?version=3&version_type=external', body: JSON.stringify({ title: '普工' }) });
  });

  it('bulk-writes ndjson lines with external versions and answers per item', async () => {
    engine.replies = [[200, { errors: true, items: [{ index: { _id: 'job-1', status: 201 } }, { index: { _id: 'job-2', status: 409, error: { type: 'version_conflict_engine_exception' } } }] }]];
    const items = await client.bulk([{ index: 'jobs', id: 'job-1', version: 2, source: { a: 1 } }, { index: 'jobs', id: 'job-2', version: 1, source: { a: 2 } }]);
    expect(items).toEqual([{ id: 'job-1', status: 201 }, { id: 'job-2', status: 409, error: { type: 'version_conflict_engine_exception', reason: undefined } }]);
    expect(engine.received[0].url).toBe('/_bulk');
    expect(lines(engine.received[0].body)).toEqual([
      { index: { _index: 'jobs', _id: 'job-1', version: 2, version_type: 'external' } }, { a: 1 },
      { index: { _index: 'jobs', _id: 'job-2', version: 1, version_type: 'external' } }, { a: 2 },
    ]);
  });

  it('sends an msearch as header/body lines; results and failures come back per search', async () => {
    engine.replies = [[200, { responses: [{ status: 200, hits: { hits: [{ _id: 'w-1', _score: 1, _source: { workerId: 'w-1' } }] } }, { status: 503, error: { type: 'unavailable' } }] }]];
    const items = await client.msearch([{ index: 'workers', body: { size: 1 } }, { index: 'workers', body: { size: 2 } }], { maxConcurrentSearches: 2 });
    expect(items).toEqual([{ result: { total: undefined, hits: [{ id: 'w-1', score: 1, source: { workerId: 'w-1' } }] } }, { failure: { status: 503, type: 'unavailable', reason: undefined } }]);
    expect(engine.received[0].url).toBe('/_msearch?max_concurrent_searches=2');
    expect(lines(engine.received[0].body)).toEqual([{ index: 'workers' }, { size: 1 }, { index: 'workers' }, { size: 2 }]);
  });
});
