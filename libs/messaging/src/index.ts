// Transient errors are defined with the HTTP error mapping in platform; consumers know them from here too.
export { TransientError } from '@laowu/platform';

export * from './kafka.factory';
export * from './event-publisher';
export * from './topics.bootstrap';
export * from './kafka.readiness';
export * from './group-offsets';
export * from './kafka-event.server';
export * from './lane-priority';
export * from './outbox/outbox.sql';
export * from './outbox/outbox.writer';
export * from './outbox/outbox.relay';
export * from './inbox/processed-events';
export * from './inbox/latest-per-id';
export * from './messaging.module';
export * from './inbox/inbox-retention';
export * from './dlq/dead-letters';
