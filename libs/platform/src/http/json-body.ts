import type { Express, NextFunction, Request, Response } from 'express';
import { json } from 'express';
import { STATUS_CODES } from 'node:http';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function hasBody(req: Request): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

function sendError(res: Response, statusCode: number, message: string): void {
  res.status(statusCode).json({ statusCode, error: STATUS_CODES[statusCode], message });
}

/**
 * JSON bodies only, within a size limit; parse failures become the API's error shape (400, 413,
 * 415) instead of Express's HTML page.
 */
export function installJsonBody(app: Express, limitBytes: number): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (WRITE_METHODS.has(req.method) && hasBody(req) && !req.is('application/json')) {
      sendError(res, 415, 'Content-Type must be application/json');
      return;
    }
    next();
  });
  app.use(json({ limit: limitBytes, strict: true }));
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    switch (error.type) {
      case 'entity.too.large':
        return sendError(res, 413, `Request body exceeds ${limitBytes} bytes`);
      case 'entity.parse.failed':
        return sendError(res, 400, 'Request body is not valid JSON');
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return sendError(res, 415, 'Unsupported charset or encoding');
      default:
        if (error.status && error.status < 500) return sendError(res, error.status, 'Malformed request');
        return next(error);
    }
  });
}
