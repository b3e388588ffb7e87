import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CORRELATION_HEADER, runWithCorrelation } from '../logging/correlation';

const RECEIVED_AT = Symbol('receivedAt');

/** Milliseconds since the request reached the app (the first middleware), for the push path's first hop. */
export function msSinceReceived(req: Request): number {
  const at = (req as Request & { [RECEIVED_AT]?: number })[RECEIVED_AT];
  return at === undefined ? 0 : performance.now() - at;
}

/** Carries the caller's correlation id (or a new one) through the request and into events. */
export function correlationMiddleware(req: Request, _res: Response, next: NextFunction): void {
  (req as Request & { [RECEIVED_AT]?: number })[RECEIVED_AT] = performance.now();
  const header = req.headers[CORRELATION_HEADER];
  const incoming = Array.isArray(header) ? header[0] : header;
  const correlationId = incoming && incoming.length <= 200 ? incoming : randomUUID();
  req.headers[CORRELATION_HEADER] = correlationId;
  runWithCorrelation(correlationId, next);
}
