import * as domain from '@laowu/domain';

describe('@laowu/domain', () => {
  it('exports the public API through the path alias', () => {
    for (const name of [
      'findRegion', 'isKnownRegion', 'childrenOf', 'provinceCodeOf', 'cityCodeOf', 'regionPrefix', 'regionContains',
      'distanceKm', 'REGION_COUNT', 'EAST_WEST_PAIRS', 'isEastWestPair', 'findSkill', 'isKnownSkill',
      'findCertificate', 'isKnownCertificate', 'searchSkills', 'SKILLS', 'CERTIFICATES', 'wagePerDay',
      'wageRangePerDay', 'parseResidentId', 'ageOn', 'maskResidentId', 'maskPhone', 'isMobilePhone', 'makeResidentId',
      'normalisePhone', 'contactPhone', 'maskContactPhone',
    ]) {
      expect(domain).toHaveProperty(name);
    }
    expect(domain.findRegion('440306')?.name).toBe('宝安区');
  });
});
