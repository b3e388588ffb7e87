import { type Principal } from '@laowu/auth';
import { makeResidentId } from '@laowu/domain';
import { inDays } from '@laowu/testkit';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ABOUT as DISPATCH, AppModule as DispatchModule } from '../../apps/dispatch/src/app.module';
import { DispatchConfig } from '../../apps/dispatch/src/dispatch.config';
import { ABOUT as JOBS, AppModule as JobsModule } from '../../apps/job-collection/src/app.module';
import { JobCollectionConfig } from '../../apps/job-collection/src/job-collection.config';
import { ABOUT as MATCHING, AppModule as MatchingModule } from '../../apps/matching/src/app.module';
import { MatchingConfig } from '../../apps/matching/src/matching.config';
import { ABOUT as WORKERS, AppModule as WorkersModule } from '../../apps/worker-profiles/src/app.module';
import { WorkerProfilesConfig } from '../../apps/worker-profiles/src/worker-profiles.config';
import { testInfra } from '../support/infra';
import { startTestApp, type TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';
import { type AppKey, generate, isRefusedItem, type MalformedRequest, MUTATION_KINDS, type RoleKey, sweepEndpoints, type SweepContext } from './malformed-requests.fixtures';

/**
 * Issue 7, the bad-input sweep: thousands of generated malformed requests against every write
 * endpoint of the four apps, with tokens of the right role so that they reach validation. No
 * answer may be a 5xx, a non-JSON body, an error outside the API's shape or a hang, and nothing may
 * be written. BAD_INPUT_SEED=<n> replays a sequence of mutations.
 */

const SEED = Number(process.env.BAD_INPUT_SEED ?? 20260707);
const PER_KIND = Number(process.env.BAD_INPUT_PER_KIND ?? 44);
const CONCURRENCY = 16;
/** Bodies of a megabyte and more go two at a time: the client and the four apps share one event loop. */
const BIG_BODY = 256 * 1024;
const BIG_CONCURRENCY = 2;
const TIMEOUT_MS = 10_000;
const SCHEMAS = ['job_collection', 'worker_profiles', 'matching', 'dispatch'] as const;

interface Answer {
  status?: number;
  contentType?: string;
  text?: string;
  error?: string;
  ms: number;
}

interface Failure {
  request: MalformedRequest;
  answer: Answer;
  problem: string;
}

describe('bad-input sweep: malformed requests against every write endpoint', () => {
  const runId = randomBytes(4).toString('hex');
  const principals: Record<RoleKey, Principal> = {
    agency: { sub: `agency-sweep-${runId}`, role: 'agency', region: '440300' },
    station: { sub: `station-sweep-${runId}`, role: 'station', region: '513401' },
    coordinator: { sub: `coordinator-sweep-${runId}`, role: 'coordinator', region: '513401' },
    admin: { sub: `admin-sweep-${runId}`, role: 'admin', region: '100000' },
  };
  const tokens = Object.fromEntries(Object.entries(principals).map(([role, p]) => [role, bearer(p)])) as Record<RoleKey, string>;
  const apps = {} as Record<AppKey, TestApp<{ BODY_LIMIT_BYTES: number }>>;
  let db: Client;
  let ctx: SweepContext;

  beforeAll(async () => {
    // No Kafka consumers: the sweep only calls HTTP, and a rate limit high enough for thousands of calls.
    const env = { RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'fatal' };
    apps.jobs = await startTestApp({ configClass: JobCollectionConfig, about: JOBS, module: JobsModule.forRoot }, { env, consume: false });
    apps.workers = await startTestApp({ configClass: WorkerProfilesConfig, about: WORKERS, module: WorkersModule.forRoot }, { env, consume: false });
    apps.matching = await startTestApp({ configClass: MatchingConfig, about: MATCHING, module: MatchingModule.forRoot }, { env, consume: false });
    apps.dispatch = await startTestApp({ configClass: DispatchConfig, about: DISPATCH, module: DispatchModule.forRoot }, { env, consume: false });
    db = new Client({ connectionString: testInfra().databaseUrl });
    await db.connect();

    const now = Date.now();
    const residentId = () =>
      makeResidentId({
        regionCode: '513401',
        birthDate: new Date(Date.UTC(1970 + Math.floor(Math.random() * 30), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28))).toISOString().slice(0, 10),
        gender: 'female',
        sequence: Math.floor(Math.random() * 500) * 2,
      });
    const [open] = (await db.query(`SELECT job_id FROM dispatch.job_view WHERE status = 'open' ORDER BY updated_at DESC LIMIT 1`)).rows;
    ctx = {
      runId,
      jobId: '',
      workerId: '',
      batchId: randomUUID(),
      openJobId: open?.job_id ?? randomUUID(),
      placementId: randomUUID(),
      complaintId: randomUUID(),
      employerId: randomUUID(),
      offerId: randomUUID(),
      requestId: randomUUID(),
      freshIdNumbers: [residentId(), residentId(), residentId(), residentId()],
      stationSub: principals.station.sub,
      startAt: inDays(30, now),
      endAt: inDays(32, now),
      yesterday: inDays(-1, now).slice(0, 10),
      bodyLimits: { jobs: apps.jobs.config.BODY_LIMIT_BYTES, workers: apps.workers.config.BODY_LIMIT_BYTES, matching: apps.matching.config.BODY_LIMIT_BYTES, dispatch: apps.dispatch.config.BODY_LIMIT_BYTES },
    };

    // Fixtures the id-taking endpoints act on: a job, a worker, a planned batch (when dispatch knows an open job).
    const specs = sweepEndpoints(ctx);
    ctx.jobId = (await fixture('jobs', 'POST', '/v1/jobs', 'agency', specs['PUT /v1/jobs/:id'].bases![0])).id;
    const worker = { ...specs['POST /v1/workers'].bases![0], idNumber: residentId() };
    ctx.workerId = (await fixture('workers', 'POST', '/v1/workers', 'station', worker)).id;
    // The batch leaves from the sweep's station, which dispatch must know and place in the coordinator's region (issue 14 #5).
    await fixture('dispatch', 'POST', '/v1/stations', 'admin', { id: ctx.stationSub, name: `sweep ${runId} station`, regionCode: '513401', location: { lat: 27.88, lon: 102.27 } });
    if (open) ctx.batchId = (await fixture('dispatch', 'POST', '/v1/dispatch/batches', 'coordinator', specs['POST /v1/dispatch/batches'].bases![0])).id;
    // The sweep runs without consumers: dispatch's view of the worker is written as its event would write it, so that
    // well-formed placement bodies reach the rules (422) rather than the access check (403).
    await db.query(
      `INSERT INTO dispatch.worker_view (worker_id, version, station_id, priority_groups, willing_to_migrate, home_region_code, residence_region_code, updated_at)
       VALUES ($1, 1, $2, '{poverty_alleviated}', true, '513401', '513401', now())`,
      [ctx.workerId, ctx.stationSub],
    );
    ctx.placementId = (await fixture('dispatch', 'POST', '/v1/placements', 'station', sweepEndpoints(ctx)['POST /v1/placements'].bases![0])).id;
    // job-collection's view of the worker's station, likewise: a complaint for the worker reaches the rules.
    await db.query(`INSERT INTO job_collection.worker_view (worker_id, station_id, version) VALUES ($1, $2, 1)`, [ctx.workerId, ctx.stationSub]);
    ctx.complaintId = (await fixture('jobs', 'POST', '/v1/complaints', 'station', sweepEndpoints(ctx)['POST /v1/complaints'].bases![0])).id;
    ctx.employerId = (await fixture('jobs', 'POST', '/v1/employers', 'agency', sweepEndpoints(ctx)['POST /v1/employers'].bases![0])).id;
    const borrower = (await fixture('jobs', 'POST', '/v1/employers', 'agency', sweepEndpoints(ctx)['POST /v1/employers'].bases![1])).id;
    ctx.offerId = (await fixture('jobs', 'POST', '/v1/sharing/offers', 'agency', sweepEndpoints(ctx)['POST /v1/sharing/offers'].bases![0])).id;
    ctx.requestId = (await fixture('jobs', 'POST', '/v1/sharing/requests', 'agency', { ...sweepEndpoints(ctx)['POST /v1/sharing/requests'].bases![0], employerId: borrower })).id;
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await Promise.all(Object.values(apps).map((app) => app.close()));
  });

  async function fixture(app: AppKey, method: string, path: string, role: RoleKey, body: unknown): Promise<{ id: string }> {
    const answer = await send(app, { method, path, role, contentType: 'application/json', body: Buffer.from(JSON.stringify(body)) });
    if (answer.status !== 201) throw new Error(`fixture ${method} ${path}: ${answer.status} ${answer.error ?? answer.text}`);
    return JSON.parse(answer.text!);
  }

  function send(
    app: AppKey,
    request: Pick<MalformedRequest, 'method' | 'path' | 'role' | 'contentType' | 'extraHeaders' | 'body'> | { method: string; path: string; role: RoleKey; contentType?: string; body?: Buffer; extraHeaders?: Record<string, string> },
    fresh = false,
  ): Promise<Answer> {
    const url = new URL(apps[app].url);
    const started = Date.now();
    const big = (request.body?.length ?? 0) > 512 * 1024;
    return new Promise<Answer>((resolve) => {
      let settled = false;
      const finish = (answer: Omit<Answer, 'ms'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...answer, ms: Date.now() - started });
      };
      const headers: Record<string, string | number> = { Authorization: tokens[request.role], ...request.extraHeaders };
      if (request.contentType !== undefined) headers['Content-Type'] = request.contentType;
      if (request.body !== undefined) headers['Content-Length'] = request.body.length;
      let req: http.ClientRequest;
      try {
        req = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent: big || fresh ? false : agent });
      } catch (error) {
        // The client refused to send it (e.g. characters a path may not hold): a generator bug.
        resolve({ error: `client refused: ${(error as Error).message}`, ms: 0 });
        return;
      }
      const timer = setTimeout(() => {
        finish({ error: `no answer within ${TIMEOUT_MS} ms` });
        req.destroy();
      }, TIMEOUT_MS);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => finish({ status: res.statusCode, contentType: res.headers['content-type'], text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => finish({ status: res.statusCode, contentType: res.headers['content-type'], error: error.message }));
      });
      req.on('error', (error) => {
        const code = (error as NodeJS.ErrnoException).code;
        if (req.reusedSocket && code === 'ECONNRESET' && !fresh) {
          // The keep-alive race Node's docs describe: the server closed an idle pooled socket as
          // this request was written to it, so the server never read it. Once more, on a new one.
          clearTimeout(timer);
          settled = true;
          resentAfterReset++;
          void send(app, request, true).then(resolve);
          return;
        }
        finish({ error: `${code ?? ''} ${error.message}` });
      });
      req.end(request.body);
    });
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let resentAfterReset = 0;

  function problemWith(request: MalformedRequest, answer: Answer): string | undefined {
    if (answer.status === undefined) return `no HTTP answer: ${answer.error}`;
    if (answer.status >= 500) return `${answer.status}: a server error for bad input`;
    if (!/^application\/json\b/.test(answer.contentType ?? '')) return `${answer.status} with Content-Type ${answer.contentType ?? '(none)'}, not JSON`;
    let body: any;
    try {
      body = JSON.parse(answer.text ?? '');
    } catch {
      return `${answer.status}: the body is not JSON`;
    }
    if (request.expect === 'error-or-bulk-item-errors' && answer.status === 200) {
      const results: { status?: unknown }[] | undefined = body?.results;
      if (!Array.isArray(results) || !results.length) return '200 without results';
      const accepted = results.filter((r) => !isRefusedItem(r.status));
      return accepted.length ? `bulk items accepted: ${JSON.stringify(accepted).slice(0, 200)}` : undefined;
    }
    if (answer.status < 400) return `${answer.status}: ACCEPTED a malformed request`;
    if (!request.statuses.includes(answer.status)) return `${answer.status}, expected one of ${request.statuses.join('/')}`;
    const shapeOk =
      body && typeof body === 'object' && !Array.isArray(body) && body.statusCode === answer.status && typeof body.error === 'string' && typeof body.message === 'string' &&
      (body.details === undefined || (Array.isArray(body.details) && body.details.every((d: any) => d && typeof d.field === 'string' && typeof d.problem === 'string')));
    return shapeOk ? undefined : `${answer.status} not in the error shape { statusCode, error, message, details? }`;
  }

  /** Rows the sweep could touch: its principals' rows, the fixtures, and new outbox rows that name them. */
  async function footprint(outboxFrom: Record<string, string>): Promise<Record<string, string>> {
    const like = `%${runId}%`;
    const ids = [ctx.jobId, ctx.workerId, ctx.batchId, ctx.placementId];
    const one = async (sql: string, params: unknown[]) => String(Object.values((await db.query(sql, params)).rows[0] ?? { none: 'none' })[0]);
    const result: Record<string, string> = {
      'job_collection.jobs of the sweep agency': await one('SELECT count(*) FROM job_collection.jobs WHERE agency_id = $1', [principals.agency.sub]),
      'job_collection.jobs fixture row': await one('SELECT md5(j::text) FROM job_collection.jobs j WHERE id = $1', [ctx.jobId]),
      'worker_profiles.workers of the sweep station': await one('SELECT count(*) FROM worker_profiles.workers WHERE station_id = $1', [principals.station.sub]),
      'worker_profiles.workers fixture row': await one('SELECT md5(w::text) FROM worker_profiles.workers w WHERE id = $1', [ctx.workerId]),
      'worker_profiles.employment_status_history of sweep workers': await one(
        'SELECT count(*) FROM worker_profiles.employment_status_history WHERE worker_id IN (SELECT id FROM worker_profiles.workers WHERE station_id = $1)',
        [principals.station.sub],
      ),
      'dispatch.stations of the sweep': await one('SELECT count(*) FROM dispatch.stations WHERE id LIKE $1 OR name LIKE $1', [like]),
      'dispatch.batches of the sweep coordinator': await one('SELECT count(*) FROM dispatch.batches WHERE coordinator_id = $1 OR destination_address LIKE $2', [principals.coordinator.sub, like]),
      'dispatch.batches fixture row': await one('SELECT md5(b::text) FROM dispatch.batches b WHERE id = $1', [ctx.batchId]),
      'dispatch.batch_workers of the fixture batch': await one('SELECT count(*) FROM dispatch.batch_workers WHERE batch_id = $1', [ctx.batchId]),
      'dispatch.matches of the sweep station': await one('SELECT count(*) FROM dispatch.matches WHERE station_id = $1', [principals.station.sub]),
      'dispatch.placements of the sweep worker': await one('SELECT md5(string_agg(p::text, \',\' ORDER BY id)) FROM dispatch.placements p WHERE worker_id = $1', [ctx.workerId]),
      'dispatch.placement_checks of the sweep worker': await one('SELECT count(*) FROM dispatch.placement_checks WHERE placement_id = $1', [ctx.placementId]),
      'dispatch.workshops of the sweep': await one('SELECT count(*) FROM dispatch.workshops WHERE name LIKE $1', [like]),
      'worker_profiles.follow_ups of the sweep worker': await one('SELECT count(*) FROM worker_profiles.follow_ups WHERE worker_id = $1', [ctx.workerId]),
      'worker_profiles.worker_income of the sweep worker': await one('SELECT count(*) FROM worker_profiles.worker_income WHERE worker_id = $1', [ctx.workerId]),
      'worker_profiles.monitoring_lines': await one('SELECT md5(string_agg(l::text, \',\' ORDER BY region_code)) FROM worker_profiles.monitoring_lines l', []),
      'matching.ranking_weight_versions': await one('SELECT count(*) FROM matching.ranking_weight_versions', []),
      'job_collection.employers of the sweep agency': await one('SELECT md5(string_agg(e::text, \',\' ORDER BY id)) FROM job_collection.employers e WHERE agency_id = $1', [principals.agency.sub]),
      'job_collection.sharing_posts of the sweep agency': await one('SELECT md5(string_agg(p::text, \',\' ORDER BY id)) FROM job_collection.sharing_posts p WHERE agency_id = $1', [principals.agency.sub]),
      'job_collection.sharing_agreements of the sweep agency': await one('SELECT count(*) FROM job_collection.sharing_agreements WHERE agency_id = $1', [principals.agency.sub]),
      'job_collection.complaints of the sweep station': await one('SELECT md5(string_agg(c::text, \',\' ORDER BY id)) FROM job_collection.complaints c WHERE station_id = $1', [principals.station.sub]),
      'job_collection.training_courses of the sweep': await one('SELECT count(*) FROM job_collection.training_courses WHERE title LIKE $1', [like]),
      'job_collection.labor_brands of the sweep': await one('SELECT count(*) FROM job_collection.labor_brands WHERE name LIKE $1 OR code LIKE $1', [like]),
    };
    for (const schema of SCHEMAS) {
      result[`${schema}.outbox rows naming the sweep`] = await one(
        `SELECT count(*) FROM ${schema}.outbox WHERE seq > $1 AND (key = ANY($2) OR payload::text LIKE $3)`,
        [outboxFrom[schema], ids, like],
      );
    }
    return result;
  }

  it('answers every malformed request with a JSON 4xx in the API error shape, in time, and writes nothing', async () => {
    const requests = generate(sweepEndpoints(ctx), { seed: SEED, perKind: PER_KIND });
    const outboxFrom: Record<string, string> = {};
    for (const schema of SCHEMAS) outboxFrom[schema] = String((await db.query(`SELECT coalesce(max(seq), 0) AS max FROM ${schema}.outbox`)).rows[0].max);
    const before = await footprint(outboxFrom);

    const started = Date.now();
    const failures: Failure[] = [];
    const byStatus = new Map<string, number>();
    const byEndpoint = new Map<string, Map<string, number>>();
    let slowest = { ms: 0, what: '' };
    const sweep = async (batch: MalformedRequest[], concurrency: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < batch.length) {
            const request = batch[next++];
            const answer = await send(request.app, request);
            const status = String(answer.status ?? 'none');
            byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
            const row = byEndpoint.get(request.endpoint) ?? new Map<string, number>();
            row.set(request.kind, (row.get(request.kind) ?? 0) + 1);
            byEndpoint.set(request.endpoint, row);
            if (answer.ms > slowest.ms) slowest = { ms: answer.ms, what: `${request.endpoint} ${request.kind}: ${request.what}` };
            const problem = problemWith(request, answer);
            if (problem) failures.push({ request, answer, problem });
          }
        }),
      );
    };
    await sweep(requests.filter((r) => (r.body?.length ?? 0) < BIG_BODY), CONCURRENCY);
    await sweep(requests.filter((r) => (r.body?.length ?? 0) >= BIG_BODY), BIG_CONCURRENCY);
    const seconds = (Date.now() - started) / 1000;
    const after = await footprint(outboxFrom);

    report(requests, byEndpoint, byStatus, seconds, slowest, resentAfterReset);
    rmSync('test-results/bad-input-failures.txt', { force: true });
    if (failures.length) {
      // Every failure, grouped, for whoever fixes them (test-results/ is not committed).
      const groups = new Map<string, string[]>();
      for (const f of failures) {
        const key = `${f.request.endpoint} [${f.request.kind}] ${f.problem.replace(/\{.*$/, '').slice(0, 80)}`;
        groups.set(key, [...(groups.get(key) ?? []), describeFailure(f)]);
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/bad-input-failures.txt', [...groups].map(([key, all]) => `=== ${key} (${all.length})\n${all.slice(0, 3).join('\n')}`).join('\n\n'));
    }
    const serverErrors = failures.filter((f) => (f.answer.status ?? 0) >= 500);
    const shown = [...serverErrors, ...failures.filter((f) => !serverErrors.includes(f))].slice(0, 8);
    const message = [
      `${failures.length} of ${requests.length} malformed requests were answered wrongly (${serverErrors.length} with a 5xx); seed ${SEED} (BAD_INPUT_SEED=${SEED} replays it).`,
      ...shown.map(describeFailure),
    ].join('\n\n');
    expect({ failures: failures.length ? message : 'none' }).toEqual({ failures: 'none' });
    expect(after).toEqual(before);
    expect(requests.length).toBeGreaterThanOrEqual(5000);
  }, 600_000);

  function describeFailure({ request, answer, problem }: Failure): string {
    const body = request.body;
    const preview = body === undefined ? '(none)' : `${body.length} bytes: ${JSON.stringify(body.subarray(0, 300).toString('utf8'))}${body.length > 300 ? '…' : ''}`;
    return [
      `#${request.seq} ${request.endpoint} [${request.kind}] ${request.what}`,
      `  problem: ${problem}`,
      `  request: ${request.method} ${request.path.length > 200 ? `${request.path.slice(0, 200)}…(${request.path.length} chars)` : request.path} as ${request.role}`,
      `  headers: Content-Type ${request.contentType ?? '(none)'} ${request.extraHeaders ? JSON.stringify(request.extraHeaders) : ''}`,
      `  body: ${preview}`,
      `  answer: ${answer.status ?? '-'} ${answer.contentType ?? ''} in ${answer.ms} ms ${answer.error ?? ''} ${(answer.text ?? '').slice(0, 300)}`,
    ].join('\n');
  }
});

function report(
  requests: MalformedRequest[],
  byEndpoint: Map<string, Map<string, number>>,
  byStatus: Map<string, number>,
  seconds: number,
  slowest: { ms: number; what: string },
  resentAfterReset: number,
): void {
  const kinds = MUTATION_KINDS.filter((kind) => requests.some((r) => r.kind === kind));
  const short = (kind: string) => kind.replace('wrong-', 'w-').replace('missing-', 'miss-').replace('content-type', 'ctype').slice(0, 9);
  const lines = [
    `bad-input sweep: ${requests.length} requests in ${seconds.toFixed(1)} s (seed ${SEED}, ${CONCURRENCY} in flight, ${BIG_CONCURRENCY} for bodies ≥ ${BIG_BODY / 1024} KB); slowest ${slowest.ms} ms (${slowest.what.slice(0, 120)})`,
    `statuses: ${[...byStatus].sort().map(([s, n]) => `${s}×${n}`).join('  ')}; resent on a new connection after a keep-alive reset: ${resentAfterReset}`,
    ['endpoint'.padEnd(50), ...kinds.map((k) => short(k).padStart(9)), 'total'.padStart(7)].join(''),
  ];
  for (const [endpoint, row] of byEndpoint) {
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    lines.push([endpoint.padEnd(50), ...kinds.map((k) => String(row.get(k) ?? '').padStart(9)), String(total).padStart(7)].join(''));
  }
  lines.push(['total'.padEnd(50), ...kinds.map((k) => String(requests.filter((r) => r.kind === k).length).padStart(9)), String(requests.length).padStart(7)].join(''));
  console.log(lines.join('\n'));
}
