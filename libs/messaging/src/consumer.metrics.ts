import { metricsRegistry } from '@laowu/platform';
import { Counter, Histogram } from 'prom-client';

export const consumedEvents = new Counter({
  name: 'laowu_events_consumed_total',
  help: 'Events handled by a consumer, by topic and outcome (ok, dead_lettered)',
  labelNames: ['topic', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const handlerDuration = new Histogram({
  name: 'laowu_event_handler_duration_seconds',
  help: 'Time spent handling one event (or one batch) by topic',
  labelNames: ['topic'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});
