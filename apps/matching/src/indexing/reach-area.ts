/**
 * A worker's reachable area: the circle of `maxCommuteKm` around them. OpenSearch's geo_shape
 * cannot index a `circle` (Elasticsearch 7+ and OpenSearch need an ingest conversion for that),
 * so the circle is stored as a 24-vertex polygon. Inscribed in the circle, its edges fall short by
 * at most 1 − cos(π/24) ≈ 0.9 % of the radius, which is far below the precision of a commute.
 * Radii are capped at 1,500 km so no polygon wraps a pole or the antimeridian.
 */
export const REACH_VERTICES = 24;
export const MAX_REACH_KM = 1500;
const EARTH_RADIUS_KM = 6371.0088;

export interface GeoPolygon {
  type: 'polygon';
  coordinates: [number, number][][];
}

/** The point at `distanceKm` from (lat, lon) along `bearing` (radians), on the sphere. */
function destination(lat: number, lon: number, distanceKm: number, bearing: number): [number, number] {
  const rad = Math.PI / 180;
  const angular = distanceKm / EARTH_RADIUS_KM;
  const φ1 = lat * rad;
  const λ1 = lon * rad;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(angular) + Math.cos(φ1) * Math.sin(angular) * Math.cos(bearing));
  const λ2 = λ1 + Math.atan2(Math.sin(bearing) * Math.sin(angular) * Math.cos(φ1), Math.cos(angular) - Math.sin(φ1) * Math.sin(φ2));
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return [round(λ2 / rad), round(φ2 / rad)];
}

export function reachPolygon(lat: number, lon: number, radiusKm: number): GeoPolygon {
  const radius = Math.min(Math.max(radiusKm, 0.5), MAX_REACH_KM);
  // Counter-clockwise (GeoJSON right-hand rule): bearings from north going west.
  const ring: [number, number][] = [];
  for (let i = 0; i < REACH_VERTICES; i++) ring.push(destination(lat, lon, radius, (-2 * Math.PI * i) / REACH_VERTICES));
  ring.push(ring[0]);
  return { type: 'polygon', coordinates: [ring] };
}

/** The workers whose stored reach polygon holds this point: within about their commute of it. */
export function reachAreaHolds(point: { lat: number; lon: number }): { geo_shape: object } {
  return { geo_shape: { reachArea: { shape: { type: 'point', coordinates: [point.lon, point.lat] }, relation: 'intersects' } } };
}
