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
  /** 共享用工 offers, requests (latest state per post) and agreements. */
  sharing: 'laowu.sharing.v1',
  /** Registries other apps read: employers, bureau-added labour brands, training courses (latest state per key). */
  reference: 'laowu.reference.v1',
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

/** A topic's partitions where the apps create it (local) and in the production cluster. */
export interface PartitionCounts {
  local: number;
  production: number;
}

/**
 * Partition counts, stated once. `local` is what the apps create when a topic is missing (a
 * laptop, CI): a few partitions so consumers still run in parallel, without hundreds of idle
 * partitions on one broker. `production` is what deploy/k8s/kafka-topics creates before the apps
 * first start (deploy/k8s/test checks the manifests against it), sized in deploy/SCALING.md for the
 * national peak and the instances there: peak rate × 2 ÷ one partition's measured rate, a multiple
 * of 12 so that 12, 24 or 48 pods share them evenly. A count can grow but never shrink, so
 * production starts with headroom; the apps leave an existing topic's count alone.
 */
export const TOPIC_PARTITIONS: Readonly<Record<Topic, PartitionCounts>> = {
  [TOPICS.jobs]: { local: 6, production: 48 },
  [TOPICS.jobsInstant]: { local: 6, production: 24 },
  [TOPICS.workers]: { local: 6, production: 48 },
  [TOPICS.matches]: { local: 6, production: 48 },
  [TOPICS.matchesInstant]: { local: 6, production: 48 },
  [TOPICS.dispatch]: { local: 3, production: 12 },
  [TOPICS.sharing]: { local: 3, production: 12 },
  [TOPICS.reference]: { local: 3, production: 12 },
};

/** Every `<topic>.dlq`: dead letters are rare. */
export const DEAD_LETTER_PARTITIONS: PartitionCounts = { local: 1, production: 3 };

const COMPACTED_TOPICS: ReadonlySet<string> = new Set([TOPICS.jobs, TOPICS.workers, TOPICS.sharing, TOPICS.reference]);

/** What the apps create when a topic is missing (the local partition counts). */
export const TOPIC_SPECS: readonly TopicSpec[] = [
  ...Object.values(TOPICS).map((name) => ({ name, partitions: TOPIC_PARTITIONS[name].local, compacted: COMPACTED_TOPICS.has(name) })),
  ...Object.values(TOPICS).map((name) => ({ name: deadLetterTopic(name), partitions: DEAD_LETTER_PARTITIONS.local, compacted: false })),
];

/** The lane of a topic (its outbox relay and consumer group): instant for the instant topics, standard for every other one. */
export const laneOfTopic = (topic: string): Lane => (INSTANT_TOPICS.has(topic) ? 'instant' : 'standard');

/** Where matches of a lane are published. */
export const matchesTopicOf = (lane: Lane): Topic => (lane === 'instant' ? TOPICS.matchesInstant : TOPICS.matches);
