import { type Principal, type Role } from '@laowu/auth';
import { type DomainError } from '@laowu/platform';
import { mayChangePlacement, mayPlace, mayReadPlacement, placementListScope } from './placement.access';

const as = (role: Role, sub = 'me', region = '513401'): Principal => ({ sub, role, region });
const placement = (overrides: Partial<{ stationId: string | null; agencyId: string | null; regionCode: string; workerRegionCode: string }> = {}) => ({
  stationId: 'station-a',
  agencyId: 'agency-a',
  regionCode: '440306',
  workerRegionCode: '513401',
  ...overrides,
});

function refusal(run: () => unknown): { status: number; code: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return { status: (error as DomainError).status, code: (error as DomainError).code };
  }
}

describe('placement access', () => {
  it('lets a station place only its own workers, an agency only in its own jobs, an admin anyone', () => {
    expect(mayPlace(as('station', 'station-a'), { stationId: 'station-a' }, null)).toBe(true);
    expect(mayPlace(as('station', 'station-b'), { stationId: 'station-a' }, null)).toBe(false);
    expect(mayPlace(as('station', 'station-a'), null, null)).toBe(false);
    expect(mayPlace(as('agency', 'agency-a'), { stationId: 'station-a' }, { agencyId: 'agency-a' })).toBe(true);
    expect(mayPlace(as('agency', 'agency-b'), { stationId: 'station-a' }, { agencyId: 'agency-a' })).toBe(false);
    expect(mayPlace(as('agency', 'agency-a'), { stationId: 'station-a' }, null)).toBe(false);
    expect(mayPlace(as('admin'), null, null)).toBe(true);
    for (const role of ['bureau', 'coordinator'] as const) expect(mayPlace(as(role, 'station-a'), { stationId: 'station-a' }, { agencyId: 'station-a' })).toBe(false);
  });

  it("lets the placement's station, the worker's station now, its agency and an admin change it", () => {
    expect(mayChangePlacement(as('station', 'station-a'), placement(), null)).toBe(true);
    expect(mayChangePlacement(as('station', 'station-b'), placement(), 'station-b')).toBe(true);
    expect(mayChangePlacement(as('station', 'station-b'), placement(), 'station-a')).toBe(false);
    expect(mayChangePlacement(as('agency', 'agency-a'), placement(), null)).toBe(true);
    expect(mayChangePlacement(as('agency', 'agency-b'), placement(), null)).toBe(false);
    expect(mayChangePlacement(as('agency', 'agency-a'), placement({ agencyId: null }), null)).toBe(false);
    expect(mayChangePlacement(as('admin'), placement(), null)).toBe(true);
    expect(mayChangePlacement(as('bureau', 'b', '513400'), placement(), null)).toBe(false);
  });

  it('lets a bureau read placements whose work or worker lies in its region', () => {
    expect(mayReadPlacement(as('bureau', 'b', '513400'), placement(), null)).toBe(true);
    expect(mayReadPlacement(as('bureau', 'b', '440000'), placement(), null)).toBe(true);
    expect(mayReadPlacement(as('bureau', 'b', '510000'), placement({ workerRegionCode: '520102' }), null)).toBe(false);
    expect(mayReadPlacement(as('coordinator', 'station-a'), placement(), 'station-a')).toBe(false);
  });

  it('scopes the list and refuses filters outside the caller’s tenancy with 403', () => {
    expect(placementListScope(as('admin'), {})).toEqual({ kind: 'all' });
    expect(placementListScope(as('station', 'station-a'), { agencyId: 'agency-x' })).toEqual({ kind: 'station', stationId: 'station-a' });
    expect(placementListScope(as('agency', 'agency-a'), { agencyId: 'agency-a' })).toEqual({ kind: 'agency', agencyId: 'agency-a' });
    expect(refusal(() => placementListScope(as('agency', 'agency-a'), { agencyId: 'agency-b' }))).toEqual({ status: 403, code: 'PLACEMENT.NOT_YOURS' });
    expect(placementListScope(as('bureau', 'b', '513400'), { regionCode: '513401' })).toEqual({ kind: 'region', prefix: '5134' });
    expect(placementListScope(as('bureau', 'b', '510000'), {})).toEqual({ kind: 'region', prefix: '51' });
    expect(refusal(() => placementListScope(as('bureau', 'b', '513400'), { regionCode: '510000' }))).toEqual({ status: 403, code: 'PLACEMENT.NOT_YOURS' });
    expect(refusal(() => placementListScope(as('coordinator'), {}))).toEqual({ status: 403, code: 'PLACEMENT.NOT_YOURS' });
  });
});
