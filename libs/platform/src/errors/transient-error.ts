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
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH',
  '57P01', '57P03', '08000', '08001', '08003', '08006', '53300', // PostgreSQL: shutdown, cannot connect, too many connections
  '40001', '40P01', // serialization failure, deadlock: retrying is the remedy
]);

export function isTransient(error: unknown): boolean {
  const e = error as { transient?: boolean; name?: string; code?: string; meta?: { statusCode?: number }; message?: string };
  if (!e) return false;
  if (e.transient) return true;
  if (e.name && TRANSIENT_NAMES.has(e.name)) return true;
  if (e.code && TRANSIENT_CODES.has(e.code)) return true;
  const status = e.meta?.statusCode;
  if (status === 429 || status === 502 || status === 503 || status === 504) return true;
  return /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/.test(e.message ?? '');
}
