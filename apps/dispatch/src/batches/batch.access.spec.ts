import { type Principal } from '@laowu/auth';
import { coversRegion, isWorkerOfRegion, mayChangeBatch, mayReadBatch, seatableWorkersPattern, workersOutsideRegion } from './batch.access';

const coordinator = (region: string, sub = 'c-1'): Principal => ({ sub, role: 'coordinator', region });
const batch = (originRegionCode: string, coordinatorId = 'c-1') => ({ coordinatorId, originRegionCode });

describe('batch access (issue 14 #5)', () => {
  it('lets a province, prefecture or county coordinator plan only from inside its region', () => {
    expect(coversRegion(coordinator('510000'), '513401')).toBe(true);
    expect(coversRegion(coordinator('513400'), '513401')).toBe(true);
    expect(coversRegion(coordinator('513400'), '510104')).toBe(false);
    expect(coversRegion(coordinator('513401'), '513401')).toBe(true);
    expect(coversRegion(coordinator('513401'), '513402')).toBe(false);
    expect(coversRegion(coordinator('440000'), '513401')).toBe(false);
    expect(coversRegion({ sub: 'a', role: 'admin', region: '100000' }, '513401')).toBe(true);
  });

  it('lets a coordinator change only its own batches leaving its region, and a bureau read those leaving its region', () => {
    expect(mayChangeBatch(coordinator('513401'), batch('513401'))).toBe(true);
    expect(mayChangeBatch(coordinator('513401', 'c-2'), batch('513401'))).toBe(false);
    // a token whose region no longer covers the batch's origin
    expect(mayChangeBatch(coordinator('440300'), batch('513401'))).toBe(false);
    expect(mayReadBatch({ sub: 'b', role: 'bureau', region: '513400' }, batch('513401'))).toBe(true);
    expect(mayReadBatch({ sub: 'b', role: 'bureau', region: '440300' }, batch('513401'))).toBe(false);
    expect(mayChangeBatch({ sub: 'b', role: 'bureau', region: '513400' }, batch('513401'))).toBe(false);
    for (const role of ['station', 'agency'] as const) expect(mayReadBatch({ sub: 'c-1', role, region: '513401' }, batch('513401'))).toBe(false);
  });

  it('names every worker neither living in nor from the region, unknown workers alike', () => {
    const regions = new Map([
      ['w-home', { home: '513401', residence: '440306' }],
      ['w-lives', { home: '440306', residence: '513422' }],
      ['w-away', { home: '440306', residence: '440306' }],
    ]);
    expect(workersOutsideRegion(coordinator('513400'), ['w-home', 'w-lives', 'w-away', 'w-unknown'], regions)).toEqual([
      { field: 'workerIds[2]', problem: 'is not a worker of your region' },
      { field: 'workerIds[3]', problem: 'is not a worker of your region' },
    ]);
    expect(workersOutsideRegion({ sub: 'a', role: 'admin', region: '100000' }, ['w-away', 'w-unknown'], regions)).toEqual([]);
  });

  it('lists as seatable the workers it would seat: a coordinator those living in or from its region, an admin everyone, nobody else', () => {
    expect(isWorkerOfRegion('513400', { home: '513401', residence: '440306' })).toBe(true);
    expect(isWorkerOfRegion('513400', { home: '440306', residence: '513422' })).toBe(true);
    expect(isWorkerOfRegion('513400', { home: '440306', residence: '440306' })).toBe(false);
    // the same rule in SQL (workerOfRegionSql): a LIKE on either column with the prefix of the coordinator's region
    expect(seatableWorkersPattern(coordinator('513400'))).toBe('5134%');
    expect(seatableWorkersPattern(coordinator('510000'))).toBe('51%');
    expect(seatableWorkersPattern(coordinator('513401'))).toBe('513401%');
    expect(seatableWorkersPattern({ sub: 'a', role: 'admin', region: '100000' })).toBeNull();
    for (const role of ['station', 'agency', 'bureau'] as const) {
      expect(() => seatableWorkersPattern({ sub: 'x', role, region: '513401' })).toThrow(expect.objectContaining({ code: 'AUTH.ROLE_NOT_ALLOWED' }));
    }
  });
});
