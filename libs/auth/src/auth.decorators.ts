import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type Principal, type Role } from './principal';

export const ROLES_KEY = 'laowu:roles';

/** Roles allowed on a route or controller; without it, any signed-in principal may call. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
