import { type Principal } from '@laowu/auth';
import type { DomainError } from '@laowu/platform';
import { canReadFollowUps, canRecordFollowUp, ledgerScope } from './follow-up.access';

const station: Principal = { sub: 'station-a', role: 'station', region: '513401' };
const bureau: Principal = { sub: 'bureau-513400', role: 'bureau', region: '513400' };
const admin: Principal = { sub: 'admin', role: 'admin', region: '100000' };
const worker = { stationId: 'station-a', residenceRegionCode: '513401' };
const elsewhere = { stationId: 'station-b', residenceRegionCode: '513401' };

const failure = (run: () => unknown): { status: number; field?: string } => {
  try {
    run();
  } catch (error) {
    const e = error as DomainError;
    return { status: e.status, field: e.details?.[0]?.field };
  }
  throw new Error('expected a refusal');
};

describe('follow-up access', () => {
  it('lets only the registering station and admin record; a station of the same region does not keep another’s ledger', () => {
    expect(canRecordFollowUp(station, worker)).toBe(true);
    expect(canRecordFollowUp(station, elsewhere)).toBe(false);
    expect(canRecordFollowUp(admin, elsewhere)).toBe(true);
    expect(canRecordFollowUp(bureau, worker)).toBe(false);
  });

  it('lets the registering station, a bureau of the residence and admin read', () => {
    expect(canReadFollowUps(station, worker)).toBe(true);
    expect(canReadFollowUps(station, elsewhere)).toBe(false);
    expect(canReadFollowUps(bureau, elsewhere)).toBe(true);
    expect(canReadFollowUps({ ...bureau, region: '440300' }, worker)).toBe(false);
    expect(canReadFollowUps({ sub: 'agency', role: 'agency', region: '513401' }, worker)).toBe(false);
  });

  it('scopes region-wide reads: a station to its workers, a bureau to its region (403 outside, before 422), admin to a region it must name', () => {
    expect(ledgerScope(station, undefined)).toEqual({ stationId: 'station-a', regionCode: null });
    expect(ledgerScope(station, '440306')).toEqual({ stationId: 'station-a', regionCode: '440306' });
    expect(ledgerScope(bureau, undefined)).toEqual({ stationId: null, regionCode: '513400' });
    expect(ledgerScope(bureau, '513401')).toEqual({ stationId: null, regionCode: '513401' });
    expect(failure(() => ledgerScope(bureau, '440300'))).toEqual({ status: 403, field: undefined });
    expect(failure(() => ledgerScope({ ...bureau, region: '440000' }, '519999'))).toEqual({ status: 403, field: undefined });
    expect(failure(() => ledgerScope(bureau, '513499'))).toEqual({ status: 422, field: 'regionCode' });
    expect(failure(() => ledgerScope(admin, undefined))).toEqual({ status: 400, field: 'regionCode' });
    expect(ledgerScope(admin, '440300')).toEqual({ stationId: null, regionCode: '440300' });
  });
});
