import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticatedRequest } from './jwt-auth.guard';

/**
 * Rate limits count per principal (token subject), falling back to the client address. HTTP only:
 * a global guard also runs before Kafka handlers, where the limit would throttle (and after the
 * retries dead-letter) events, all counted as one client.
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
}
