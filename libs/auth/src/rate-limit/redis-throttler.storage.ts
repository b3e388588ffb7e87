import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { metricsRegistry } from '@laowu/platform';
import { Redis } from 'ioredis';
import { Counter } from 'prom-client';

/**
 * One fixed window per key: INCR the hit counter (its first hit starts the window with PEXPIRE);
 * past the limit, a block key lives for the block duration and further hits are not counted.
 * Returns [hits, windowMs, blocked (0|1), blockMs]. Atomic, so replicas share one budget.
 */
const THROTTLE_SCRIPT = `
local blockMs = redis.call('PTTL', KEYS[2])
if blockMs > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blockMs}
end
local hits = redis.call('INCR', KEYS[1])
local windowMs = redis.call('PTTL', KEYS[1])
if windowMs < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  windowMs = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, windowMs, 1, tonumber(ARGV[3])}
end
return {hits, windowMs, 0, 0}
`;

/** The subset of an ioredis client this storage uses (a stub in unit specs). */
export interface ThrottleClient {
  laowuThrottle(hitsKey: string, blockKey: string, ttlMs: number, limit: number, blockMs: number): Promise<[number, number, number, number]>;
  connect?(): Promise<void>;
  disconnect?(): void;
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * The two keys of one counter. The hash tag `{…}` keeps both in one Redis Cluster slot, as a
 * Lua script touching several keys requires.
 */
export function throttleKeys(prefix: string, throttlerName: string, key: string): { hits: string; block: string } {
  const base = `${prefix}:{${throttlerName}:${key}}`;
  return { hits: `${base}:hits`, block: `${base}:block` };
}

export const rateLimitStoreFallbacks = new Counter({
  name: 'laowu_rate_limit_store_fallbacks_total',
  help: 'Rate-limit checks counted in local memory because the shared store (Redis) failed',
  registers: [metricsRegistry],
});

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const toSeconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Throttler storage shared by every instance through Redis. On a Redis failure it fails over
 * to this instance's memory (per-pod limits, as without Redis): a limiter outage must neither
 * stop the API nor turn requests into 500s. It logs once per outage and counts each fallback.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private degraded = false;

  constructor(
    private readonly client: ThrottleClient,
    private readonly prefix = 'laowu:rl',
  ) {
    client.on?.('error', (error) => this.markDegraded(error));
  }

  static connect(url: string, prefix?: string): RedisThrottlerStorage {
    const client = new Redis(url, {
      lazyConnect: true,
      // Fail a command at once while disconnected rather than queue it behind the request.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 500,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    });
    client.defineCommand('laowuThrottle', { numberOfKeys: 2, lua: THROTTLE_SCRIPT });
    return new RedisThrottlerStorage(client as unknown as ThrottleClient, prefix);
  }

  /** Waits for the first connection, so that the first requests already share the budget. */
  async onModuleInit(): Promise<void> {
    try {
      await this.client.connect?.();
    } catch (error) {
      this.markDegraded(error as Error); // ioredis keeps reconnecting in the background
    }
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const keys = throttleKeys(this.prefix, throttlerName, key);
    try {
      const [totalHits, windowMs, blocked, blockMs] = await this.client.laowuThrottle(keys.hits, keys.block, ttl, limit, blockDuration);
      this.markHealthy();
      return { totalHits, timeToExpire: toSeconds(windowMs), isBlocked: blocked === 1, timeToBlockExpire: toSeconds(blockMs) };
    } catch (error) {
      this.markDegraded(error as Error);
      rateLimitStoreFallbacks.inc();
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.onApplicationShutdown();
    // Nothing is in flight worth waiting for; disconnect also stops reconnecting to a Redis that is down.
    this.client.disconnect?.();
  }

  private markDegraded(error: Error): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(`rate-limit store unavailable (${error.message}): counting in this instance's memory until it is back`);
  }

  private markHealthy(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.log('rate-limit store is back: limits are shared again');
  }
}
