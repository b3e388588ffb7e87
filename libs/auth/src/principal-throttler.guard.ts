import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticatedRequest } from './jwt-auth.guard';

/** Rate limits count per principal (token subject), falling back to the client address. */
@Injectable()
export class PrincipalThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const req = request as unknown as AuthenticatedRequest;
    return req.principal ? `${req.principal.role}:${req.principal.sub}` : (req.ip ?? 'unknown');
  }
}
