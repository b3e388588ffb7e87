import { coarseCoordinate, coarseLocation, isCoarseCoordinate, WORKER_COORDINATE_DECIMALS } from './coarse-location';

describe('the ≈ 1 km grid of worker coordinates outside worker-profiles', () => {
  it('snaps to two decimal places, half away from the grid line upwards, never -0', () => {
    expect(WORKER_COORDINATE_DECIMALS).toBe(2);
    expect(coarseLocation({ lat: 27.883746, lon: 102.267512 })).toEqual({ lat: 27.88, lon: 102.27 });
    expect(coarseLocation({ lat: -33.868819, lon: 151.209295 })).toEqual({ lat: -33.87, lon: 151.21 });
    expect(coarseCoordinate(89.999)).toBe(90);
    expect(Object.is(coarseCoordinate(-0.001), 0)).toBe(true);
    expect(JSON.stringify(coarseLocation({ lat: 30.069999999, lon: 120.1 }))).toBe('{"lat":30.07,"lon":120.1}');
  });

  it('moves a point by at most half a cell: < 0.8 km anywhere in China', () => {
    const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
      const rad = Math.PI / 180;
      const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
      return 2 * 6371 * Math.asin(Math.sqrt(h));
    };
    for (let lat = 18; lat <= 53; lat += 0.7771) {
      for (let lon = 73; lon <= 135; lon += 1.3337) {
        const worst = { lat: Math.floor(lat * 100) / 100 + 0.00499, lon: Math.floor(lon * 100) / 100 + 0.00499 };
        expect(km(worst, coarseLocation(worst))).toBeLessThan(0.8);
      }
    }
  });

  it('tells grid points from finer ones', () => {
    expect(isCoarseCoordinate(27.88)).toBe(true);
    expect(isCoarseCoordinate(-3)).toBe(true);
    expect(isCoarseCoordinate(27.883)).toBe(false);
    expect(isCoarseCoordinate(Number.NaN)).toBe(false);
  });
});
