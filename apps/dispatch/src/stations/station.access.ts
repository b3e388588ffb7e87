import { Principal, Roles } from '@laowu/auth';
import { DomainError } from '@laowu/platform';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ERRORS } from '../dispatch.errors';

/** A station acts only for itself (token `sub` = station id); admins act for any station. */
export function assertActsForStation(principal: Principal, stationId: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'station' && principal.sub === stationId) return;
  throw DomainError.forbidden(ERRORS.STATION_NOT_YOURS, `this token may not act for station ${stationId}`);
}

/**
 * assertActsForStation on the route's `:id`, as a guard: guards run before the validation pipe,
 * so a caller that may not act for the station gets 403 whatever body it sends, and never a 400
 * that would tell it about the record's rules.
 */
@Injectable()
export class ActsForStationGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ principal: Principal; params: { id: string } }>();
    assertActsForStation(request.principal, request.params.id);
    return true;
  }
}

/**
 * The access frame of a controller under `v1/stations/:id/…`: admin or the station itself
 * (ActsForStationGuard on `:id`), with its 403 and 404 documented.
 */
export function ForOneStation(): ClassDecorator {
  return applyDecorators(
    ApiTags('stations'),
    ApiBearerAuth(),
    Roles('admin', 'station'),
    UseGuards(ActsForStationGuard),
    ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED (not admin or station), STATION.NOT_YOURS (another station)' }),
    ApiNotFoundResponse({ description: 'STATION.NOT_FOUND' }),
  );
}
