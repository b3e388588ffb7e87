import { APP_CONFIG, metricsRegistry, sleep } from '@laowu/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { DispatchConfig } from '../dispatch.config';
import { SCHEMA } from '../schema';
import { StationsService, StationWebhook } from '../stations/stations.service';
import { DeliveryFeed } from './delivery-feed';
import { backoffMs, DELIVERY_HEADER, signatureHeader, SIGNATURE_HEADER } from './webhook-signature';

const attemptsTotal = new Counter({
  name: 'laowu_webhook_attempts_total',
  help: 'Webhook delivery attempts by outcome (delivered, retry, dead)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

interface Claimed {
  id: string;
  station_id: string;
  payload: unknown;
  attempts: number;
}

const CLAIM_LIMIT = 20;

/**
 * Sends webhook deliveries from the `deliveries` table. A worker claims due rows with
 * FOR UPDATE SKIP LOCKED (so several instances share the work) and leases them by moving
 * `due_at` past the request timeout before sending, outside any transaction. A crash while
 * sending leaves the row pending: the lease runs out and it is sent again — at least once; the
 * receiver dedupes on X-Laowu-Delivery. After WEBHOOK_MAX_ATTEMPTS failures the row is `dead`
 * and listed by GET /v1/stations/{id}/deliveries.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private unsubscribe?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly stations: StationsService,
    private readonly feed: DeliveryFeed,
    @Inject(APP_CONFIG) private readonly config: DispatchConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.unsubscribe = this.feed.subscribeAll(() => this.wake?.());
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const claimed = await this.claim();
        failures = 0;
        if (claimed.length) await this.sendAll(claimed);
        else await this.idle(this.config.WEBHOOK_POLL_MS);
      } catch (error) {
        failures++;
        this.logger.warn(`webhook worker: ${(error as Error).message}`);
        await this.idle(Math.min(200 * 2 ** Math.min(failures, 5), 5000));
      }
    }
  }

  private claim(): Promise<Claimed[]> {
    const leaseMs = this.config.WEBHOOK_TIMEOUT_MS + 5_000;
    return this.dataSource.query(
      `UPDATE "${SCHEMA}".deliveries d
       SET attempts = d.attempts + 1, due_at = now() + ($2::int * interval '1 millisecond')
       FROM (SELECT id FROM "${SCHEMA}".deliveries
             WHERE webhook_status = 'pending' AND due_at <= now()
             ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE d.id = due.id
       RETURNING d.id::text AS id, d.station_id, d.payload, d.attempts`,
      [CLAIM_LIMIT, leaseMs],
    ).then((result: [Claimed[], number] | Claimed[]) => (Array.isArray(result[0]) ? (result[0] as Claimed[]) : (result as Claimed[])));
  }

  private async sendAll(claimed: Claimed[]): Promise<void> {
    const webhooks = new Map<string, StationWebhook | undefined>();
    for (const stationId of new Set(claimed.map((c) => c.station_id))) webhooks.set(stationId, await this.stations.webhookOf(stationId));
    await Promise.all(claimed.map((delivery) => this.sendOne(delivery, webhooks.get(delivery.station_id))));
  }

  private async sendOne(delivery: Claimed, webhook: StationWebhook | undefined): Promise<void> {
    if (!webhook) {
      await this.record(delivery, 'none', null);
      return;
    }
    const error = await this.post(delivery, webhook);
    if (!error) {
      attemptsTotal.inc({ outcome: 'delivered' });
      await this.record(delivery, 'delivered', null);
    } else if (delivery.attempts >= this.config.WEBHOOK_MAX_ATTEMPTS) {
      attemptsTotal.inc({ outcome: 'dead' });
      await this.record(delivery, 'dead', error);
    } else {
      attemptsTotal.inc({ outcome: 'retry' });
      await this.record(delivery, 'pending', error, backoffMs(this.config.WEBHOOK_BACKOFF_BASE_MS, delivery.attempts));
    }
  }

  /** Returns undefined when the receiver accepted (2xx), else what went wrong. */
  private async post(delivery: Claimed, webhook: StationWebhook): Promise<string | undefined> {
    const body = JSON.stringify({ id: delivery.id, event: 'match', data: delivery.payload });
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [DELIVERY_HEADER]: delivery.id,
          [SIGNATURE_HEADER]: signatureHeader(webhook.secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return ((error as { cause?: Error }).cause?.message ?? (error as Error).message).slice(0, 500);
    }
  }

  /** Only if the row is still ours (same attempt): a lease that ran out was claimed again. */
  private async record(delivery: Claimed, status: 'none' | 'pending' | 'delivered' | 'dead', error: string | null, retryInMs?: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${SCHEMA}".deliveries
       SET webhook_status = $3, last_error = $4,
           due_at = CASE WHEN $3 = 'pending' THEN now() + ($5::int * interval '1 millisecond') END,
           delivered_at = CASE WHEN $3 = 'delivered' THEN now() END
       WHERE id = $1::bigint AND attempts = $2 AND webhook_status = 'pending'`,
      [delivery.id, delivery.attempts, status, error, retryInMs ?? 0],
    );
  }

  private idle(ms: number): Promise<void> {
    return Promise.race([
      sleep(ms),
      new Promise<void>((resolve) => {
        this.wake = resolve;
      }),
    ]).then(() => {
      this.wake = undefined;
    });
  }
}
