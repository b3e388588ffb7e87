import { repeatEvery, type Repeating } from '@laowu/platform';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { type AcceptedHistory, NO_OUTCOMES, type RankingContext } from './ranking-context';
import { DispatchOutcomesStore } from './dispatch-outcomes.store';
import { priorRates, rateClasses } from './outcome-rates';

/** How often the classes are re-read besides after this instance's own writes: other instances' outcomes reach it within this. */
const REFRESH_EVERY_MS = 60_000;

/**
 * The outcome rates' classes this instance ranks with, in memory: read at start, again after each
 * batch of outcomes this instance recorded (refreshSoon), and every REFRESH_EVERY_MS for the
 * batches other instances consumed. A read that fails keeps the classes held, logged; reads never
 * overlap (a request during one is served by one more read after it).
 */
@Injectable()
export class OutcomeSignals implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutcomeSignals.name);
  private held: RankingContext = NO_OUTCOMES;
  private reading?: Promise<void>;
  private again = false;
  private refreshing?: Repeating;

  constructor(private readonly store: DispatchOutcomesStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refreshSoon();
    this.refreshing = repeatEvery(() => REFRESH_EVERY_MS, () => this.refreshSoon());
  }

  async onModuleDestroy(): Promise<void> {
    await this.refreshing?.stop();
    await this.reading;
  }

  /** candidates-for-job and job pushes: the rates, no worker history (not in the engine, ranking-context.ts). */
  forJobs(): RankingContext {
    return this.held;
  }

  /** matches-for-worker and worker-available pushes: the rates and the worker's accepted history (one small read). */
  async forWorker(workerId: string): Promise<RankingContext> {
    const held = this.held;
    const history = await this.store.historyOf(workerId);
    return history ? { ...held, histories: new Map<string, AcceptedHistory>([[workerId, history]]) } : held;
  }

  /** Re-reads the classes; resolves when a read started after this call has finished (failed: logged, classes kept). */
  refreshSoon(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readUntilCurrent().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readUntilCurrent(): Promise<void> {
    do {
      this.again = false;
      await this.read();
    } while (this.again);
  }

  private async read(): Promise<void> {
    try {
      const [agencies, jobs] = await Promise.all([this.store.counts('agency'), this.store.counts('job')]);
      const prior = priorRates(jobs); // every decided match counts once per job, agency known or not
      this.held = { agencyRates: rateClasses(agencies, prior), jobRates: rateClasses(jobs, prior), histories: new Map() };
    } catch (error) {
      this.logger.error(`outcome rates read failed, keeping the classes held: ${(error as Error).message}`);
    }
  }
}
