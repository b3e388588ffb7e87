import { APP_CONFIG, metricsRegistry, sleep } from '@laowu/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { DispatchConfig } from '../dispatch.config';
import { SCHEMA } from '../schema';
import { StationsService, StationWebhook } from '../stations/stations.service';
import { WebhookClient, WebhookOutcome } from '../webhooks/webhook-http';
import {
  backoffMs, DELIVERY_HEADER, signatureHeader, SIGNATURE_HEADER, STANDARD_ID_HEADER, STANDARD_SIGNATURE_HEADER, STANDARD_TIMESTAMP_HEADER, standardSignatures,
} from '../webhooks/webhook-signature';
import { DeliveryFeed } from './delivery-feed';
import { WebhookCircuit } from './webhook-circuit';

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

/** Due rows locked per claim, from which each station's share (up to its free slots) is taken. */
const CANDIDATES = 200;

/**
 * Sends webhook deliveries from the `deliveries` table. The worker claims due rows with
 * FOR UPDATE SKIP LOCKED (so several instances share the work) and leases them by moving
 * `due_at` past the request timeout before sending, outside any transaction. A crash while
 * sending leaves the row pending: the lease runs out and it is sent again — at least once; the
 * receiver dedupes on `webhook-id` (= X-Laowu-Delivery). After WEBHOOK_MAX_ATTEMPTS failures the
 * row is `dead`, listed by GET /v1/stations/{id}/deliveries and sent again on
 * POST /v1/stations/{id}/deliveries/redeliver.
 *
 * Bounds: WEBHOOK_MAX_IN_FLIGHT requests per instance, WEBHOOK_MAX_IN_FLIGHT_PER_STATION per
 * station (the claim takes no more of a station's rows than it has free slots), and a circuit
 * breaker per station (WebhookCircuit) under which its rows stay due without being attempted.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly client: WebhookClient;
  private readonly circuit: WebhookCircuit;
  private readonly inFlight = new Map<string, number>();
  private readonly sending = new Set<Promise<void>>();
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set by a signal that came while the loop was not idle, so that the next idle returns at once. */
  private woken = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly stations: StationsService,
    private readonly feed: DeliveryFeed,
    @Inject(APP_CONFIG) private readonly config: DispatchConfig,
  ) {
    this.client = new WebhookClient({
      allowPrivateAddresses: config.webhookAllowPrivateAddresses,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      maxResponseBytes: config.WEBHOOK_MAX_RESPONSE_BYTES,
    });
    this.circuit = new WebhookCircuit(dataSource, config.WEBHOOK_CIRCUIT_FAILURES, config.WEBHOOK_CIRCUIT_COOLDOWN_MS);
  }

  onApplicationBootstrap(): void {
    if (this.config.webhookAllowPrivateAddresses) this.logger.warn('WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true: webhooks may reach loopback and private addresses');
    this.running = true;
    this.unsubscribe = this.feed.subscribeAll(() => this.signal());
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.signal();
    await this.loop;
    await Promise.all(this.sending);
    this.client.close();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.woken = false;
        const free = this.config.WEBHOOK_MAX_IN_FLIGHT - this.sending.size;
        const claimed = free > 0 ? await this.claim(free) : [];
        failures = 0;
        if (claimed.length) await this.start(claimed);
        // Full, or nothing more due: wait for a finished send, a NOTIFY or the poll.
        if (!claimed.length || claimed.length === free) await this.idle(this.config.WEBHOOK_POLL_MS);
      } catch (error) {
        failures++;
        this.logger.warn(`webhook worker: ${(error as Error).message}`);
        await this.idle(Math.min(200 * 2 ** Math.min(failures, 5), 5000));
      }
    }
  }

  /** Up to `free` due rows, none of a station at its in-flight limit or with an open circuit. */
  private claim(free: number): Promise<Claimed[]> {
    const leaseMs = this.config.WEBHOOK_TIMEOUT_MS + 5_000;
    const perStation = this.config.WEBHOOK_MAX_IN_FLIGHT_PER_STATION;
    const busy = [...this.inFlight];
    const full = busy.filter(([, n]) => n >= perStation).map(([station]) => station);
    return this.dataSource
      .query(
        `UPDATE "${SCHEMA}".deliveries d
         SET attempts = d.attempts + 1, due_at = now() + ($2::int * interval '1 millisecond')
         FROM (
           SELECT r.id FROM (
             SELECT c.id, c.due_at, row_number() OVER (PARTITION BY c.station_id ORDER BY c.due_at, c.id) AS rn,
                    $3::int - coalesce(b.n, 0) AS room
             FROM (SELECT x.id, x.station_id, x.due_at FROM "${SCHEMA}".deliveries x
                   WHERE x.webhook_status = 'pending' AND x.due_at <= now()
                     AND x.station_id <> ALL($4::text[]) AND ${WebhookCircuit.closedFor('x')}
                   ORDER BY x.due_at LIMIT $5 FOR UPDATE SKIP LOCKED) c
             LEFT JOIN unnest($6::text[], $7::int[]) AS b(station_id, n) ON b.station_id = c.station_id
           ) r
           WHERE r.rn <= r.room ORDER BY r.due_at LIMIT $1
         ) due
         WHERE d.id = due.id
         RETURNING d.id::text AS id, d.station_id, d.payload, d.attempts`,
        [free, leaseMs, perStation, full, CANDIDATES, busy.map(([station]) => station), busy.map(([, n]) => n)],
      )
      .then((result: [Claimed[], number] | Claimed[]) => (Array.isArray(result[0]) ? (result[0] as Claimed[]) : (result as Claimed[])));
  }

  /** Starts every claimed send without waiting for it; a finished send wakes the loop. */
  private async start(claimed: Claimed[]): Promise<void> {
    const webhooks = new Map<string, StationWebhook | undefined>();
    for (const stationId of new Set(claimed.map((c) => c.station_id))) webhooks.set(stationId, await this.stations.webhookOf(stationId));
    for (const delivery of claimed) {
      const station = delivery.station_id;
      this.inFlight.set(station, (this.inFlight.get(station) ?? 0) + 1);
      const sending: Promise<void> = this.sendOne(delivery, webhooks.get(station))
        .catch((error: Error) => this.logger.warn(`webhook delivery ${delivery.id}: ${error.message} (the lease runs out and it is retried)`))
        .finally(() => {
          const left = (this.inFlight.get(station) ?? 1) - 1;
          if (left > 0) this.inFlight.set(station, left);
          else this.inFlight.delete(station);
          this.sending.delete(sending);
          this.signal();
        });
      this.sending.add(sending);
    }
  }

  private async sendOne(delivery: Claimed, webhook: StationWebhook | undefined): Promise<void> {
    if (!webhook) {
      await this.record(delivery, 'none', null);
      return;
    }
    const outcome = await this.post(delivery, webhook);
    const error = failureOf(outcome);
    if (!outcome.answered) this.logger.debug(`webhook delivery ${delivery.id} to station ${delivery.station_id}: ${outcome.detail}`);
    // The circuit first: once this attempt is recorded the row may be due again at once.
    if (!error) {
      await this.circuit.succeeded(delivery.station_id);
      attemptsTotal.inc({ outcome: 'delivered' });
      await this.record(delivery, 'delivered', null);
      return;
    }
    await this.circuit.failed(delivery.station_id);
    if (delivery.attempts >= this.config.WEBHOOK_MAX_ATTEMPTS) {
      attemptsTotal.inc({ outcome: 'dead' });
      await this.record(delivery, 'dead', error);
    } else {
      attemptsTotal.inc({ outcome: 'retry' });
      await this.record(delivery, 'pending', error, backoffMs(this.config.WEBHOOK_BACKOFF_BASE_MS, delivery.attempts));
    }
  }

  private post(delivery: Claimed, webhook: StationWebhook): Promise<WebhookOutcome> {
    const body = JSON.stringify({ id: delivery.id, event: 'match', data: delivery.payload });
    const now = Math.floor(Date.now() / 1000);
    return this.client.post(
      webhook.url,
      {
        'Content-Type': 'application/json',
        [STANDARD_ID_HEADER]: delivery.id,
        [STANDARD_TIMESTAMP_HEADER]: String(now),
        [STANDARD_SIGNATURE_HEADER]: standardSignatures(webhook.secrets, delivery.id, now, body),
        [DELIVERY_HEADER]: delivery.id,
        [SIGNATURE_HEADER]: signatureHeader(webhook.secrets, body, now),
      },
      body,
    );
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

  private signal(): void {
    this.woken = true;
    this.wake?.();
  }

  private idle(ms: number): Promise<void> {
    if (this.woken) return Promise.resolve();
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

/** What the station is shown: `HTTP <status>` from its receiver, or a generic reason (never socket detail). */
function failureOf(outcome: WebhookOutcome): string | null {
  if (!outcome.answered) return outcome.reason;
  return outcome.status >= 200 && outcome.status < 300 ? null : `HTTP ${outcome.status}`;
}
