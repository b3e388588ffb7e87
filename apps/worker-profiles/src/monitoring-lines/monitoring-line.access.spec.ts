import { assertCanSetLine } from './monitoring-line.access';

const bureau = (region: string) => ({ sub: `bureau-${region}`, role: 'bureau' as const, region });

describe('who sets a monitoring line', () => {
  it('a bureau for its region and the regions inside it, admin anywhere', () => {
    expect(() => assertCanSetLine(bureau('510000'), '513401')).not.toThrow();
    expect(() => assertCanSetLine(bureau('513400'), '513400')).not.toThrow();
    expect(() => assertCanSetLine({ sub: 'root', role: 'admin', region: '000000' }, '440300')).not.toThrow();
  });

  it('nobody else: a bureau elsewhere or below, a station', () => {
    expect(() => assertCanSetLine(bureau('440300'), '513401')).toThrow(expect.objectContaining({ status: 403, code: 'REGION.FORBIDDEN' }));
    expect(() => assertCanSetLine(bureau('513401'), '513400')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertCanSetLine({ sub: 's', role: 'station', region: '513401' }, '513401')).toThrow(expect.objectContaining({ status: 403 }));
  });
});
