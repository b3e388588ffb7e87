import type { Express, NextFunction, Request, Response } from 'express';
import { json } from 'express';
import { isUtf8 } from 'node:buffer';
import { STATUS_CODES } from 'node:http';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Deepest nesting of objects and arrays a body may have. The API's deepest body (a bulk job's
 * wage) is 4 levels; thousands of levels would overflow the stack of the recursive
 * transform and validation behind the parser (a 500).
 */
export const MAX_JSON_DEPTH = 32;

function hasBody(req: Request): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

function sendError(res: Response, statusCode: number, message: string): void {
  res.status(statusCode).json({ statusCode, error: STATUS_CODES[statusCode], message });
}

/** The charset a Content-Type names, if any (lowercase). */
function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

/** True when objects and arrays nest deeper than `max` (strings are skipped, escapes honoured). */
export function jsonNestsDeeperThan(text: Buffer, max: number): boolean {
  if (text.length <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Keys that name an object's prototype machinery. class-transformer drops them silently (so an
 * "unknown field" got through as if absent) and they are the stuff of prototype pollution.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key in a parsed body, if any (depth is bounded by the parser). */
export function forbiddenKeyIn(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = typeof value[i] === 'object' && value[i] !== null ? forbiddenKeyIn(value[i], `${path}[${i}]`) : undefined;
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return field;
      const child = (value as Record<string, unknown>)[key];
      const found = typeof child === 'object' && child !== null ? forbiddenKeyIn(child, field) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

class BodyRefused extends Error {
  readonly status = 400;
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checked on the raw bytes before parsing: UTF-8 only (no silent U+FFFD), bounded nesting. */
function verifyBody(_req: Request, _res: Response, body: Buffer): void {
  if (!isUtf8(body)) throw new BodyRefused('entity.invalid.utf8', 'Request body is not valid UTF-8');
  if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) throw new BodyRefused('entity.too.deep', `Request body nests deeper than ${MAX_JSON_DEPTH} levels`);
}

/**
 * JSON bodies only (UTF-8), within a size limit and a nesting depth; parse failures become the
 * API's error shape (400, 413, 415) instead of Express's HTML page.
 */
export function installJsonBody(app: Express, limitBytes: number): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (WRITE_METHODS.has(req.method) && hasBody(req) && !req.is('application/json')) {
      sendError(res, 415, 'Content-Type must be application/json');
      return;
    }
    const charset = charsetOf(req.headers['content-type']);
    if (hasBody(req) && req.is('application/json') && charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      // API.md: bodies are UTF-8. body-parser would decode any utf-* charset (utf-7, utf-16…).
      sendError(res, 415, 'Unsupported charset: bodies are UTF-8');
      return;
    }
    next();
  });
  app.use(json({ limit: limitBytes, strict: true, verify: verifyBody }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const field = forbiddenKeyIn(req.body);
    if (field === undefined) return next();
    const problem = `property ${field.slice(field.lastIndexOf('.') + 1)} should not exist`;
    res.status(400).json({ statusCode: 400, error: STATUS_CODES[400], code: 'REQUEST.INVALID', message: `${field}: ${problem}`, details: [{ field, problem }] });
  });
  app.use((error: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    switch (error.type) {
      case 'entity.too.large':
        return sendError(res, 413, `Request body exceeds ${limitBytes} bytes`);
      case 'entity.parse.failed':
        return sendError(res, 400, 'Request body is not valid JSON');
      case 'entity.invalid.utf8':
      case 'entity.too.deep':
        return sendError(res, 400, error.message ?? 'Malformed request');
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return sendError(res, 415, 'Unsupported charset or encoding');
      default:
        if (error.status && error.status < 500) return sendError(res, error.status, 'Malformed request');
        return next(error);
    }
  });
}
