import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { countShed } from '../http/admission';
import { OverloadedError } from '../http/overload';
import { DomainError, FieldProblem } from './domain-error';
import { isTransient } from './transient-error';
import { RequestValidationError } from './validation';

interface ErrorBody {
  statusCode: number;
  error: string;
  code?: string;
  message: string;
  details?: FieldProblem[];
  [extra: string]: unknown;
}

/** Seconds a client is told to wait when a dependency (PostgreSQL, Kafka, the engine) is away or slow. */
export const DEPENDENCY_RETRY_AFTER_S = 5;

/**
 * A database call that ran out of time: a statement cancelled by `statement_timeout` (57014), or
 * no pooled connection within the pool's connect timeout. Under load these are "try later" (503),
 * not a fault of the request (500).
 */
export function isDatabaseTimeout(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } } | undefined;
  if (!e) return false;
  if (e.code === '57014' || e.driverError?.code === '57014') return true;
  return /timeout exceeded when trying to connect|Connection terminated due to connection timeout|Query read timeout/.test(e.message ?? '');
}

/** The one place where errors become HTTP responses, in the shape API.md fixes. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  /** `app` labels the shed counter (laowu_http_shed_total) when an engine bound refuses a request. */
  constructor(private readonly options: { app?: string } = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const body = this.toBody(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      // Shedding is counted, not logged (a log line per refused request would add to the load).
      if (!(exception instanceof OverloadedError) && !(exception instanceof HttpException)) this.logger.warn({ ...describeUnexpected(exception), msg: 'dependency unavailable or too slow' });
    } else if (!(exception instanceof HttpException) && !(exception instanceof DomainError)) this.logger.error(describeUnexpected(exception));
    if (exception instanceof OverloadedError) {
      countShed(this.options.app ?? 'unknown', exception.reason);
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    } else if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE && !isHealthReport(body)) {
      response.setHeader('Retry-After', String(DEPENDENCY_RETRY_AFTER_S));
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        ...exception.extra,
        statusCode: exception.status,
        error: STATUS_CODES[exception.status] ?? 'Error',
        code: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof RequestValidationError) {
      const details = exception.details;
      return {
        statusCode: 400,
        error: 'Bad Request',
        code: 'REQUEST.INVALID',
        message: details.map((d) => `${d.field}: ${d.problem}`).join('; ') || 'Invalid request',
        details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (isHealthReport(response)) return { statusCode: status, ...response } as unknown as ErrorBody;
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
    }
    if (exception instanceof OverloadedError) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable', code: exception.code, message: exception.message };
    }
    if (isTransient(exception) || isDatabaseTimeout(exception)) {
      // A dependency (PostgreSQL, Kafka, the search engine) is away or too slow: retrying later will work.
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        code: 'DEPENDENCY.UNAVAILABLE',
        message: 'A dependency is unavailable or too slow; retry later',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

/**
 * What an unexpected error may put in a log line: never the error object itself, whose fields
 * (a failed query's parameters, a request body) can hold personal data.
 */
function describeUnexpected(exception: unknown): Record<string, unknown> {
  const error = exception as { name?: string; code?: string; message?: string; stack?: string };
  return { msg: 'unexpected error', errorName: error?.name, errorCode: error?.code, stack: error?.stack?.split('\n').slice(1, 8).join('\n') };
}

/** Terminus' readiness report (`{ status, info, error, details }`) is passed through whole. */
function isHealthReport(response: unknown): response is Record<string, unknown> {
  return typeof response === 'object' && response !== null && 'details' in response && 'info' in response;
}
