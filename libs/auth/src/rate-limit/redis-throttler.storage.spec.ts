import { Logger } from '@nestjs/common';
import { type ThrottleClient, RedisThrottlerStorage, rateLimitStoreFallbacks, throttleKeys } from './redis-throttler.storage';
import { unauthenticatedKey } from './unauthenticated-limiter';

const fallbacks = async () => (await rateLimitStoreFallbacks.get()).values[0]?.value ?? 0;

describe('rate-limit keys', () => {
  it('puts the hit counter and the block marker of one counter in one Redis Cluster slot', () => {
    expect(throttleKeys('laowu:rl', 'per-principal', 'abc')).toEqual({
      hits: 'laowu:rl:{per-principal:abc}:hits',
      block: 'laowu:rl:{per-principal:abc}:block',
    });
    expect(throttleKeys('staging:rl', 'per-principal', 'abc').hits).toBe('staging:rl:{per-principal:abc}:hits');
  });

  it('keys unauthenticated requests by address, hashed, with IPv6 clients grouped by /64', () => {
    const key = unauthenticatedKey('203.0.113.7');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('203.0.113.7');
    expect(unauthenticatedKey('203.0.113.7')).toBe(key);
    expect(unauthenticatedKey('203.0.113.8')).not.toBe(key);
    expect(unauthenticatedKey('2001:db8:1:2::1')).toBe(unauthenticatedKey('2001:db8:1:2:ffff::9'));
    expect(unauthenticatedKey('2001:db8:1:3::1')).not.toBe(unauthenticatedKey('2001:db8:1:2::1'));
  });
});

describe('RedisThrottlerStorage', () => {
  it('passes both keys, the window, the limit and the block duration to the script, and reads its reply', async () => {
    const calls: unknown[][] = [];
    const client: ThrottleClient = {
      laowuThrottle: async (...args) => {
        calls.push(args);
        return [7, 1_500, 1, 59_001];
      },
    };
    const record = await new RedisThrottlerStorage(client, 'p').increment('k', 60_000, 5, 30_000, 'per-principal');
    expect(calls).toEqual([['p:{per-principal:k}:hits', 'p:{per-principal:k}:block', 60_000, 5, 30_000]]);
    expect(record).toEqual({ totalHits: 7, timeToExpire: 2, isBlocked: true, timeToBlockExpire: 60 });
  });

  it('fails over to in-memory counting when Redis fails: no error to the request, a warning once, a metric per fallback', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const client: ThrottleClient = { laowuThrottle: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')) };
    const storage = new RedisThrottlerStorage(client);
    const before = await fallbacks();

    const results = [];
    for (let i = 0; i < 3; i++) results.push(await storage.increment('k', 60_000, 2, 60_000, 'per-principal'));

    expect(results.map((r) => r.isBlocked)).toEqual([false, false, true]);
    expect(results.map((r) => r.totalHits)).toEqual([1, 2, 3]);
    expect((await fallbacks()) - before).toBe(3);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/rate-limit store unavailable \(connect ECONNREFUSED/);
    await storage.onApplicationShutdown();
    warn.mockRestore();
  });

  it('goes back to the shared store when Redis answers again, and logs that once', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    let down = true;
    const client: ThrottleClient = {
      laowuThrottle: async () => {
        if (down) throw new Error('Command timed out');
        return [1, 60_000, 0, 0];
      },
    };
    const storage = new RedisThrottlerStorage(client);
    await storage.increment('k', 60_000, 10, 60_000, 'per-principal');
    down = false;
    await expect(storage.increment('k', 60_000, 10, 60_000, 'per-principal')).resolves.toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    await storage.increment('k', 60_000, 10, 60_000, 'per-principal');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(log.mock.calls.filter(([m]) => String(m).includes('back'))).toHaveLength(1);
    await storage.onApplicationShutdown();
    warn.mockRestore();
    log.mockRestore();
  });
});
