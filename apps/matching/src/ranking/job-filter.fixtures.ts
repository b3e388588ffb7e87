import { distanceKm } from '@laowu/domain';
import { type JobDocument } from '../indexing/job.document';
import { type WorkerDocument } from '../indexing/worker.document';

/**
 * Whether the search engine's filter would select this job (or worker) document, for the few query types the
 * ranking builds (bool, term, terms, exists, range, geo_distance, geo_shape holding a point, match_all, match_none). Lets unit
 * tests check the filters themselves, not a copy of their logic. Float fields compare as 32-bit
 * floats and dates as epoch milliseconds, as the engine stores them.
 */
type Json = Record<string, unknown>;
type Indexed = JobDocument | WorkerDocument;

const FLOAT_FIELDS = new Set(['wagePerDayMin', 'wagePerDayMax']);
const DATE_FIELDS = new Set(['startAt', 'endAt', 'postedAt', 'updatedAt']);

export function matchesFilter(query: Json, job: Indexed): boolean {
  const [type, body] = Object.entries(query)[0] as [string, Json];
  switch (type) {
    case 'bool':
      return matchesBool(body, job);
    case 'term': {
      const [field, value] = Object.entries(body)[0];
      return valuesOf(job, field).includes(value);
    }
    case 'terms': {
      const [field, wanted] = Object.entries(body)[0] as [string, unknown[]];
      return valuesOf(job, field).some((value) => wanted.includes(value));
    }
    case 'exists':
      return valuesOf(job, body.field as string).length > 0;
    case 'range': {
      const [field, bounds] = Object.entries(body)[0] as [string, Record<string, unknown>];
      return valuesOf(job, field).some((value) => inRange(field, value, bounds));
    }
    case 'geo_distance': {
      const origin = body.location as { lat: number; lon: number };
      return distanceKm(origin, job.location) <= parseKm(body.distance as string);
    }
    case 'geo_shape': {
      const [field, { shape, relation }] = Object.entries(body)[0] as [string, { shape: { type: string; coordinates: [number, number] }; relation: string }];
      if (shape.type !== 'point' || relation !== 'intersects') throw new Error(`matchesFilter: no support for geo_shape ${shape.type} ${relation}`);
      const polygon = valuesOf(job, field)[0] as { coordinates: [number, number][][] } | undefined;
      return !!polygon && inRing(shape.coordinates, polygon.coordinates[0]);
    }
    case 'match_all':
      return true;
    case 'match_none':
      return false;
    default:
      throw new Error(`matchesFilter: no support for ${type}`);
  }
}

function matchesBool(body: Json, job: Indexed): boolean {
  const list = (key: string) => {
    const clauses = body[key];
    return clauses === undefined ? [] : Array.isArray(clauses) ? (clauses as Json[]) : [clauses as Json];
  };
  const required = [...list('filter'), ...list('must')];
  const should = list('should');
  const minimum = (body.minimum_should_match as number | undefined) ?? (required.length ? 0 : Math.min(1, should.length));
  return (
    required.every((q) => matchesFilter(q, job)) &&
    !list('must_not').some((q) => matchesFilter(q, job)) &&
    should.filter((q) => matchesFilter(q, job)).length >= minimum
  );
}

function valuesOf(job: Indexed, field: string): unknown[] {
  const value = (job as unknown as Record<string, unknown>)[field];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function inRange(field: string, value: unknown, bounds: Record<string, unknown>): boolean {
  const asNumber = (x: unknown) => {
    if (DATE_FIELDS.has(field)) return typeof x === 'number' ? x : Date.parse(x as string);
    return FLOAT_FIELDS.has(field) ? Math.fround(x as number) : (x as number);
  };
  const v = asNumber(value);
  const test: Record<string, (bound: number) => boolean> = { gte: (b) => v >= b, gt: (b) => v > b, lte: (b) => v <= b, lt: (b) => v < b };
  return Object.entries(bounds).every(([op, bound]) => test[op](asNumber(bound)));
}

function parseKm(distance: string): number {
  const match = /^([\d.]+)km$/.exec(distance);
  if (!match) throw new Error(`matchesFilter: distance ${distance} is not in km`);
  return Number(match[1]);
}

/** Whether a [lon, lat] point lies inside a ring, its edges straight lines in lon/lat as the engine draws them (ray casting). */
function inRing([x, y]: [number, number], ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
