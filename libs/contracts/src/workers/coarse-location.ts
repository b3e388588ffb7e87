/**
 * Worker coordinates outside worker-profiles (the `laowu.workers.v1` event, matching's index and
 * everything read from them) are snapped to a grid of 0.01° (two decimal places). A cell is
 * 1.11 km north–south and 1.11 km × cos(latitude) east–west (0.96 km at 30° N, 0.76 km at 47° N),
 * so a published point is at most ≈ 0.8 km from the worker's own: enough for commute distances
 * (matching ranks within the worker's 10–50 km radius), too coarse to find a house. The exact
 * point stays in worker-profiles, for those who may read the worker.
 */
export const WORKER_COORDINATE_DECIMALS = 2;

const SCALE = 10 ** WORKER_COORDINATE_DECIMALS;

/** One coordinate snapped to the grid (never -0). */
export function coarseCoordinate(value: number): number {
  const rounded = Math.round(value * SCALE) / SCALE;
  return rounded === 0 ? 0 : rounded;
}

export function coarseLocation(point: { lat: number; lon: number }): { lat: number; lon: number } {
  return { lat: coarseCoordinate(point.lat), lon: coarseCoordinate(point.lon) };
}

/** True when the value has at most WORKER_COORDINATE_DECIMALS decimal places. */
export function isCoarseCoordinate(value: number): boolean {
  return Number.isFinite(value) && coarseCoordinate(value) === value;
}
