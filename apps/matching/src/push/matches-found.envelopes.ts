import {
  createEnvelope, deterministicUuid, EventEnvelope, LANE_OF_TRIGGER, MatchesFound, MatchesFoundData, PushTrigger,
} from '@laowu/contracts';
import { ABOUT_NAME } from '../about';
import { JobDocument, jobSummary } from '../indexing/job.document';
import { PairScore } from '../ranking/pair-score';

/** One job and the workers it is pushed with, best first. */
export interface JobPush {
  job: JobDocument;
  workers: (PairScore & { worker: { workerId: string; stationId: string } })[];
}

/**
 * The same id for a pair and a material version of the job, whatever pushed it: a pair found by
 * two triggers (a cross-region job that is also among a new worker's best) is stored once.
 */
export const matchIdOf = (jobId: string, workerId: string, materialVersion: number): string =>
  deterministicUuid(`${jobId}:${workerId}:${materialVersion}`);

/** One MatchesFound per (job, station), its matches best first. */
export function matchesFoundEnvelopes(trigger: PushTrigger, pushes: JobPush[], now: Date): EventEnvelope<MatchesFoundData>[] {
  return pushes.flatMap(({ job, workers }) => {
    const byStation = new Map<string, JobPush['workers']>();
    for (const ranked of workers) (byStation.get(ranked.worker.stationId) ?? byStation.set(ranked.worker.stationId, []).get(ranked.worker.stationId)!).push(ranked);
    const summary = jobSummary(job);
    return [...byStation].map(([stationId, ranked]) =>
      createEnvelope(
        MatchesFound,
        {
          stationId,
          trigger,
          lane: LANE_OF_TRIGGER[trigger],
          jobId: job.jobId,
          jobMaterialVersion: job.materialVersion,
          job: summary,
          matches: ranked.map(({ worker, score, reasons }) => ({ matchId: matchIdOf(job.jobId, worker.workerId, job.materialVersion), workerId: worker.workerId, score, reasons })),
          createdAt: now.toISOString(),
        },
        { producer: ABOUT_NAME },
      ),
    );
  });
}
