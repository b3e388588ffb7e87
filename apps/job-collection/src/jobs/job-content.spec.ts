import { validateJobBody } from './job-request.validation';
import { requestHashOf, toJobContent } from './job-content';

const body = {
  externalId: 'A-1',
  title: '普工',
  kind: 'fulltime',
  headcount: 2,
  wage: { min: 100, max: 200, unit: 'day' },
  location: { regionCode: '440306', lat: 22.5, lon: 113.9 },
  benefits: { meals: true, housing: false },
  startAt: '2030-01-01T08:00:00+08:00',
};

const contentOf = (b: Record<string, unknown>) => toJobContent(validateJobBody(b).job!, { lat: 22.5, lon: 113.9 }, null);

describe('job content hashes', () => {
  it('are equal for the same job written differently (key order, time-zone offset)', () => {
    const reordered = { ...body, benefits: { housing: false, meals: true }, startAt: '2030-01-01T00:00:00Z' };
    expect(contentOf(reordered).materialHash).toBe(contentOf(body).materialHash);
    expect(requestHashOf(contentOf(reordered))).toBe(requestHashOf(contentOf(body)));
  });

  it('ignore the externalId but see every material field', () => {
    expect(contentOf({ ...body, externalId: 'B-2' }).materialHash).toBe(contentOf(body).materialHash);
    expect(contentOf({ ...body, headcount: 3 }).materialHash).not.toBe(contentOf(body).materialHash);
    expect(contentOf({ ...body, benefits: { meals: true, housing: true } }).materialHash).not.toBe(contentOf(body).materialHash);
    expect(contentOf({ ...body, requiredCertificates: [{ code: 'welder-cert' }] }).materialHash).not.toBe(contentOf(body).materialHash);
  });

  it('store required certificates once each, in one order, so the same list written differently is the same request', () => {
    const a = contentOf({ ...body, requiredCertificates: [{ code: 'work-at-height-cert' }, { code: 'welder-cert' }, { code: 'welder-cert' }] });
    const b = contentOf({ ...body, requiredCertificates: [{ code: 'welder-cert' }, { code: 'work-at-height-cert' }] });
    expect(a.requiredCertificates).toEqual(['welder-cert', 'work-at-height-cert']);
    expect(requestHashOf(a)).toBe(requestHashOf(b));
  });

  it('store a resolved labour brand as its code with its name', () => {
    const job = validateJobBody({ ...body, laborBrand: '川妹子' }).job!;
    const content = toJobContent(job, { lat: 22.5, lon: 113.9 }, { code: 'chuan-mei-zi', name: '川妹子' });
    expect(content).toMatchObject({ laborBrand: 'chuan-mei-zi', laborBrandName: '川妹子' });
    expect(contentOf(body)).toMatchObject({ laborBrand: null, laborBrandName: null, requiredCertificates: [] });
  });
});
