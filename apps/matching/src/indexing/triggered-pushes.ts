import { type PushTrigger } from '@laowu/contracts';
import { type JobDocument } from './job.document';
import { type WorkerDocument } from './worker.document';

export type JobTrigger = Extract<PushTrigger, 'instant_job' | 'cross_region_job'>;

/*
 * What the indexing consumers start besides the index writes: the push engine's pushes. Tokens,
 * provided by the push module (push.module.ts), so that indexing does not depend on push.
 */

export abstract class JobPushes {
  /** Pushes the jobs this trigger applies to; returns how many matches were pushed. */
  abstract push(trigger: JobTrigger, jobs: JobDocument[]): Promise<number>;
}

export abstract class WorkerPushes {
  /** `states`: every worker state of a batch, several per worker possibly. Returns how many matches were pushed. */
  abstract push(states: WorkerDocument[]): Promise<number>;
}
