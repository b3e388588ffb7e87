import { type Principal } from '@laowu/auth';
import { makeCreditCode, makeResidentId } from '@laowu/domain';
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
  /** Station A's placement of the fixture worker in the fixture job (work in 513401). */
  placementId: string;
  /** An employer flagged as 就业帮扶车间 in 513401. */
  creditCode: string;
  /** Station A's wage-arrears complaint about an employer in 513401. */
  complaintId: string;
  /** Station A's training course in 513401. */
  courseId: string;
  /** Agency A's employer in 513401 (the lender of the offer). */
  employerId: string;
  /** Agency A's 共享用工 offer (employerId) and request (another employer of agency A), both in 513401, and an agreement between them. */
  offerId: string;
  requestId: string;
  agreementId: string;
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
const PARAMS: Record<string, (fx: Fixtures) => { value: string; record: boolean; missing?: () => string }> = {
  jobs: (fx) => ({ value: fx.jobId, record: true }),
  workers: (fx) => ({ value: fx.workerId, record: true }),
  workerId: (fx) => ({ value: fx.workerId, record: false }),
  batches: (fx) => ({ value: fx.batchId, record: true }),
  stations: (fx) => ({ value: fx.stationId, record: true }),
  matches: (fx) => ({ value: fx.matchId, record: true }),
  lists: () => ({ value: 'employed', record: false }),
  placements: (fx) => ({ value: fx.placementId, record: true }),
  'monitoring-lines': () => ({ value: OWN_REGION, record: false }),
  workshops: (fx) => ({ value: fx.creditCode, record: true, missing: creditCode }),
  complaints: (fx) => ({ value: fx.complaintId, record: true }),
  courses: (fx) => ({ value: fx.courseId, record: true }),
  employers: (fx) => ({ value: fx.employerId, record: true }),
  offers: (fx) => ({ value: fx.offerId, record: true }),
  requests: (fx) => ({ value: fx.requestId, record: true }),
  agreements: (fx) => ({ value: fx.agreementId, record: true }),
  provinces: () => ({ value: '510000', record: false }),
};

/** A valid 统一社会信用代码 of an employer in 513401 that nobody has registered. */
export const employerBody = (run: string) => ({ name: `access matrix ${run} 建材厂`, creditCode: makeCreditCode(OWN_REGION, String(randomInt(10_000_000, 99_999_999))), regionCode: OWN_REGION });

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

export function sharingPostBody(employerId: string): Record<string, unknown> {
  return { employerId, headcount: 50, skills: [{ code: 'welding', level: 2 }], from: dayOffset(1), to: dayOffset(60), regionCode: OWN_REGION };
}

export function agreementBody(fx: Pick<Fixtures, 'offerId' | 'requestId'>): Record<string, unknown> {
  return { offerId: fx.offerId, requestId: fx.requestId, headcount: 1, returnDate: dayOffset(30) };
}

/** A 统一社会信用代码 of the right shape that nobody has flagged. */
export function creditCode(): string {
  return `91513401${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase().replace(/[IOSVZ]/g, '0')}`;
}

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

export function complaintBody(fx: Pick<Fixtures, 'workerId' | 'run'>): Record<string, unknown> {
  return { workerId: fx.workerId, employer: { name: `access matrix ${fx.run} 建筑公司`, regionCode: OWN_REGION }, kind: 'wage_arrears', amount: 1200, description: '拖欠三个月工资' };
}

export function courseBody(fx: Pick<Fixtures, 'run'>): Record<string, unknown> {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return { title: `access matrix ${fx.run} 焊工初级培训班`, skillCode: 'welding', regionCode: OWN_REGION, startDate: inDays(10), endDate: inDays(24), seats: 40, subsidized: true };
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
  // A station's rows under another's stationId are refused row by row (`forbidden`), not as a call; a dry run writes nothing.
  'POST /v1/workers/bulk': (fx) => ({ workers: [workerBody(fx.stationId)], dryRun: true }),
  'POST /v1/workers/lookup': () => ({ phone: '13600000000' }),
  'PATCH /v1/workers/:id': () => ({ preferences: { maxCommuteKm: 25 } }),
  'POST /v1/workers/:id/employment-status': () => ({ status: 'seeking', effectiveDate: yesterday(), regionCode: OWN_REGION }),
  'POST /v1/search/jobs': () => ({ q: '普工', pageSize: 5 }),
  'PUT /v1/admin/ranking-weights': () => ({ weights: { laborBrand: 1 }, reason: 'access matrix' }),
  'PUT /v1/admin/ranking-weights/provinces/:provinceCode': () => ({ weights: { laborBrand: 1 }, reason: 'access matrix' }),
  'DELETE /v1/admin/ranking-weights/provinces/:provinceCode': () => ({ reason: 'access matrix' }),
  'POST /v1/stations': (fx) => ({ id: `station-matrix-${fx.run}-${randomUUID().slice(0, 8)}`, name: `access matrix ${fx.run}`, regionCode: OWN_REGION, location: { lat: 27.88, lon: 102.27 } }),
  'PUT /v1/stations/:id/push-settings': () => ({ instant: true, crossRegion: true, workerAvailable: true, minScore: 0, maxPerJob: 50 }),
  'POST /v1/dispatch/batches': (fx) => batchBody(fx),
  'POST /v1/dispatch/batches/:id/workers': (fx) => ({ workerIds: [fx.workerId] }),
  'POST /v1/placements': (fx) => placementBody(fx),
  'POST /v1/placements/:id/end': () => ({ endDate: yesterday(), reason: 'quit' }),
  'POST /v1/placements/:id/checks': () => ({ afterMonths: 1, stillEmployed: true }),
  'PUT /v1/workshops/:creditCode': (fx) => ({ name: `access matrix ${fx.run} 帮扶车间`, regionCode: OWN_REGION }),
  'POST /v1/workers/:id/income': () => ({ month: new Date().toISOString().slice(0, 7), flexibleIncome: 100 }),
  'PUT /v1/reference/monitoring-lines/:regionCode': () => ({ annualIncome: 7600 }),
  'POST /v1/reference/labor-brands': (fx) => {
    const tag = `${fx.run}${randomUUID().slice(0, 6)}`;
    return { code: `matrix-brand-${tag}`, name: `矩阵品牌${tag}`, regionCode: OWN_REGION, trade: '建筑施工' };
  },
  'POST /v1/employers': (fx) => employerBody(fx.run),
  'PATCH /v1/employers/:id': () => ({ workshop: true }),
  'POST /v1/sharing/offers': (fx) => sharingPostBody(fx.employerId),
  'POST /v1/sharing/requests': (fx) => sharingPostBody(fx.employerId),
  'POST /v1/sharing/agreements': (fx) => agreementBody(fx),
  'POST /v1/complaints': (fx) => complaintBody(fx),
  'POST /v1/complaints/:id/status': () => ({ status: 'accepted', note: '已受理' }),
  'POST /v1/training/courses': (fx) => courseBody(fx),
  'POST /v1/workers/:id/follow-ups': () => ({ kind: 'call', at: new Date(Date.now() - 60_000).toISOString(), outcome: 'employed' }),
};

export function placementBody(fx: Pick<Fixtures, 'workerId' | 'jobId' | 'run'>): Record<string, unknown> {
  return { workerId: fx.workerId, jobId: fx.jobId, employer: { name: `access matrix ${fx.run} 食品厂` }, startDate: yesterday(), source: 'direct' };
}

const QUERIES: Record<string, (fx: Fixtures, who: Principal) => string> = {
  'GET /v1/lists/:kind': () => `regionCode=${OWN_REGION}`,
  'GET /v1/monitoring/monthly': () => `month=${new Date().toISOString().slice(0, 7)}&regionCode=${OWN_REGION}`,
  'GET /v1/dispatch/stats': (fx) => `agencyId=agency-a-${fx.run}`,
  'GET /v1/dispatch/accepted-matches': (fx) => `jobIds=${fx.jobId}`,
  'GET /v1/placements': (fx, who) => (who.role === 'agency' ? `agencyId=agency-a-${fx.run}` : `regionCode=${OWN_REGION}`),
  'GET /v1/workshops': () => `regionCode=${OWN_REGION}`,
  'GET /v1/follow-ups/due': () => `regionCode=${OWN_REGION}`,
  'GET /v1/follow-ups/due/summary': () => `regionCode=${OWN_REGION}`,
  'GET /v1/monitoring/summary': () => `regionCode=${OWN_REGION}`,
  'GET /v1/follow-ups': () => `month=${new Date().toISOString().slice(0, 7)}&regionCode=${OWN_REGION}`,
  'GET /v1/labor-brands/stats': () => `regionCode=${OWN_REGION}`,
  'GET /v1/complaints': () => `regionCode=${OWN_REGION}`,
  'GET /v1/employers': () => `regionCode=${OWN_REGION}`,
  'GET /v1/sharing/requests/:id/offers': () => 'limit=5',
  'GET /v1/complaints/by-employer': () => `regionCode=${OWN_REGION}`,
  'GET /v1/training/courses': () => `regionCode=${OWN_REGION}&skillCode=welding`,
  'GET /v1/reference/labor-brands': () => 'q=川妹子',
  'GET /v1/reference/certificates': () => 'q=电工',
  'GET /v1/reference/occupations': () => 'q=6-29',
  'GET /v1/workers/:id/matches': () => 'limit=5',
  'GET /v1/admin/ranking-weights/history': () => 'scope=global&limit=5',
  'GET /v1/workers/:id/training-suggestions': () => 'limit=5',
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
    if (param.record && !missing) missing = { path: '', id: param.missing?.() ?? randomUUID(), value: param.value };
    return encodeURIComponent(param.value);
  });
  const query = QUERIES[key]?.(fx, who);
  const path = filled.join('/') + (query ? `?${query}` : '');
  if (missing) missing.path = path.replace(encodeURIComponent(missing.value), missing.id);
  const body = BODIES[key]?.(fx) ?? (['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);
  return { method, path, body, missing };
}
