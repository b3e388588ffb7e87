import { type Principal } from '@laowu/auth';
import { eventually } from '@laowu/testkit';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Events, job as jobChanged, match } from '../../apps/dispatch/test/dispatch.fixtures';
import { type AllApps, startAllApps } from '../support/all-apps';
import { type TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';
import { agreementBody, batchBody, complaintBody, courseBody, creditCode, employerBody, type Fixtures, sharingPostBody, jobBody, OWN_REGION, placementBody, principals, requestFor, workerBody } from './access-matrix.requests';
import { ACCESS_MATRIX, expectedOutcome, type MatrixRole, type Outcome, parseRow, ROLES, type RowSpec, type Scope } from './access-matrix.table';

interface Answer {
  status: number;
  body: string;
}

/**
 * Issue 14, the access matrix: every route the four apps serve (read from their routers, not from
 * a list) × no token and every role × the caller's own record or region and another's, against
 * ACCESS_MATRIX (access-matrix.table.ts). A route without a row fails; so does a row for a route no
 * app serves. Where a refusal depends on the record, a record of someone else and one that does
 * not exist must be refused with the same body (unless the row admits `exists=404`).
 */
describe('access matrix: every endpoint × every role × own or another’s', () => {
  const run = randomUUID().slice(0, 8);
  const who = principals(run);
  const tokenOf = new Map<Principal, string>();
  const token = (p: Principal) => tokenOf.get(p) ?? tokenOf.set(p, bearer(p)).get(p)!;
  let apps: AllApps;
  let fx: Fixtures;
  const events = new Events();
  /** `METHOD path` → the app serving it. */
  const served = new Map<string, TestApp<unknown>>();

  beforeAll(async () => {
    apps = await startAllApps({ groupPrefix: 'access', env: { RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'fatal' } });
    for (const app of [apps.jobs, apps.workers, apps.matching, apps.dispatch] as TestApp<unknown>[]) {
      for (const route of routesOf(app)) served.set(route, app);
    }
    fx = await makeFixtures();
  }, 180_000);

  afterAll(async () => {
    await events.close();
    await apps?.close();
  });

  async function makeFixtures(): Promise<Fixtures> {
    const own = who.own;
    const admin = token(own.admin);
    const stationId = own.station.sub;
    for (const [id, regionCode] of [[stationId, OWN_REGION], [who.other.station.sub, who.other.station.region]]) {
      await expectCall(apps.dispatch, 'POST', '/v1/stations', admin, { id, name: `access matrix ${run}`, regionCode, location: { lat: 27.88, lon: 102.27 } }, 201);
    }
    const jobId = (await expectCall(apps.jobs, 'POST', '/v1/jobs', token(own.agency), jobBody(run, 'fixture'), 201)).id;
    const workerId = (await expectCall(apps.workers, 'POST', '/v1/workers', token(own.station), workerBody(stationId), 201)).id;
    // dispatch must know the job before a batch can travel to it; matching must have indexed both
    const dispatchDb = apps.dispatch.app.get(DataSource);
    await eventually(async () => {
      const [{ n }] = await dispatchDb.query(`SELECT count(*)::int AS n FROM dispatch.job_view WHERE job_id = $1 AND version > 0`, [jobId]);
      expect(n).toBe(1);
    }, 60_000, 200);
    await eventually(() => expectCall(apps.matching, 'GET', `/v1/jobs/${jobId}/candidates?limit=1`, admin, undefined, 200), 60_000, 300);
    await eventually(() => expectCall(apps.matching, 'GET', `/v1/workers/${workerId}/matches?limit=1`, admin, undefined, 200), 60_000, 300);
    const fixtures: Fixtures = { run, jobId, workerId, stationId, batchId: '', matchId: '', placementId: '', creditCode: creditCode(), complaintId: '', courseId: '',
      employerId: '', offerId: '', requestId: '', agreementId: '' };
    fixtures.batchId = (await expectCall(apps.dispatch, 'POST', '/v1/dispatch/batches', token(own.coordinator), batchBody(fixtures), 201)).id;
    // station A's match, as matching would publish it
    const found = match(stationId, jobChanged({ jobId, agencyId: own.agency.sub }), { workerId });
    await events.matches(found);
    await eventually(async () => {
      const [{ n }] = await dispatchDb.query(`SELECT count(*)::int AS n FROM dispatch.matches WHERE id = $1`, [found.matchId]);
      expect(n).toBe(1);
    }, 60_000, 200);
    fixtures.matchId = found.matchId;
    // dispatch knows the worker (its view) once the placement is accepted
    fixtures.placementId = await eventually(async () => (await expectCall(apps.dispatch, 'POST', '/v1/placements', token(own.station), placementBody(fixtures), 201)).id, 60_000, 300);
    // job-collection knows the worker's station through its view once the worker's event arrives
    fixtures.complaintId = await eventually(async () => (await expectCall(apps.jobs, 'POST', '/v1/complaints', token(own.station), complaintBody(fixtures), 201)).id, 60_000, 300);
    fixtures.courseId = (await expectCall(apps.jobs, 'POST', '/v1/training/courses', token(own.station), courseBody(fixtures), 201)).id;
    // 共享用工: agency A lends staff of one employer to another of its employers; matching must know the request
    fixtures.employerId = (await expectCall(apps.jobs, 'POST', '/v1/employers', token(own.agency), employerBody(run), 201)).id;
    const borrowerId = (await expectCall(apps.jobs, 'POST', '/v1/employers', token(own.agency), employerBody(run), 201)).id;
    fixtures.offerId = (await expectCall(apps.jobs, 'POST', '/v1/sharing/offers', token(own.agency), sharingPostBody(fixtures.employerId), 201)).id;
    fixtures.requestId = (await expectCall(apps.jobs, 'POST', '/v1/sharing/requests', token(own.agency), sharingPostBody(borrowerId), 201)).id;
    fixtures.agreementId = (await expectCall(apps.jobs, 'POST', '/v1/sharing/agreements', token(own.agency), agreementBody(fixtures), 201)).id;
    await eventually(() => expectCall(apps.matching, 'GET', `/v1/sharing/requests/${fixtures.requestId}/offers`, admin, undefined, 200), 60_000, 300);
    await expectCall(apps.dispatch, 'PUT', `/v1/workshops/${fixtures.creditCode}`, token(own.bureau), { name: `access matrix ${run} 帮扶车间`, regionCode: OWN_REGION }, 200);
    return fixtures;
  }

  it('has one row for every route the apps serve, and no row for a route none serves', () => {
    const routes = [...served.keys()].sort();
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((route) => !(route in ACCESS_MATRIX));
    const stale = Object.keys(ACCESS_MATRIX).filter((key) => !served.has(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('answers every route, role and scope as the table says, and refuses a missing record as it refuses another’s', async () => {
    const routes = [...served.keys()].filter((route) => route in ACCESS_MATRIX);
    const mismatches: string[] = [];
    const byStatus = new Map<number, number>();
    /** Allowed calls the handler turned down for another reason (state, rules): shown, so a wrong fixture shows. */
    const allowedButRefused: string[] = [];
    // Reads first, ending writes (close a job, cancel a batch…) last, so that allowed calls meet their
    // fixtures as made and reach the handler's own rules (an allowed call may still end in 404/409/422).
    const ending = /\/(close|cancel|decline|depart|arrive|finish-rotation|end)$|^DELETE \/v1\/workshops\//;
    const phaseOf = (route: string) => (route.startsWith('GET ') ? 0 : ending.test(route) ? 2 : 1);
    for (const phase of [0, 1, 2].map((n) => routes.filter((route) => phaseOf(route) === n))) {
      const cells = phase.flatMap((route) => cellsOf(route, parseRow(route, ACCESS_MATRIX[route])));
      await inParallel(cells, 8, async (cell) => {
        const problem = await check(cell, (status, first) => {
          byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
          if (first && cell.expected === 'allowed' && status >= 400) allowedButRefused.push(`${cell.route} as ${cell.role ?? 'no token'} (${cell.scope}): ${status}`);
        });
        if (problem) mismatches.push(problem);
      });
    }
    const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    console.log(`access matrix: ${routes.length} routes; answers ${statuses}\nallowed, then turned down on other grounds:\n  ${allowedButRefused.sort().join('\n  ')}`);
    expect(mismatches.sort()).toEqual([]);
  });

  interface Cell {
    route: string;
    spec: RowSpec;
    role: MatrixRole | undefined;
    scope: Scope;
    expected: Outcome;
    compareMissing: boolean;
  }

  function cellsOf(route: string, spec: RowSpec): Cell[] {
    const cells: Cell[] = [{ route, spec, role: undefined, scope: 'own', expected: expectedOutcome(spec, undefined, 'own'), compareMissing: false }];
    for (const role of ROLES) {
      for (const scope of role === 'admin' ? (['own'] as const) : (['own', 'other'] as const)) {
        const expected = expectedOutcome(spec, role, scope);
        if (expected === 'allowed' && spec.noCall) continue;
        // A refusal that depends on the record: the same for a record that does not exist.
        const compareMissing = expected === 403 && spec.allowed.get(role) === 'own';
        cells.push({ route, spec, role, scope, expected, compareMissing });
      }
    }
    return cells;
  }

  async function check(cell: Cell, count: (status: number, first: boolean) => void): Promise<string | undefined> {
    const caller = cell.role ? who[cell.scope][cell.role] : undefined;
    const request = requestFor(cell.route, fx, caller ?? who.own.admin);
    const app = served.get(cell.route)!;
    const answer = await call(app, request.method, request.path, caller && token(caller), request.body);
    count(answer.status, true);
    const got = classify(answer.status);
    const label = `${cell.route} as ${cell.role ?? 'no token'} (${cell.scope})`;
    if (got !== cell.expected) return `${label}: expected ${cell.expected}, got ${answer.status} ${answer.body.slice(0, 160)}`;
    if (!cell.compareMissing || !request.missing) return undefined;
    const missing = await call(app, request.method, request.missing.path, token(caller!), request.body);
    count(missing.status, false);
    if (cell.spec.existsShows) {
      return missing.status === 404 ? undefined : `${label}: a missing record should answer 404 (exists=404), got ${missing.status}`;
    }
    const same = (text: string, id: string) => text.split(id).join(':id');
    const foreignBody = same(answer.body, request.missing.value);
    const missingBody = same(missing.body, request.missing.id);
    if (missing.status !== answer.status || foreignBody !== missingBody) {
      return `${label}: another's record answers ${answer.status} ${foreignBody.slice(0, 160)}, a missing one ${missing.status} ${missingBody.slice(0, 160)}`;
    }
    return undefined;
  }
});

function classify(status: number): Outcome {
  return status === 401 || status === 403 ? status : 'allowed';
}

/** Every `METHOD path` of an app's Express router, except the middleware Nest binds to every path (`/{*path}`). */
function routesOf(app: TestApp<unknown>): string[] {
  const express = app.app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (express.router ?? express._router)!.stack;
  return stack
    .filter((layer) => layer.route && !layer.route.path.includes('{*'))
    .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${layer.route!.path}`));
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

async function inParallel<T>(items: T[], limit: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await each(items[next++]);
  }));
}

/** One HTTP call; an event stream is answered by its status line alone (it never ends). */
function call(app: TestApp<unknown>, method: string, path: string, authorization?: string, body?: unknown): Promise<Answer> {
  const url = new URL(path, app.url);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string | number> = {};
  if (authorization) headers.Authorization = authorization;
  if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        resolve({ status: res.statusCode!, body: '' });
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${path}: no answer in 15 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

async function expectCall(app: TestApp<unknown>, method: string, path: string, authorization: string, body: unknown, status: number): Promise<any> {
  const answer = await call(app, method, path, authorization, body);
  if (answer.status !== status) throw new Error(`${method} ${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
  return answer.body ? JSON.parse(answer.body) : undefined;
}
