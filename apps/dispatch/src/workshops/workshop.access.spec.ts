import { type Principal } from '@laowu/auth';
import { coversWorkshopRegion, workshopMissing, workshopRefused, workshopScope } from './workshop.access';
import { currentYear, yearBounds } from './workshops.service';

const bureau = (region: string): Principal => ({ sub: `bureau-${region}`, role: 'bureau', region });
const admin: Principal = { sub: 'admin', role: 'admin', region: '100000' };

describe('workshop access', () => {
  it('lets the bureau of the region (or a province / prefecture above it) and admins act; nobody else', () => {
    expect(coversWorkshopRegion(bureau('513401'), '513401')).toBe(true);
    expect(coversWorkshopRegion(bureau('513400'), '513401')).toBe(true);
    expect(coversWorkshopRegion(bureau('510000'), '513401')).toBe(true);
    expect(coversWorkshopRegion(bureau('513402'), '513401')).toBe(false);
    expect(coversWorkshopRegion(bureau('440300'), '513401')).toBe(false);
    expect(coversWorkshopRegion(admin, '999999')).toBe(true);
    expect(coversWorkshopRegion({ sub: 's', role: 'station', region: '513401' }, '513401')).toBe(false);
    expect(coversWorkshopRegion({ sub: 'a', role: 'agency', region: '513401' }, '513401')).toBe(false);
  });

  it('scopes SQL by the bureau’s region prefix, an admin nowhere', () => {
    expect(workshopScope(bureau('513400'))).toBe('5134');
    expect(workshopScope(admin)).toBeNull();
  });

  it('tells only an admin that a workshop does not exist', () => {
    expect(workshopMissing(admin)).toMatchObject({ status: 404, code: 'WORKSHOP.NOT_FOUND' });
    expect(workshopMissing(bureau('513400'))).toEqual(workshopRefused());
    expect(workshopRefused()).toMatchObject({ status: 403, code: 'WORKSHOP.NOT_YOURS' });
  });

  it('counts the year in China', () => {
    expect(currentYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(currentYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
    expect(yearBounds(2026)).toEqual(['2026-01-01', '2026-12-31']);
  });
});
