import { Histogram } from 'prom-client';
import { metricsRegistry } from './metrics.registry';

/**
 * The hops of a push, each timed where it happens (v1.1 push engine), so that a slow push can be
 * explained from the numbers:
 * - `post_to_outbox`: a job's HTTP request received → its row and outbox row committed (job-collection);
 * - `outbox_to_kafka`: outbox row committed → published (every app's relay; matching's is "matching → Kafka");
 * - `kafka_to_consumer`: published → handed to the consumer's handler (per topic: Kafka→matching, Kafka→dispatch);
 * - `candidates_query`: one _msearch of candidates for a batch of jobs (matching);
 * - `consumer_to_outbox`: handler started → matches committed to the outbox (matching);
 * - `dispatch_to_stored`: handler started → deliveries committed (dispatch);
 * - `stored_to_sse`: delivery committed → written to a station's SSE stream (dispatch).
 */
export const PUSH_HOPS = [
  'post_to_outbox', 'outbox_to_kafka', 'kafka_to_consumer', 'candidates_query', 'consumer_to_outbox', 'dispatch_to_stored', 'stored_to_sse',
] as const;
export type PushHop = (typeof PUSH_HOPS)[number];

export const pushHopSeconds = new Histogram({
  name: 'laowu_push_hop_seconds',
  help: 'Latency of each hop of the push path, by lane (instant, standard) and, for Kafka hops, topic',
  labelNames: ['hop', 'lane', 'topic'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [metricsRegistry],
});

/** Records one hop's latency in milliseconds (negative clock skew counts as 0). */
export function observeHop(hop: PushHop, lane: string, ms: number, topic = ''): void {
  pushHopSeconds.observe({ hop, lane, topic }, Math.max(0, ms) / 1000);
}
