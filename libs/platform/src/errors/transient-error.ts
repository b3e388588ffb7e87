/**
 * Errors that mean "a dependency is down, try again" rather than "this message is bad". A
 * consumer retries them without limit (the partition waits) instead of dead-lettering.
 */
export class TransientError extends Error {
  readonly transient = true;
}

const TRANSIENT_NAMES = new Set([
  'ConnectionError', 'TimeoutError', 'NoLivingConnectionsError', // Elasticsearch client
  'KafkaJSConnectionError', 'KafkaJSRequestTimeoutError', 'KafkaJSNumberOfRetriesExceeded', 'KafkaJSNonRetriableError',
]);
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '57P05', // PostgreSQL: admin/crash shutdown, cannot connect now, idle session timeout
  '08000', '08001', '08003', '08006', // connection exceptions
  '53000', '53100', '53200', '53300', // insufficient resources: disk full, out of memory, too many connections
  '57014', // query_canceled: statement_timeout (or an operator's pg_cancel_backend): the database is slow, not the message bad
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout ended the session
  '40001', '40P01', // serialization failure, deadlock: retrying is the remedy
]);

/**
 * Messages of errors that carry no code: pg-pool's acquisition timeout (every pooled connection
 * busy) and connect timeout, pg's own connect timeout, its client-side query_timeout, and a
 * connection dropped under a query.
 */
const TRANSIENT_MESSAGES =
  /^timeout exceeded when trying to connect$|^Query read timeout$|^timeout expired$|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|canceling statement due to (statement|lock) timeout/;

interface ErrorShape {
  transient?: boolean;
  name?: string;
  code?: string;
  meta?: { statusCode?: number };
  message?: string;
  /** TypeORM's QueryFailedError keeps the driver's error here. */
  driverError?: unknown;
  cause?: unknown;
  /** AggregateError (e.g. a refused connection to each address of localhost). */
  errors?: unknown[];
}

/** True when the error, or any error it wraps (TypeORM driverError, cause, AggregateError), is transient. */
export function isTransient(error: unknown): boolean {
  return isTransientAt(error, 0);
}

function isTransientAt(error: unknown, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as ErrorShape;
  if (isTransientItself(e)) return true;
  const wrapped = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return wrapped.some((inner) => inner !== error && isTransientAt(inner, depth + 1));
}

function isTransientItself(e: ErrorShape): boolean {
  if (e.transient === true) return true;
  if (e.name && TRANSIENT_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  const status = e.meta?.statusCode;
  if (status === 429 || status === 502 || status === 503 || status === 504) return true;
  return typeof e.message === 'string' && TRANSIENT_MESSAGES.test(e.message);
}
