import { Principal } from '@laowu/auth';
import { DomainError } from '@laowu/platform';

/** A station acts only for itself (token `sub` = station id); admins act for any station. */
export function assertActsForStation(principal: Principal, stationId: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'station' && principal.sub === stationId) return;
  throw DomainError.forbidden('STATION.NOT_YOURS', `this token may not act for station ${stationId}`);
}
