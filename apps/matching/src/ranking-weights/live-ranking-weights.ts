import { listenForever, type ListenLoop } from '@laowu/persistence';
import { APP_CONFIG, repeatEvery, type Repeating } from '@laowu/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { provinceCodeOf } from '@laowu/domain';
import { DataSource } from 'typeorm';
import { type JobDocument } from '../indexing/job.document';
import { type WorkerDocument } from '../indexing/worker.document';
import { MatchingConfig } from '../matching.config';
import { RANKING_WEIGHTS_CHANNEL, RankingWeightVersionsStore } from './ranking-weight-versions.store';
import { type AppliedWeights, DEFAULT_SNAPSHOT, weightsForProvince, type WeightsSnapshot } from '../ranking/ranking-weights';

/**
 * The ranking weights this instance ranks with, kept current without a restart: read at start,
 * again on every NOTIFY of a change (one LISTEN connection per instance, pgListen), again after
 * the LISTEN connection comes back (changes made meanwhile), and every RANKING_WEIGHTS_REFRESH_SECONDS
 * in case a notification was missed. A read that fails (database down, a row that is not a valid
 * set) keeps the weights it had, logged; a read older than the weights held (two reads crossing)
 * is dropped.
 *
 * Which province's weights a ranking uses: the worker's residence province when the worker is
 * the query (matches-for-worker, worker-available pushes) — the station serving them tunes for
 * its own people; the job's province when the job is the query (candidates-for-job, instant and
 * cross-region pushes) — where the work is.
 */
@Injectable()
export class LiveRankingWeights implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveRankingWeights.name);
  private snapshot: WeightsSnapshot = DEFAULT_SNAPSHOT;
  private latest = -1;
  private refreshing?: Repeating;
  private listening?: ListenLoop;

  constructor(
    private readonly store: RankingWeightVersionsStore,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: MatchingConfig,
  ) {}

  /** The first read must succeed: an instance does not start ranking with weights it could not read. */
  async onModuleInit(): Promise<void> {
    this.apply(await this.store.current());
  }

  onApplicationBootstrap(): void {
    this.refreshing = repeatEvery(() => this.config.RANKING_WEIGHTS_REFRESH_SECONDS * 1000, () => this.reload());
    this.listening = listenForever(this.dataSource, RANKING_WEIGHTS_CHANNEL, {
      onNotify: () => void this.reload(),
      onListening: () => this.reload().then(() => undefined), // a change committed while we were not listening
      onFailure: (error, failures) => {
        if (failures === 1) this.logger.warn(`ranking weights LISTEN failed: ${error.message}; retrying`);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.refreshing?.stop(), this.listening?.stop()]);
  }

  /** matches-for-worker, worker-available pushes: the worker's residence province. */
  forWorker(worker: Pick<WorkerDocument, 'residenceRegionCode'>): AppliedWeights {
    return weightsForProvince(this.snapshot, provinceCodeOf(worker.residenceRegionCode));
  }

  /** candidates-for-job, job-triggered pushes: the job's province. */
  forJob(job: Pick<JobDocument, 'provinceCode'>): AppliedWeights {
    return weightsForProvince(this.snapshot, job.provinceCode);
  }

  /** Re-reads the weights now; false when the read failed (the weights held stay). */
  async reload(): Promise<boolean> {
    try {
      this.apply(await this.store.current());
      return true;
    } catch (error) {
      this.logger.error(`ranking weights reload failed, keeping version ${this.snapshot.global.version} (latest seen ${this.latest}): ${(error as Error).message}`);
      return false;
    }
  }

  private apply(current: { snapshot: WeightsSnapshot; latest: number }): void {
    if (current.latest < this.latest) return;
    if (current.latest > this.latest && this.latest >= 0) this.logger.log(`ranking weights now at version ${current.latest}`);
    this.snapshot = current.snapshot;
    this.latest = current.latest;
  }
}
