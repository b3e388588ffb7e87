import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, normalizeIp, ThrottlerException, ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';

export const UNAUTHENTICATED_LIMIT_PER_MINUTE = Symbol('UNAUTHENTICATED_LIMIT_PER_MINUTE');
export const UNAUTHENTICATED_THROTTLER = 'unauthenticated';
const WINDOW_MS = 60_000;

/** The storage key for an address: hashed, so no client address is stored in Redis. */
export function unauthenticatedKey(ip: string | undefined): string {
  return createHash('sha256').update(`unauthenticated-${normalizeIp(ip ?? 'unknown')}`).digest('hex');
}

/**
 * Counts requests that reach a protected route without a valid token (none, malformed, bad
 * signature, expired…) per client address, in the same store as the principal limits. Past the
 * limit they get 429 with Retry-After instead of 401: guessing or replaying tokens is slow, and
 * a valid token from the same address (a shared NAT) is never held back by it.
 */
@Injectable()
export class UnauthenticatedLimiter {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(UNAUTHENTICATED_LIMIT_PER_MINUTE) private readonly limitPerMinute: number,
  ) {}

  async count(request: Request, response: Response): Promise<void> {
    const record = await this.storage.increment(unauthenticatedKey(request.ip), WINDOW_MS, this.limitPerMinute, WINDOW_MS, UNAUTHENTICATED_THROTTLER);
    if (!record.isBlocked) return;
    response.setHeader('Retry-After', String(Math.max(1, record.timeToBlockExpire)));
    throw new ThrottlerException('Too many requests without a valid token from this address');
  }
}
