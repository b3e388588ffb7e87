import { type Principal } from '@laowu/auth';
import { auditedBasisFor, canWrite } from './worker.access';

const shenzhen: Principal = { sub: 'station-440306-01', role: 'station', region: '440306' };
const unemployed = (registeredAt: string, regionCode = '440306') => ({ status: 'unemployed', regionCode, registeredAt });

describe('recording a status without access to the worker (九, issue 14 #1)', () => {
  it('allows only unemployment, in the station’s region, where the worker is insured or on record as employed', () => {
    expect(auditedBasisFor(shenzhen, unemployed('insured'), [])).toBe('insurance_declared');
    expect(auditedBasisFor(shenzhen, unemployed('employment'), ['440306'])).toBe('workplace_on_record');
    // a district station for a workplace in its district, registered at the city level: not its region
    expect(auditedBasisFor(shenzhen, unemployed('employment', '440300'), ['440306'])).toBeNull();
    expect(auditedBasisFor(shenzhen, unemployed('employment'), ['440305'])).toBeNull();
    expect(auditedBasisFor(shenzhen, unemployed('employment'), [])).toBeNull();
    expect(auditedBasisFor(shenzhen, unemployed('residence'), ['440306'])).toBeNull();
    expect(auditedBasisFor(shenzhen, unemployed('insured', '513401'), [])).toBeNull();
    expect(auditedBasisFor(shenzhen, { status: 'seeking', regionCode: '440306' }, ['440306'])).toBeNull();
    expect(auditedBasisFor(shenzhen, { status: 'employed', regionCode: '440306', registeredAt: 'employment' }, ['440306'])).toBeNull();
    for (const role of ['bureau', 'agency', 'coordinator'] as const) {
      expect(auditedBasisFor({ ...shenzhen, role }, unemployed('insured'), [])).toBeNull();
    }
  });

  it('leaves the worker’s own stations on the ordinary path', () => {
    const worker = { stationId: 'station-513401-01', residenceRegionCode: '513401' };
    expect(canWrite({ sub: 'station-513401-01', role: 'station', region: '513401' }, worker)).toBe(true);
    expect(canWrite({ sub: 'station-510000', role: 'station', region: '510000' }, worker)).toBe(true);
    expect(canWrite(shenzhen, worker)).toBe(false);
    expect(canWrite({ sub: 'bureau', role: 'bureau', region: '513401' }, worker)).toBe(false);
  });
});
