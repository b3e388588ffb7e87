import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { HttpErrorFilter } from './http-error.filter';

function respond(exception: unknown): { status: number; body: any } {
  const captured = { status: 0, body: undefined as any };
  const response = {
    headersSent: false,
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
    expect(respond(new NotFoundException('nope'))).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'nope' } });
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
});
