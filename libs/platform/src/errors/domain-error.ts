export interface FieldProblem {
  field: string;
  problem: string;
}

/** HTTP statuses a domain error may map to; the edge filter does the mapping. */
export type DomainErrorStatus = 400 | 403 | 404 | 409 | 413 | 422 | 429;

/**
 * An expected failure of the domain, with a stable string code (`JOB.NOT_FOUND`) that clients
 * and tests can rely on.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: DomainErrorStatus,
    readonly details?: FieldProblem[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  static notFound(code: string, what: string): DomainError {
    return new DomainError(code, `${what} not found`, 404);
  }

  static forbidden(code: string, message: string): DomainError {
    return new DomainError(code, message, 403);
  }

  static conflict(code: string, message: string, extra?: Record<string, unknown>): DomainError {
    return new DomainError(code, message, 409, undefined, extra);
  }

  static invalid(code: string, details: FieldProblem[]): DomainError {
    return new DomainError(code, details.map((d) => `${d.field}: ${d.problem}`).join('; '), 400, details);
  }

  static unprocessable(code: string, details: FieldProblem[]): DomainError {
    return new DomainError(code, details.map((d) => `${d.field}: ${d.problem}`).join('; '), 422, details);
  }
}
