import { inDays } from '@laowu/testkit';
import { certainlyValidJob } from './job-request.fast-check';
import { validateWithClassValidator } from './job-request.validation';


const VALID: Record<string, unknown>[] = [
  {
    externalId: 'SZ-1', title: '电子厂普工', description: '包吃住', kind: 'gig', occupationCode: '6-18-02-04', skills: [{ code: 'welding', minLevel: 2 }],
    requiredCertificates: [{ code: 'welder-cert' }], headcount: 30, wage: { min: 180, max: 240.5, unit: 'day' }, location: { regionCode: '440306', lat: 22.55, lon: 113.88, address: '宝安' },
    crossRegion: { sourceRegionCodes: ['510000'] }, ageRange: { min: 18, max: 55 }, olderWorkerFriendly: false, startAt: inDays(1), endAt: inDays(3),
    instant: true, benefits: { housing: true, meals: false }, relocationQuotaPct: 20, laborBrand: '川妹子',
  },
  { title: '保洁', kind: 'public_welfare', headcount: 1, wage: { min: 1500, max: 1500, unit: 'month' }, location: { regionCode: '513401' }, startAt: inDays(1), endAt: inDays(300) },
  { title: '普工', kind: 'fulltime', headcount: 2, wage: { min: 0, max: 0.01, unit: 'hour' }, location: { regionCode: '110101' } },
];

const JUNK: unknown[] = [
  undefined, null, [], {}, '', ' ', -1, 0, 0.5, 1e-7, 15, 16, 101, 1e6 + 1, 1e308, NaN, true, 'x'.repeat(201), 'x'.repeat(5001), '\u0000', '2026-13-45T00:00:00Z',
  inDays(-1), inDays(400), '2030-01-01', 'gig', 'public_welfare', 'month', '440306', '4403', '449999', [null], [{}], [{ code: 'welding', x: 1 }], { a: 1 }, new Array(11).fill({ code: 'welder-cert' }),
  { min: 300, max: 200, unit: 'day' }, { regionCode: '440306', lat: 1 }, { sourceRegionCodes: ['51'] }, { min: 40, max: 30 }, { meals: 'yes' },
];

const FIELDS = [
  'externalId', 'title', 'description', 'kind', 'occupationCode', 'skills', 'skills.0', 'skills.0.code', 'skills.0.minLevel', 'requiredCertificates', 'requiredCertificates.0',
  'requiredCertificates.0.code', 'headcount', 'wage', 'wage.min', 'wage.max',
  'wage.unit', 'location', 'location.regionCode', 'location.lat', 'location.lon', 'location.address', 'crossRegion', 'crossRegion.sourceRegionCodes', 'ageRange',
  'ageRange.min', 'ageRange.max', 'olderWorkerFriendly', 'startAt', 'endAt', 'instant', 'benefits', 'benefits.meals', 'relocationQuotaPct', 'laborBrand', 'extra',
];

function withValue(body: Record<string, unknown>, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body));
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) return copy;
    target = target[key];
  }
  if (value === undefined) delete target[keys[keys.length - 1]];
  else target[keys[keys.length - 1]] = value;
  return copy;
}

describe('certainlyValidJob, the fast check for bulk items', () => {
  it('accepts the ordinary valid jobs (so bulk really takes the fast path)', () => {
    for (const body of VALID) {
      expect(validateWithClassValidator(body).error).toBeUndefined();
      expect(certainlyValidJob(body)).toBe(true);
    }
  });

  it('never accepts a body that class-validator refuses', () => {
    let checked = 0;
    let refusedByBoth = 0;
    for (const base of VALID) {
      for (const field of FIELDS) {
        for (const value of JUNK) {
          const body = withValue(base, field, value);
          const thorough = validateWithClassValidator(body).error === undefined;
          if (certainlyValidJob(body)) expect({ field, value, thorough }).toEqual({ field, value, thorough: true });
          else if (!thorough) refusedByBoth++;
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(refusedByBoth).toBeGreaterThan(1000);
  });
});
