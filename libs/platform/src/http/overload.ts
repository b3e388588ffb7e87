import { TransientError } from '../errors/transient-error';

/**
 * This instance is at its bound (requests in flight, search-engine calls) and refuses more work
 * rather than queue it: 503 with `Retry-After` over HTTP. It is transient, so a Kafka consumer
 * that ever meets it retries instead of dead-lettering.
 */
export class OverloadedError extends TransientError {
  readonly code = 'SERVICE.OVERLOADED';

  constructor(
    message: string,
    /** What was at its bound, for the shed counter's `reason` label. */
    readonly reason: 'in_flight' | 'search' | 'caller_gone',
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
    this.name = 'OverloadedError';
  }
}
