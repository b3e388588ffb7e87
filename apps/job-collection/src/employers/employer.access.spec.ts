import { type Principal } from '@laowu/auth';
import { employerListScope, mayReadEmployer } from './employer.access';

const agency = (sub: string): Principal => ({ sub, role: 'agency', region: '440300' });
const bureau = (region: string): Principal => ({ sub: `bureau-${region}`, role: 'bureau', region });
const employer = { agencyId: 'agency-a', regionCode: '513401' };

describe('employer access', () => {
  it('lets the registering agency, bureaus containing the region (province, prefecture, county) and admins read', () => {
    expect(mayReadEmployer(agency('agency-a'), employer)).toBe(true);
    expect(mayReadEmployer(agency('agency-b'), employer)).toBe(false);
    for (const region of ['510000', '513400', '513401']) expect(mayReadEmployer(bureau(region), employer)).toBe(true);
    for (const region of ['513402', '510100', '440300']) expect(mayReadEmployer(bureau(region), employer)).toBe(false);
    expect(mayReadEmployer({ sub: 'admin', role: 'admin', region: '100000' }, null)).toBe(true);
    expect(mayReadEmployer({ sub: 'station-a', role: 'station', region: '513401' }, employer)).toBe(false);
  });

  it('refuses everyone but an admin for an employer that does not exist', () => {
    expect(mayReadEmployer(agency('agency-a'), null)).toBe(false);
    expect(mayReadEmployer(bureau('510000'), null)).toBe(false);
  });

  it('scopes lists: an agency to its own, a bureau to its region (403 outside it), an admin to all', () => {
    expect(employerListScope(agency('agency-a'), { regionCode: '110000' })).toEqual({ kind: 'agency', agencyId: 'agency-a' });
    expect(employerListScope(bureau('513400'), { regionCode: '513401' })).toEqual({ kind: 'region', prefix: '5134' });
    expect(() => employerListScope(bureau('513400'), { regionCode: '510100' })).toThrow(/outside your region/);
    expect(() => employerListScope({ sub: 'c', role: 'coordinator', region: '513401' }, {})).toThrow();
    expect(employerListScope({ sub: 'admin', role: 'admin', region: '100000' }, {})).toEqual({ kind: 'all' });
  });
});
