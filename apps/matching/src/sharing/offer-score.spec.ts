import { daysIncluded, distanceValue, headcountValue, OFFER_WEIGHTS, periodValue, scoreOffer, type ScoredPost, skillsValue } from './offer-score';

const post = (overrides: Partial<ScoredPost> = {}): ScoredPost => ({
  skills: [],
  from: '2026-12-01',
  to: '2026-12-30',
  regionCode: '510104',
  openHeadcount: 10,
  ...overrides,
});

describe('sharing offer score (共享用工, 二)', () => {
  describe('skills', () => {
    const request = post({ skills: [{ code: 'welding', level: 3 }, { code: 'electrician' }] });

    it('counts a skill covered only at the level asked or above (a level left out is 1)', () => {
      expect(skillsValue(request, post({ skills: [{ code: 'welding', level: 4 }, { code: 'electrician', level: 1 }] }))).toEqual({ value: 1, detail: '技能符合 2/2' });
      expect(skillsValue(request, post({ skills: [{ code: 'welding', level: 3 }, { code: 'electrician' }] })).value).toBe(1);
      expect(skillsValue(request, post({ skills: [{ code: 'welding', level: 3 }] })).value).toBe(0.5);
      expect(skillsValue(request, post({ skills: [{ code: 'welding', level: 2 }, { code: 'masonry', level: 5 }] }))).toEqual({ value: 0, detail: '技能符合 0/2' });
    });

    it('is neutral for a request asking for no skill', () => {
      expect(skillsValue(post(), post({ skills: [{ code: 'welding', level: 5 }] }))).toEqual({ value: 0.5, detail: '无技能要求' });
    });
  });

  describe('period', () => {
    it('counts calendar days with both ends included', () => {
      expect(daysIncluded('2026-12-01', '2026-12-30')).toBe(30);
      expect(daysIncluded('2026-12-31', '2027-01-01')).toBe(2);
      expect(daysIncluded('2027-02-28', '2027-03-01')).toBe(2);
      expect(daysIncluded('2026-12-02', '2026-12-01')).toBe(0);
    });

    it('is the share of the request’s days the offer covers', () => {
      // Request 1–30 December (30 days); the offer from 16 December covers 16–30: 15 days.
      expect(periodValue(post(), post({ from: '2026-12-16', to: '2027-01-31' }))).toEqual({ value: 0.5, detail: '覆盖所需时段 15/30 天' });
      expect(periodValue(post(), post({ from: '2026-11-01', to: '2027-03-01' })).value).toBe(1);
      // 1–3 December inside the request: 3 of 30 days.
      expect(periodValue(post(), post({ from: '2026-11-20', to: '2026-12-03' })).value).toBeCloseTo(0.1, 10);
      expect(periodValue(post(), post({ from: '2027-01-01', to: '2027-01-31' })).value).toBe(0);
    });
  });

  describe('distance', () => {
    it('is 1 in the same county', () => {
      expect(distanceValue(post({ regionCode: '513401' }), post({ regionCode: '513401' }))).toEqual({ value: 1, detail: '同一地区（西昌市）' });
    });

    it('decays with the distance between region centres, 0.5 at 100 km', () => {
      // 锦江区 and 双流区 (成都): 18.7 km apart, above the prefecture's floor of 0.8.
      const near = distanceValue(post({ regionCode: '510104' }), post({ regionCode: '510116' }));
      expect(near.value).toBeCloseTo(0.5 ** ((18.7 / 100) ** 2), 3);
      expect(near.detail).toBe('同市，距离约 19 km');
    });

    it('keeps at least 0.8 in the same prefecture and 0.5 in the same province', () => {
      // 西昌 and 昭觉 (凉山): 58 km apart would decay to 0.79; the prefecture keeps 0.8.
      expect(distanceValue(post({ regionCode: '513401' }), post({ regionCode: '513431' })).value).toBe(0.8);
      // 锦江 (成都) and 西昌 (凉山): 350 km apart would decay to 0.0002; the province keeps 0.5.
      const inProvince = distanceValue(post({ regionCode: '510104' }), post({ regionCode: '513401' }));
      expect(inProvince).toEqual({ value: 0.5, detail: '同省，距离约 350 km' });
    });

    it('falls to almost nothing across provinces far apart, and to 0 for an unknown region', () => {
      // 锦江 (成都) and 宝安 (深圳): 1,319 km.
      const far = distanceValue(post({ regionCode: '510104' }), post({ regionCode: '440306' }));
      expect(far.value).toBeLessThan(1e-20);
      expect(far.detail).toBe('跨省，距离约 1319 km');
      expect(distanceValue(post({ regionCode: '510104' }), post({ regionCode: '999999' }))).toEqual({ value: 0, detail: '地区未知' });
    });
  });

  describe('headcount', () => {
    it('is the share of the request’s open headcount the offer fills, at most 1', () => {
      expect(headcountValue(post({ openHeadcount: 10 }), post({ openHeadcount: 4 })).value).toBe(0.4);
      expect(headcountValue(post({ openHeadcount: 10 }), post({ openHeadcount: 12 })).value).toBe(1);
      expect(headcountValue(post({ openHeadcount: 0 }), post({ openHeadcount: 3 })).value).toBe(1);
    });
  });

  describe('the score', () => {
    const request = post({ skills: [{ code: 'welding', level: 3 }, { code: 'electrician', level: 2 }], regionCode: '513401', openHeadcount: 10 });

    it('is the sum of weight × value over skills (3), period (2), distance (2) and headcount (1), each a reason', () => {
      expect(OFFER_WEIGHTS).toEqual({ skills: 3, period: 2, distance: 2, headcount: 1 });
      // Half the skills (1.5), half the period (1), the same prefecture (0.8 × 2 = 1.6), 5 of 10 (0.5): 4.6.
      const offer = post({ skills: [{ code: 'welding', level: 3 }], from: '2026-12-16', to: '2027-01-10', regionCode: '513431', openHeadcount: 5 });
      const { score, reasons } = scoreOffer(request, offer);
      expect(reasons.map((r) => [r.factor, r.contribution])).toEqual([
        ['skills', 1.5],
        ['period', 1],
        ['distance', 1.6],
        ['headcount', 0.5],
      ]);
      expect(score).toBeCloseTo(4.6, 10);
    });

    it('ranks the better-skilled, closer, fully-overlapping offer above a weaker one', () => {
      const best = post({ skills: [{ code: 'welding', level: 4 }, { code: 'electrician', level: 2 }], from: '2026-11-01', to: '2027-01-31', regionCode: '513401', openHeadcount: 10 });
      const weaker = post({ skills: [{ code: 'welding', level: 3 }], from: '2026-12-16', to: '2027-01-31', regionCode: '510104', openHeadcount: 10 });
      expect(scoreOffer(request, best).score).toBe(8);
      // Skills 1.5, period 1, the same province (0.5 × 2 = 1), headcount 1: 4.5.
      expect(scoreOffer(request, weaker).score).toBeCloseTo(4.5, 10);
    });
  });
});
