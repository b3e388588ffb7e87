import { DomainError } from '@laowu/platform';
import { inDays } from '@laowu/testkit';
import { jobRuleError, pointOf, policyProblems, referenceProblems, validateJobBody } from './job-request.validation';


function job(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '普工',
    kind: 'gig',
    headcount: 2,
    wage: { min: 100, max: 200, unit: 'day' },
    location: { regionCode: '440306' },
    startAt: inDays(1),
    endAt: inDays(2),
    ...overrides,
  };
}

function fieldsOf(body: unknown): string[] {
  const { error } = validateJobBody(body);
  return error ? error.details!.map((d) => d.field).sort() : [];
}

describe('job request rules', () => {
  it('accepts a minimal gig job', () => {
    expect(fieldsOf(job())).toEqual([]);
  });

  it.each([
    ['wage min ≤ max', job({ wage: { min: 3, max: 2, unit: 'day' } }), ['wage.max']],
    ['gig needs both ends', job({ startAt: undefined, endAt: undefined }), ['endAt', 'startAt']],
    ['endAt after startAt', job({ startAt: inDays(3), endAt: inDays(2) }), ['endAt']],
    ['endAt in the future', job({ kind: 'fulltime', startAt: inDays(-3), endAt: inDays(-2) }), ['endAt']],
    ['no ageRange on public_welfare', job({ kind: 'public_welfare', ageRange: { min: 18 } }), ['ageRange']],
    ['public_welfare term ≤ 1 year', job({ kind: 'public_welfare', endAt: inDays(400) }), ['endAt']],
    ['public_welfare needs its term', job({ kind: 'public_welfare', startAt: undefined, endAt: undefined }), ['endAt', 'startAt']],
    ['ageRange.min ≥ 16', job({ ageRange: { min: 14 } }), ['ageRange.min']],
    ['ageRange max ≥ min', job({ ageRange: { min: 40, max: 30 } }), ['ageRange.max']],
    ['lat with lon', job({ location: { regionCode: '440306', lon: 113 } }), ['location.lon']],
    ['six-digit region code', job({ location: { regionCode: '4403' } }), ['location.regionCode']],
    ['occupation code shape', job({ occupationCode: 'welder' }), ['occupationCode']],
    ['wages in fen at most (1e-7 included)', job({ wage: { min: 1e-7, max: 0.125, unit: 'day' } }), ['wage.max', 'wage.min']],
    ['nested objects are objects, not arrays', job({ wage: [], location: [], crossRegion: [] }), ['crossRegion', 'location', 'wage']],
    ['unknown nested field', job({ wage: { min: 1, max: 2, unit: 'day', bonus: 5 } }), ['wage.bonus']],
  ])('%s', (_rule, body, fields) => {
    expect(fieldsOf(body)).toEqual(fields);
  });

  it('allows fulltime jobs without dates and public_welfare within a year', () => {
    expect(fieldsOf(job({ kind: 'fulltime', startAt: undefined, endAt: undefined }))).toEqual([]);
    expect(fieldsOf(job({ kind: 'public_welfare', endAt: inDays(360), benefits: { injuryInsurance: true } }))).toEqual([]);
  });

  it('refuses what is not an object', () => {
    expect(validateJobBody([1, 2]).error).toBeInstanceOf(DomainError);
    expect(validateJobBody(null).error?.status).toBe(400);
  });

  it('names unknown region and skill codes (422 material), and defaults the point to the region centre', () => {
    const { job: ok } = validateJobBody(job({ crossRegion: { sourceRegionCodes: ['510000', '519999'] }, skills: [{ code: 'welding' }, { code: 'juggling' }] }));
    expect(referenceProblems(ok!).map((p) => p.field)).toEqual(['crossRegion.sourceRegionCodes.1', 'skills.1.code']);
    const point = pointOf(validateJobBody(job()).job!);
    expect(point.lat).toBeCloseTo(22.6, 0);
    expect(point.lon).toBeCloseTo(113.9, 0);
  });

  describe('a public_welfare post carries work-injury insurance (十六): 422 naming benefits.injuryInsurance', () => {
    const welfare = (benefits?: Record<string, unknown>) => validateJobBody(job({ kind: 'public_welfare', endAt: inDays(300), benefits })).job!;

    it.each([
      ['no benefits', undefined],
      ['benefits without injuryInsurance', { housing: true }],
      ['injuryInsurance false', { injuryInsurance: false }],
    ])('refuses %s', (_case, benefits) => {
      expect(policyProblems(welfare(benefits)).map((p) => p.field)).toEqual(['benefits.injuryInsurance']);
      const error = jobRuleError(welfare(benefits));
      expect([error?.status, error?.code, error?.details?.map((d) => d.field)]).toEqual([422, 'JOB.PUBLIC_WELFARE_UNINSURED', ['benefits.injuryInsurance']]);
    });

    it('accepts injuryInsurance true, and other kinds without it', () => {
      expect(jobRuleError(welfare({ injuryInsurance: true }))).toBeUndefined();
      expect(jobRuleError(validateJobBody(job({ benefits: { injuryInsurance: false } })).job!)).toBeUndefined();
      expect(jobRuleError(validateJobBody(job({ kind: 'fulltime' })).job!)).toBeUndefined();
    });

    it('names unknown codes first (JOB.UNKNOWN_REFERENCE)', () => {
      const unknownRegion = validateJobBody(job({ kind: 'public_welfare', endAt: inDays(300), location: { regionCode: '449999' } })).job!;
      expect(jobRuleError(unknownRegion)?.code).toBe('JOB.UNKNOWN_REFERENCE');
    });
  });
});
