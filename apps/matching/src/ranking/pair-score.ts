import { type JobDocument } from '../indexing/job.document';
import { type WorkerDocument } from '../indexing/worker.document';
import { contribution, round } from './factors/factor';
import { type Factor, FACTORS } from './factors/factors';

export interface Reason {
  factor: Factor;
  contribution: number;
  detail: string;
}

export interface PairScore {
  score: number;
  reasons: Reason[];
}

/**
 * The score of one job–worker pair with its reasons: the same formulas and weights as the search
 * engine's function_score (ranking queries), so the reasons add up to the score a station sees.
 */
export function scorePair(job: JobDocument, worker: WorkerDocument, now: Date): PairScore {
  const reasons = FACTORS.flatMap((factor): Reason[] => {
    const valued = factor.value(job, worker, now);
    if (!valued) return [];
    const added = contribution(factor, valued.value);
    return added > 0 ? [{ factor: factor.name, contribution: added, detail: valued.detail }] : [];
  });
  return { score: round(reasons.reduce((sum, r) => sum + r.contribution, 0)), reasons };
}
