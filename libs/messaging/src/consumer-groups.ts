import { laneOfTopic } from '@laowu/contracts';

/**
 * An app's Kafka consumers, each a consumer group of its own (kafkaConsumers): one per push lane,
 * and the standard lane's pushes apart from its other handlers. A standard-lane push runs a
 * ranking query per job; in a consumer of its own it never holds up what the same topic's other
 * handler does (matching's indexing: a bulk load becomes searchable at indexing speed, and the
 * pushes follow at theirs).
 */
export const CONSUMERS = ['instant', 'standard', 'pushes'] as const;
export type ConsumerName = (typeof CONSUMERS)[number];

/** Handlers registered with `@EventPattern(topic, { batch: true, consumer: 'pushes' })`. */
export interface EventHandlerExtras {
  /** Receives arrays of envelopes. */
  batch?: boolean;
  /** The standard-lane consumer that runs it; unset: its topic's lane. */
  consumer?: Exclude<ConsumerName, 'instant'>;
}

/** The consumer group of a consumer: the app's group for the standard lane, `<group>.<consumer>` for the others. */
export function consumerGroupId(groupId: string, consumer: ConsumerName): string {
  return consumer === 'standard' ? groupId : `${groupId}.${consumer}`;
}

/** The consumers that may read a topic: the instant one an instant topic, the standard lane's two the others. */
export const consumersOfTopic = (topic: string): ConsumerName[] => (laneOfTopic(topic) === 'instant' ? ['instant'] : ['standard', 'pushes']);

/** The consumer a handler of `topic` runs in. */
export const consumerOfHandler = (topic: string, extras: EventHandlerExtras | undefined): ConsumerName => extras?.consumer ?? laneOfTopic(topic);
