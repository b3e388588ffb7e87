import {
  createEnvelope, deterministicUuid, type EventEnvelope, LANE_OF_TRIGGER, MatchesFound, type MatchesFoundData, type PushTrigger,
} from '@laowu/contracts';
import { type JobDocument, jobSummary } from '../indexing/job.document';
import { type PairScore } from '../ranking/pair-score';

/** One job and the workers it is pushed with, best first. */
export interface JobPush {
  job: JobDocument;
  /** The ranking weights version the workers were ranked with (recorded in the event). */
  weightsVersion: number;
  workers: (PairScore & { worker: { workerId: string; stationId: string } })[];
}

/**
 * The same id for a pair and a material version of the job, whatever pushed it: a pair found by
 * two triggers (a cross-region job that is also among a new worker's best) is stored once.
 */
export const matchIdOf = (jobId: string, workerId: string, materialVersion: number): string =>
  deterministicUuid(`${jobId}:${workerId}:${materialVersion}`);

/**
 * Matches in one event at most: about 1.5 KB each with their reasons, so an event stays near
 * 150 KB, far below the broker's 1 MB message limit whatever top N a trigger uses.
 */
export const MATCHES_PER_EVENT = 100;

/** One MatchesFound per (job, station) — more for a station with over MATCHES_PER_EVENT of them — matches best first. */
export function matchesFoundEnvelopes(trigger: PushTrigger, pushes: JobPush[], now: Date, producer: string): EventEnvelope<MatchesFoundData>[] {
  return pushes.flatMap(({ job, weightsVersion, workers }) => {
    const byStation: [string, JobPush['workers']][] = [];
    const open = new Map<string, JobPush['workers']>();
    for (const ranked of workers) {
      let matches = open.get(ranked.worker.stationId);
      if (!matches || matches.length === MATCHES_PER_EVENT) {
        matches = [];
        open.set(ranked.worker.stationId, matches);
        byStation.push([ranked.worker.stationId, matches]);
      }
      matches.push(ranked);
    }
    const summary = jobSummary(job);
    return byStation.map(([stationId, ranked]) =>
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
          weightsVersion,
        },
        { producer },
      ),
    );
  });
}
