import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, IS_PUBLIC } from '@laowu/platform';
import type { Request, Response } from 'express';
import { ROLES_KEY } from './auth.decorators';
import { InvalidTokenError, TokenVerifier } from './jwt';
import { Principal, Role } from './principal';
import { UnauthenticatedLimiter } from './rate-limit/unauthenticated-limiter';

export type AuthenticatedRequest = Request & { principal?: Principal };

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

/**
 * Every route needs a valid bearer token unless marked @Public(); @Roles narrows who may call.
 * A request without a valid token is counted against its address (429 past the limit, else 401).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly limiter: UnauthenticatedLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    request.principal = await this.authenticate(request, http.getResponse<Response>());
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw DomainError.forbidden('AUTH.ROLE_NOT_ALLOWED', `role ${request.principal.role} may not call this (allowed: ${roles.join(', ')})`);
    }
    return true;
  }

  private async authenticate(request: Request, response: Response): Promise<Principal> {
    const token = bearerToken(request);
    let failure = 'Bearer token required';
    if (token) {
      try {
        return this.verifier.verify(token);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        failure = `Invalid token: ${error.message}`;
      }
    }
    await this.limiter.count(request, response);
    throw new UnauthorizedException(failure);
  }
}
