import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { AuthenticatedRequest } from './jwt-auth.guard';

/**
 * Rate limits count per principal (token subject) and route, falling back to the client address
 * on public routes. HTTP only: a global guard also runs before Kafka handlers, where the limit
 * would throttle (and after the retries dead-letter) events, all counted as one client.
 */
@Injectable()
export class PrincipalThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const req = request as unknown as AuthenticatedRequest;
    return req.principal ? `${req.principal.role}:${req.principal.sub}` : (req.ip ?? 'unknown');
  }

  /** The base guard names the header after the throttler (`Retry-After-per-principal`); clients read `Retry-After`. */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}
