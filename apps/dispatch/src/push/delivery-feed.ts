import { pgListen } from '@laowu/persistence';
import { sleep } from '@laowu/platform';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DELIVERIES_CHANNEL } from './deliveries.channel';

export type Wake = () => void;

/**
 * Tells this instance's streams and webhook worker that a station has new deliveries. One
 * LISTEN connection per instance; the notification only says "look again" — every reader
 * reads from Postgres after its own cursor, so a missed notification only delays, and after a
 * lost connection everyone is woken to catch up.
 */
@Injectable()
export class DeliveryFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryFeed.name);
  private readonly byStation = new Map<string, Set<Wake>>();
  private readonly anyStation = new Set<Wake>();
  private running = false;
  private loop?: Promise<void>;
  private stop?: () => void;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.keepListening();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.stop?.();
    await this.loop;
  }

  /** Returns the unsubscribe function. */
  subscribe(stationId: string, wake: Wake): () => void {
    const set = this.byStation.get(stationId) ?? new Set<Wake>();
    set.add(wake);
    this.byStation.set(stationId, set);
    return () => {
      set.delete(wake);
      if (!set.size) this.byStation.delete(stationId);
    };
  }

  subscribeAll(wake: Wake): () => void {
    this.anyStation.add(wake);
    return () => this.anyStation.delete(wake);
  }

  private notify(stationId: string): void {
    for (const wake of this.byStation.get(stationId) ?? []) wake();
    for (const wake of this.anyStation) wake();
  }

  private wakeEveryone(): void {
    for (const set of this.byStation.values()) for (const wake of set) wake();
    for (const wake of this.anyStation) wake();
  }

  private async keepListening(): Promise<void> {
    for (let failures = 0; this.running; ) {
      try {
        await this.listenUntilLost();
        failures = 0;
      } catch (error) {
        failures++;
        if (failures === 1) this.logger.warn(`deliveries LISTEN failed: ${(error as Error).message}; retrying`);
        await sleep(Math.min(200 * 2 ** Math.min(failures, 5), 5000));
      }
    }
  }

  private async listenUntilLost(): Promise<void> {
    const stopped = new Promise<void>((resolve) => (this.stop = resolve));
    const listener = await pgListen(this.dataSource, DELIVERIES_CHANNEL, (stationId) => {
      if (stationId) this.notify(stationId);
    });
    try {
      this.wakeEveryone(); // anything committed while we were not listening
      await Promise.race([listener.lost, stopped]);
    } finally {
      await listener.close();
    }
    if (this.running) throw new Error('LISTEN connection lost');
  }
}
