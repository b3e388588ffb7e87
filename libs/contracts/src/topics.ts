/** Every Kafka topic of Laowu, named once. Consumers' dead-letter topics are `<topic>.dlq`. */
export const TOPICS = {
  jobs: 'laowu.jobs.v1',
  workers: 'laowu.workers.v1',
  matches: 'laowu.matches.v1',
  dispatch: 'laowu.dispatch.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Compacted topics keep the latest state per key (job, worker). */
  compacted: boolean;
}

export const TOPIC_SPECS: readonly TopicSpec[] = [
  { name: TOPICS.jobs, partitions: 6, compacted: true },
  { name: TOPICS.workers, partitions: 6, compacted: true },
  { name: TOPICS.matches, partitions: 6, compacted: false },
  { name: TOPICS.dispatch, partitions: 3, compacted: false },
  ...Object.values(TOPICS).map((name) => ({ name: deadLetterTopic(name), partitions: 1, compacted: false })),
];
