import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, IS_PUBLIC } from '@laowu/platform';
import type { Request } from 'express';
import { ROLES_KEY } from './auth.decorators';
import { InvalidTokenError, verifyToken } from './jwt';
import { Principal, Role } from './principal';

export const JWT_SECRET = Symbol('JWT_SECRET');

export type AuthenticatedRequest = Request & { principal?: Principal };

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

/** Every route needs a valid bearer token unless marked @Public(); @Roles narrows who may call. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token) throw new UnauthorizedException('Bearer token required');
    try {
      request.principal = verifyToken(token, this.secret);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(`Invalid token: ${error.message}`);
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw DomainError.forbidden('AUTH.ROLE_NOT_ALLOWED', `role ${request.principal.role} may not call this (allowed: ${roles.join(', ')})`);
    }
    return true;
  }
}
