import { type Principal } from '@laowu/auth';
import { DomainError } from '@laowu/platform';
import { mayChangeStatus, mayFileFor, mayRead, regionScopeFor } from './complaint.access';

const station = (sub: string, region = '513401'): Principal => ({ sub, role: 'station', region });
const bureau = (region: string): Principal => ({ sub: `bureau-${region}`, role: 'bureau', region });
const admin: Principal = { sub: 'admin', role: 'admin', region: '100000' };
const agency: Principal = { sub: 'agency', role: 'agency', region: '513401' };

describe('complaint access (维权)', () => {
  const complaint = { stationId: 'station-a', routedRegionCode: '513401' };

  it('files only for the station that registered the worker; an unknown worker is refused too', () => {
    expect(mayFileFor(station('station-a'), 'station-a')).toBe(true);
    expect(mayFileFor(station('station-b'), 'station-a')).toBe(false);
    expect(mayFileFor(station('station-a'), undefined)).toBe(false);
    expect(mayFileFor(admin, 'station-a')).toBe(false);
  });

  it('reads: the filing station, bureaus whose region contains the routed region, admin', () => {
    expect([station('station-a'), bureau('513401'), bureau('513400'), bureau('510000'), admin].map((p) => mayRead(p, complaint))).toEqual([true, true, true, true, true]);
    expect([station('station-b'), bureau('440300'), bureau('513300'), agency].map((p) => mayRead(p, complaint))).toEqual([false, false, false, false]);
  });

  it('moves: bureaus of the routed region and admin, never the station', () => {
    expect([bureau('513400'), admin].map((p) => mayChangeStatus(p, complaint))).toEqual([true, true]);
    expect([station('station-a'), bureau('440300')].map((p) => mayChangeStatus(p, complaint))).toEqual([false, false]);
  });

  it("confines a bureau's lists to its region (its own by default), admin anywhere", () => {
    expect(regionScopeFor(bureau('513400'), undefined)).toBe('513400');
    expect(regionScopeFor(bureau('513400'), '513401')).toBe('513401');
    expect(() => regionScopeFor(bureau('513400'), '510000')).toThrow(DomainError);
    expect(regionScopeFor(admin, undefined)).toBeNull();
    expect(regionScopeFor(admin, '440300')).toBe('440300');
  });
});
