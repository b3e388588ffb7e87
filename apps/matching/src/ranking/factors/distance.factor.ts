import { distanceKm } from '@laowu/domain';
import { type WorkerDocument } from '../../indexing/worker.document';
import { constantBound, contribution, gauss, type RankingFactor } from './factor';

/** Smallest commute scale, so a worker with maxCommuteKm 0 still gets a finite decay. */
const MIN_COMMUTE_SCALE_KM = 0.5;

export function commuteScaleKm(worker: Pick<WorkerDocument, 'maxCommuteKm'>): number {
  return Math.max(worker.maxCommuteKm, MIN_COMMUTE_SCALE_KM);
}

/**
 * Gauss decay of the distance, scale = the worker's max commute. Its bound is the most it adds:
 * score-bound.ts narrows by distance itself, in bands around the worker.
 */
export const distance: RankingFactor<'distance'> = {
  name: 'distance',
  weight: 3,
  value(job, worker) {
    const km = distanceKm(worker.location, job.location);
    return { value: gauss(km, commuteScaleKm(worker)), detail: `距离 ${km.toFixed(km < 10 ? 1 : 0)} km（通勤上限 ${worker.maxCommuteKm} km）` };
  },
  jobFunctions: (worker) => [{ gauss: { location: { origin: worker.location, scale: `${commuteScaleKm(worker)}km`, decay: 0.5 } }, weight: distance.weight }],
  workerFunctions: (job) => [
    {
      script_score: {
        script: {
          source: `
            double km = doc['location'].arcDistance(params.lat, params.lon) / 1000.0;
            double scale = Math.max(doc['maxCommuteKm'].value, params.minScale);
            return Math.pow(0.5, (km / scale) * (km / scale));`,
          params: { lat: job.location.lat, lon: job.location.lon, minScale: MIN_COMMUTE_SCALE_KM },
        },
      },
      weight: distance.weight,
    },
  ],
  bound: constantBound(() => contribution(distance, 1)),
};
