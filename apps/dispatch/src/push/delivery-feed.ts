import { listenForever, type ListenLoop } from '@laowu/persistence';
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
  private listening?: ListenLoop;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.listening = listenForever(this.dataSource, DELIVERIES_CHANNEL, {
      onNotify: (stationId) => {
        if (stationId) this.notify(stationId);
      },
      onListening: () => this.wakeEveryone(), // anything committed while we were not listening
      onFailure: (error, failures) => {
        if (failures === 1) this.logger.warn(`deliveries LISTEN failed: ${error.message}; retrying`);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.listening?.stop();
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
}
