import { type Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { repeatEvery, type Repeating } from './repeat-every';

/**
 * A clean-up that runs every `intervalMs()` while the app runs (jobs past their end, placements past
 * their term): each sweep takes batches until one finds nothing; a failed sweep is logged and tried
 * again at the next interval; stopping the app waits for a sweep under way. A batch is the
 * subclass's, and says what a crash halfway leaves.
 */
export abstract class PeriodicSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  protected abstract readonly logger: Logger;
  private repeating?: Repeating;

  protected abstract intervalMs(): number;
  /** Handles one batch; returns how many rows it handled (0: nothing left). */
  protected abstract sweepBatch(): Promise<number>;
  /** The log line for a sweep that handled `count` rows, e.g. `expired 12 jobs`. */
  protected abstract describe(count: number): string;

  onApplicationBootstrap(): void {
    this.repeating = repeatEvery(() => this.intervalMs(), () => this.sweepAndLog());
  }

  async onModuleDestroy(): Promise<void> {
    await this.repeating?.stop();
  }

  /** Sweeps everything due now; returns how many rows were handled. */
  async sweep(): Promise<number> {
    let total = 0;
    for (let handled = await this.sweepBatch(); handled > 0; handled = await this.sweepBatch()) total += handled;
    return total;
  }

  private async sweepAndLog(): Promise<void> {
    try {
      const handled = await this.sweep();
      if (handled) this.logger.log(this.describe(handled));
    } catch (error) {
      this.logger.warn(`${this.constructor.name} failed: ${(error as Error).message}`);
    }
  }
}
