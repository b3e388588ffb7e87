import { type ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { OverloadedError } from '../http/overload';
import { DomainError } from './domain-error';
import { HttpErrorFilter } from './http-error.filter';

function respond(exception: unknown): { status: number; body: any; headers: Record<string, string> } {
  const captured = { status: 0, body: undefined as any, headers: {} as Record<string, string> };
  const response = {
    headersSent: false,
    setHeader(name: string, value: string) {
      captured.headers[name.toLowerCase()] = value;
    },
    status(code: number) {
      captured.status = code;
      return this;
    },
    json(body: unknown) {
      captured.body = body;
    },
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return captured;
}

describe('HttpErrorFilter', () => {
  it('maps domain errors to their status with the string code and details', () => {
    const { status, body } = respond(DomainError.invalid('JOB.INVALID', [{ field: 'wage.min', problem: 'must be ≤ wage.max' }]));
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'JOB.INVALID', details: [{ field: 'wage.min' }] });
  });

  it('keeps Nest HTTP errors in the API shape', () => {
    expect(respond(new NotFoundException('nope'))).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'nope' }, headers: {} });
  });

  it('answers 503 when a dependency is down and 500 otherwise, logging no query parameters', () => {
    const logged: unknown[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.push(message));
    const dbDown = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(respond(dbDown).status).toBe(503);
    const queryFailed = Object.assign(new Error('boom'), { name: 'QueryFailedError', parameters: ['510102199001011234'] });
    expect(respond(queryFailed)).toMatchObject({ status: 500, body: { statusCode: 500, message: 'Internal server error' } });
    expect(JSON.stringify(logged)).not.toContain('510102199001011234');
  });

  it('answers an overload 503 with its Retry-After and the SERVICE.OVERLOADED code', () => {
    const { status, body, headers } = respond(new OverloadedError('16 search-engine calls are in progress here', 'search', 3));
    expect(status).toBe(503);
    expect(headers['retry-after']).toBe('3');
    expect(body).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'SERVICE.OVERLOADED', message: '16 search-engine calls are in progress here' });
  });

  it('answers 503 with Retry-After, not 500, for a statement timeout and for a full connection pool', () => {
    // What pg and pg-pool throw (TypeORM wraps the first as a QueryFailedError carrying the code).
    const statementTimeout = Object.assign(new Error('canceling statement due to statement timeout'), { name: 'QueryFailedError', code: '57014' });
    const wrapped = Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError: { code: '57014' } });
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    for (const error of [statementTimeout, wrapped, poolTimeout]) {
      const { status, body, headers } = respond(error);
      expect(status).toBe(503);
      expect(body.code).toBe('DEPENDENCY.UNAVAILABLE');
      expect(Number(headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(respond(Object.assign(new Error('syntax error'), { code: '42601' })).status).toBe(500);
  });
});
