import { distanceKm } from '@laowu/domain';
import { type WorkerDocument } from '../../indexing/worker.document';
import { constantBound, contribution, gauss, type Json, not, type RankingFactor } from './factor';

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
  bound: ({ distance: weight }) => constantBound(() => contribution(weight, 1)),
};
