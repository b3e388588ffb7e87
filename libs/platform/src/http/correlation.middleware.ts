import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CORRELATION_HEADER, runWithCorrelation } from '../logging/correlation';

/** Carries the caller's correlation id (or a new one) through the request and into events. */
export function correlationMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const header = req.headers[CORRELATION_HEADER];
  const incoming = Array.isArray(header) ? header[0] : header;
  const correlationId = incoming && incoming.length <= 200 ? incoming : randomUUID();
  req.headers[CORRELATION_HEADER] = correlationId;
  runWithCorrelation(correlationId, next);
}
