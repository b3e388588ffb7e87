import { ABOUT as DISPATCH, AppModule as DispatchModule } from '../../apps/dispatch/src/app.module';
import { DispatchConfig } from '../../apps/dispatch/src/dispatch.config';
import { ABOUT as JOBS, AppModule as JobsModule } from '../../apps/job-collection/src/app.module';
import { JobCollectionConfig } from '../../apps/job-collection/src/job-collection.config';
import { ABOUT as MATCHING, AppModule as MatchingModule } from '../../apps/matching/src/app.module';
import { MatchingConfig } from '../../apps/matching/src/matching.config';
import { ABOUT as WORKERS, AppModule as WorkersModule } from '../../apps/worker-profiles/src/app.module';
import { WorkerProfilesConfig } from '../../apps/worker-profiles/src/worker-profiles.config';
import { TOPICS } from '@laowu/contracts';
import { randomUUID } from 'node:crypto';
import { positionGroupsAtEnds } from './kafka';
import { startTestApp, type TestApp } from './test-app';

/** The topics each app consumes (its @EventPattern handlers), both lanes. */
export const TOPICS_CONSUMED: Record<string, readonly string[]> = {
  [JOBS.name]: [TOPICS.dispatch, TOPICS.workers],
  [WORKERS.name]: [TOPICS.dispatch, TOPICS.reference],
  [MATCHING.name]: [TOPICS.jobs, TOPICS.jobsInstant, TOPICS.workers, TOPICS.dispatch, TOPICS.reference, TOPICS.sharing],
  [DISPATCH.name]: [TOPICS.jobs, TOPICS.workers, TOPICS.matches, TOPICS.matchesInstant, TOPICS.reference, TOPICS.sharing],
};

export interface AllApps {
  jobs: TestApp<JobCollectionConfig>;
  workers: TestApp<WorkerProfilesConfig>;
  matching: TestApp<MatchingConfig>;
  dispatch: TestApp<DispatchConfig>;
  close(): Promise<void>;
}

/**
 * The four apps in this process on free ports, each with its own consumer groups, talking only
 * through Kafka: what an end-to-end test drives through the public APIs.
 */
export async function startAllApps(options: { groupPrefix: string; env?: Record<string, string | undefined> }): Promise<AllApps> {
  // Consumer groups of this run, started at the topics' ends: a new group would otherwise read
  // every topic from the beginning (other suites' thousands of jobs and matches) before reaching
  // this run's events, and a group kept between runs would first work through what an earlier
  // run left queued.
  const run = randomUUID().slice(0, 8);
  const groupOf = (app: string) => `${options.groupPrefix}-${app}-${run}`;
  await Promise.all(Object.entries(TOPICS_CONSUMED).map(([app, topics]) => positionGroupsAtEnds([groupOf(app)], topics)));
  const envFor = (app: string) => ({ KAFKA_GROUP_ID: groupOf(app), ...options.env });
  const jobs = await startTestApp({ configClass: JobCollectionConfig, about: JOBS, module: JobsModule.forRoot }, { env: envFor(JOBS.name) });
  const workers = await startTestApp({ configClass: WorkerProfilesConfig, about: WORKERS, module: WorkersModule.forRoot }, { env: envFor(WORKERS.name) });
  const matching = await startTestApp({ configClass: MatchingConfig, about: MATCHING, module: MatchingModule.forRoot }, { env: envFor(MATCHING.name) });
  const dispatch = await startTestApp({ configClass: DispatchConfig, about: DISPATCH, module: DispatchModule.forRoot }, { env: envFor(DISPATCH.name) });
  return {
    jobs,
    workers,
    matching,
    dispatch,
    close: async () => {
      await Promise.all([dispatch, matching, workers, jobs].map((app) => app.close()));
    },
  };
}
