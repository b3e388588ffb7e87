import { type Principal } from '@laowu/auth';
import { makeResidentId } from '@laowu/domain';
import { randomInt, randomUUID } from 'node:crypto';
import type { MatrixRole, Scope } from './access-matrix.table';

/** The records "own" requests act on, made in the test's beforeAll with ids of this run. */
export interface Fixtures {
  run: string;
  jobId: string;
  workerId: string;
  batchId: string;
  stationId: string;
  matchId: string;
}

/** The region of every "own" principal and fixture (西昌); "other" principals sit elsewhere. */
export const OWN_REGION = '513401';

export function principals(run: string): Record<Scope, Record<MatrixRole, Principal>> {
  const admin: Principal = { sub: `admin-matrix-${run}`, role: 'admin', region: '100000' };
  return {
    own: {
      agency: { sub: `agency-a-${run}`, role: 'agency', region: '440300' },
      station: { sub: `station-a-${run}`, role: 'station', region: OWN_REGION },
      coordinator: { sub: `coordinator-a-${run}`, role: 'coordinator', region: OWN_REGION },
      bureau: { sub: `bureau-a-${run}`, role: 'bureau', region: '513400' },
      admin,
    },
    other: {
      agency: { sub: `agency-b-${run}`, role: 'agency', region: '440300' },
      station: { sub: `station-b-${run}`, role: 'station', region: '440306' },
      coordinator: { sub: `coordinator-b-${run}`, role: 'coordinator', region: '440306' },
      bureau: { sub: `bureau-b-${run}`, role: 'bureau', region: '440300' },
      admin,
    },
  };
}

/**
 * Which fixture a path parameter names, by the segment before it (`/jobs/:id` → the job) or by its
 * own name. `record: false`: not a record (e.g. a list's kind), nothing to compare with a missing one.
 * A parameter nobody mapped gets a fresh UUID.
 */
const PARAMS: Record<string, (fx: Fixtures) => { value: string; record: boolean }> = {
  jobs: (fx) => ({ value: fx.jobId, record: true }),
  workers: (fx) => ({ value: fx.workerId, record: true }),
  workerId: (fx) => ({ value: fx.workerId, record: false }),
  batches: (fx) => ({ value: fx.batchId, record: true }),
  stations: (fx) => ({ value: fx.stationId, record: true }),
  matches: (fx) => ({ value: fx.matchId, record: true }),
  lists: () => ({ value: 'employed', record: false }),
};

export function jobBody(run: string, n: string | number = randomUUID()): Record<string, unknown> {
  return {
    externalId: `matrix-${run}-${n}`,
    title: `access matrix ${run} 普工`,
    kind: 'fulltime',
    skills: [{ code: 'welding', minLevel: 2 }],
    headcount: 20,
    wage: { min: 4000, max: 5000, unit: 'month' },
    location: { regionCode: OWN_REGION },
  };
}

export function workerBody(stationId: string): Record<string, unknown> {
  const birthDate = `${randomInt(1970, 2000)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
  return {
    idNumber: makeResidentId({ regionCode: OWN_REGION, birthDate, gender: 'male', sequence: randomInt(0, 500) * 2 + 1 }),
    name: '矩阵测试',
    phone: `136${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
    homeRegionCode: OWN_REGION,
    residenceRegionCode: OWN_REGION,
    stationId,
    preferences: { willingToMigrate: true },
  };
}

export function batchBody(fx: Fixtures): Record<string, unknown> {
  return {
    originRegionCode: OWN_REGION,
    destination: { jobIds: [fx.jobId], regionCode: '440306', address: `access matrix ${fx.run}` },
    departAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    transport: { mode: 'bus', capacity: 10 },
  };
}

const yesterday = () => new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Valid bodies and queries, so that a call reaches the access decision instead of stopping at
 * validation (a 400 would hide a missing 403). Routes not named send `{}` (writes) or nothing.
 */
const BODIES: Record<string, (fx: Fixtures) => unknown> = {
  'POST /v1/jobs': (fx) => jobBody(fx.run),
  'POST /v1/jobs/bulk': (fx) => ({ jobs: [jobBody(fx.run)] }),
  'PUT /v1/jobs/:id': (fx) => jobBody(fx.run, 'fixture'),
  'POST /v1/workers': (fx) => workerBody(fx.stationId),
  'PATCH /v1/workers/:id': () => ({ preferences: { maxCommuteKm: 25 } }),
  'POST /v1/workers/:id/employment-status': () => ({ status: 'seeking', effectiveDate: yesterday(), regionCode: OWN_REGION }),
  'POST /v1/search/jobs': () => ({ q: '普工', pageSize: 5 }),
  'POST /v1/stations': (fx) => ({ id: `station-matrix-${fx.run}-${randomUUID().slice(0, 8)}`, name: `access matrix ${fx.run}`, regionCode: OWN_REGION, location: { lat: 27.88, lon: 102.27 } }),
  'PUT /v1/stations/:id/push-settings': () => ({ instant: true, crossRegion: true, workerAvailable: true, minScore: 0, maxPerJob: 50 }),
  'POST /v1/dispatch/batches': (fx) => batchBody(fx),
  'POST /v1/dispatch/batches/:id/workers': (fx) => ({ workerIds: [fx.workerId] }),
};

const QUERIES: Record<string, (fx: Fixtures, who: Principal) => string> = {
  'GET /v1/lists/:kind': () => `regionCode=${OWN_REGION}`,
  'GET /v1/monitoring/monthly': () => `month=${new Date().toISOString().slice(0, 7)}&regionCode=${OWN_REGION}`,
  'GET /v1/dispatch/stats': (fx) => `agencyId=agency-a-${fx.run}`,
  'GET /v1/workers/:id/matches': () => 'limit=5',
  'GET /v1/jobs/:id/candidates': () => 'limit=5',
};

export interface MatrixRequest {
  method: string;
  path: string;
  body?: unknown;
  /** The same request for a record that does not exist, when the route's first parameter names one. */
  missing?: { path: string; id: string; value: string };
}

export function requestFor(key: string, fx: Fixtures, who: Principal): MatrixRequest {
  const [method, template] = key.split(' ');
  const segments = template.split('/');
  let missing: MatrixRequest['missing'];
  const filled = segments.map((segment, i) => {
    if (!segment.startsWith(':')) return segment;
    const name = segment.slice(1);
    const param = (PARAMS[segments[i - 1]] ?? PARAMS[name])?.(fx) ?? { value: randomUUID(), record: false };
    if (param.record && !missing) missing = { path: '', id: randomUUID(), value: param.value };
    return encodeURIComponent(param.value);
  });
  const query = QUERIES[key]?.(fx, who);
  const path = filled.join('/') + (query ? `?${query}` : '');
  if (missing) missing.path = path.replace(encodeURIComponent(missing.value), missing.id);
  const body = BODIES[key]?.(fx) ?? (['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);
  return { method, path, body, missing };
}
