import { distanceKm } from '@laowu/domain';
import { type WorkerDocument } from '../../indexing/worker.document';
import { type JobDocument } from '../../indexing/job.document';
import { reachAreaHolds } from '../../indexing/reach-area';
import { constantBound, contribution, gauss, gaussReach, type Json, not, type RankingFactor } from './factor';

/** Smallest commute scale, so a worker with maxCommuteKm 0 still gets a finite decay. */
const MIN_COMMUTE_SCALE_KM = 0.5;

/**
 * What a worker willing to migrate keeps of the distance value on a job they would move for (any
 * kind but a gig), however far: going out to work is their plan, nearness only a preference. A
 * gig keeps nothing beyond the decay: a day's work is only worth it nearby, whoever the worker.
 */
export const MIGRANT_DISTANCE_FLOOR = 0.5;

export function commuteScaleKm(worker: Pick<WorkerDocument, 'maxCommuteKm'>): number {
  return Math.max(worker.maxCommuteKm, MIN_COMMUTE_SCALE_KM);
}

/** The share of the distance value that decays for this worker on any job (the rest, for a willing worker, is kept on every job but gigs). */
export function decayingShare(worker: Pick<WorkerDocument, 'willingToMigrate'>): number {
  return worker.willingToMigrate ? 1 - MIGRANT_DISTANCE_FLOOR : 1;
}

const GIG: Json = { term: { kind: 'gig' } };

/**
 * Gauss decay of the distance, scale = the worker's max commute; for a worker willing to migrate,
 * a job other than a gig keeps MIGRANT_DISTANCE_FLOOR of it. Its bound is the most it adds:
 * score-bound.ts narrows by distance itself, in bands around the worker, on the decaying share.
 */
export const distance: RankingFactor<'distance'> = {
  name: 'distance',
  defaultWeight: 4,
  value(job, worker) {
    const km = distanceKm(worker.location, job.location);
    const floor = worker.willingToMigrate && job.kind !== 'gig' ? MIGRANT_DISTANCE_FLOOR : 0;
    return { value: floor + (1 - floor) * gauss(km, commuteScaleKm(worker)), detail: `距离 ${km.toFixed(km < 10 ? 1 : 0)} km（通勤上限 ${worker.maxCommuteKm} km）` };
  },
  jobFunctions(worker, _now, weight) {
    const decay = { location: { origin: worker.location, scale: `${commuteScaleKm(worker)}km`, decay: 0.5 } };
    if (!worker.willingToMigrate) return [{ gauss: decay, weight }];
    return [
      { filter: GIG, gauss: decay, weight },
      { filter: not(GIG), gauss: decay, weight: weight * (1 - MIGRANT_DISTANCE_FLOOR) },
      { filter: not(GIG), weight: weight * MIGRANT_DISTANCE_FLOOR },
    ];
  },
  workerFunctions: (job, _now, weight) => [
    {
      script_score: {
        script: {
          source: `
            double km = doc['location'].arcDistance(params.lat, params.lon) / 1000.0;
            double scale = Math.max(doc['maxCommuteKm'].value, params.minScale);
            double floor = doc['willingToMigrate'].value ? params.floor : 0;
            return floor + (1 - floor) * Math.pow(0.5, (km / scale) * (km / scale));`,
          params: { lat: job.location.lat, lon: job.location.lon, minScale: MIN_COMMUTE_SCALE_KM, floor: job.kind === 'gig' ? 0 : MIGRANT_DISTANCE_FLOOR },
        },
      },
      weight,
    },
  ],
  workerLoss: (job, weight) => ({ within: (loss) => workersLosingAtMost(job, weight, loss) }),
  bound: ({ distance: weight }) => constantBound(() => contribution(weight, 1)),
};

/**
 * The stored reach polygon (reach-area.ts) stands for the commute circle only where its edges are
 * surely inside it: the 24-gon's edges lie at 0.991 of the radius, and up to this radius the
 * engine's straight edges between vertices part from the sphere's by far less than the rest.
 */
const REACH_AREA_TRUSTED_UP_TO_KM = 300;
const REACH_AREA_INNER_SHARE = 0.985;
/** Upper edges of the commute bands a wider distance filter splits workers by (km): a worker of a band has a commute scale up to its edge. */
const COMMUTE_BAND_EDGES_KM = [5, 10, 20, 30, 50, 100, REACH_AREA_TRUSTED_UP_TO_KM];
const longCommute: Json = { range: { maxCommuteKm: { gt: REACH_AREA_TRUSTED_UP_TO_KM } } };

/**
 * Workers within `scales` of their commute scale from the job (and any with a commute too long to
 * narrow by). Within one scale: those whose reach polygon holds the job. Farther: per commute band,
 * those within `scales` × the band's edge.
 */
function withinCommuteScales(job: JobDocument, scales: number): Json {
  const padded = scales * (1 + 1e-3);
  if (padded <= REACH_AREA_INNER_SHARE) {
    return { bool: { should: [reachAreaHolds(job.location), longCommute], minimum_should_match: 1 } };
  }
  const bands = COMMUTE_BAND_EDGES_KM.map((edge, i) => {
    const commute = { range: { maxCommuteKm: { ...(i ? { gt: COMMUTE_BAND_EDGES_KM[i - 1] } : {}), lte: edge } } };
    const near = { geo_distance: { distance: `${Math.ceil((edge * padded + 0.01) * 1000) / 1000}km`, location: job.location } };
    return { bool: { filter: [commute, near] } };
  });
  return { bool: { should: [...bands, longCommute], minimum_should_match: 1 } };
}

/**
 * Workers losing at most `loss` of `weight` on distance to this job: within x commute scales of it,
 * x = gaussReach(1, what is left); none narrowed when every worker loses that little.
 */
function workersLosingAtMost(job: JobDocument, weight: number, loss: number): Json | undefined {
  const losingAtMost = (decaying: number): Json | undefined => (loss >= decaying ? undefined : withinCommuteScales(job, gaussReach(1, 1 - loss / decaying)));
  const anyone = losingAtMost(weight);
  if (!anyone || job.kind === 'gig') return anyone;
  // A willing worker keeps MIGRANT_DISTANCE_FLOOR of it on this job: only the rest decays.
  const willing = losingAtMost(weight * (1 - MIGRANT_DISTANCE_FLOOR));
  const willingClause: Json = { term: { willingToMigrate: true } };
  return { bool: { should: [willing ? { bool: { filter: [willingClause, willing] } } : willingClause, anyone], minimum_should_match: 1 } };
}
