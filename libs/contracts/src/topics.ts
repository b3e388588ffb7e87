/**
 * Push lanes (v1.1): the instant lane carries gig and `instant` jobs and their matches, the
 * standard lane everything else. Each lane has topics, outbox relays and consumer groups of its
 * own, so a bulk load in the standard lane never queues ahead of a gig job.
 */
export const LANES = ['instant', 'standard'] as const;
export type Lane = (typeof LANES)[number];

/** Every Kafka topic of Laowu, named once. Consumers' dead-letter topics are `<topic>.dlq`. */
export const TOPICS = {
  jobs: 'laowu.jobs.v1',
  /** The instant lane's copy of gig and `instant` job events (laowu.jobs.v1 still has every job). */
  jobsInstant: 'laowu.jobs.instant.v1',
  workers: 'laowu.workers.v1',
  matches: 'laowu.matches.v1',
  matchesInstant: 'laowu.matches.instant.v1',
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

const INSTANT_TOPICS: ReadonlySet<string> = new Set([TOPICS.jobsInstant, TOPICS.matchesInstant]);

export const TOPIC_SPECS: readonly TopicSpec[] = [
  { name: TOPICS.jobs, partitions: 6, compacted: true },
  { name: TOPICS.jobsInstant, partitions: 6, compacted: false },
  { name: TOPICS.workers, partitions: 6, compacted: true },
  { name: TOPICS.matches, partitions: 6, compacted: false },
  { name: TOPICS.matchesInstant, partitions: 6, compacted: false },
  { name: TOPICS.dispatch, partitions: 3, compacted: false },
  ...Object.values(TOPICS).map((name) => ({ name: deadLetterTopic(name), partitions: 1, compacted: false })),
];

/** The lane of a topic (its outbox relay and consumer group): instant for the instant topics, standard for every other one. */
export const laneOfTopic = (topic: string): Lane => (INSTANT_TOPICS.has(topic) ? 'instant' : 'standard');

/** Where matches of a lane are published. */
export const matchesTopicOf = (lane: Lane): Topic => (lane === 'instant' ? TOPICS.matchesInstant : TOPICS.matches);
