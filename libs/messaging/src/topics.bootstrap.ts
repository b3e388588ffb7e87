import { TOPIC_SPECS, type TopicSpec } from '@laowu/contracts';
import { sleep } from '@laowu/platform';
import { type Admin, ConfigResourceTypes, type Kafka } from 'kafkajs';

export interface EnsuredTopics {
  /** Topics this call created. */
  created: string[];
  /** Topics whose cleanup policy this call set to `compact`, as their spec says. */
  compacted: string[];
  /** Dead-letter topics whose retention.ms this call set to the configured retention. */
  retentionSet: string[];
  /** Existing topics that differ from their spec in a way that cannot be fixed in place. */
  problems: string[];
}

export interface EnsureTopicsOptions {
  /**
   * retention.ms of the dead-letter topics (`<topic>.dlq`): set when they are created, and set in
   * place on existing ones that differ. Unset: the broker's default (log.retention.hours).
   */
  deadLetterRetentionMs?: number;
}

const isDeadLetterTopic = (name: string) => name.endsWith('.dlq');

/**
 * Creates Laowu's topics that do not exist yet (compaction for the state topics, a retention for
 * the dead-letter topics) and checks the ones that do. Idempotent, and safe while other apps run it at the same time.
 */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[] = TOPIC_SPECS, options: EnsureTopicsOptions = {}): Promise<EnsuredTopics> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const created: string[] = [];
    // One topic per request: when another app creates the same topic meanwhile, kafkajs answers
    // `false` for the whole request, and only a request of one says which topic that was.
    for (const spec of specs.filter((s) => !existing.has(s.name))) {
      if (await createTopic(admin, spec, options)) created.push(spec.name);
    }
    const found = specs.filter((s) => !created.includes(s.name));
    return await whileTopicsSettle(async () => {
      const reconciled = await reconcile(admin, found);
      const retentionSet = await reconcileDeadLetterRetention(admin, found.filter((s) => isDeadLetterTopic(s.name)), options.deadLetterRetentionMs);
      return { created, ...reconciled, retentionSet };
    });
  } finally {
    await admin.disconnect();
  }
}

const SETTLING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * A topic another app has just created (our create answered "exists") may not be in the
 * metadata of the broker we ask yet: that answer is retried for a few seconds.
 */
async function whileTopicsSettle<T>(read: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= attempts || !SETTLING.has((error as { type?: string }).type ?? '')) throw error;
      await sleep(250);
    }
  }
}

function createTopic(admin: Admin, spec: TopicSpec, options: EnsureTopicsOptions): Promise<boolean> {
  return admin.createTopics({
    waitForLeaders: true,
    topics: [
      {
        topic: spec.name,
        numPartitions: spec.partitions,
        replicationFactor: -1,
        configEntries: spec.compacted ? COMPACTION : isDeadLetterTopic(spec.name) ? retentionEntries(options.deadLetterRetentionMs) : [],
      },
    ],
  });
}

function retentionEntries(retentionMs: number | undefined): { name: string; value: string }[] {
  return retentionMs === undefined ? [] : [{ name: 'retention.ms', value: String(retentionMs) }];
}

/**
 * Existing dead-letter topics get the configured retention.ms in place. AlterConfigs replaces a
 * topic's overrides as a whole: retention.ms is the only one Laowu sets on a dead-letter topic.
 */
async function reconcileDeadLetterRetention(admin: Admin, specs: TopicSpec[], retentionMs: number | undefined): Promise<string[]> {
  if (retentionMs === undefined || !specs.length) return [];
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: specs.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.name, configNames: ['retention.ms'] })),
  });
  const differing = described.resources
    .filter((r) => !r.configEntries.some((e) => e.configName === 'retention.ms' && e.configValue === String(retentionMs)))
    .map((r) => r.resourceName);
  if (differing.length) {
    await admin.alterConfigs({
      validateOnly: false,
      resources: differing.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configEntries: retentionEntries(retentionMs) })),
    });
  }
  return differing;
}

const COMPACTION = [
  { name: 'cleanup.policy', value: 'compact' },
  { name: 'min.compaction.lag.ms', value: '60000' },
];

/**
 * A state topic left uncompacted would lose old jobs and workers to retention, so compaction is
 * set in place. Fewer partitions than the spec is only reported: adding partitions to a keyed
 * topic moves keys to other partitions and breaks their order.
 */
async function reconcile(admin: Admin, specs: TopicSpec[]): Promise<Pick<EnsuredTopics, 'compacted' | 'problems'>> {
  if (!specs.length) return { compacted: [], problems: [] };
  const metadata = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.name) });
  const partitions = new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
  const problems = specs
    .filter((s) => (partitions.get(s.name) ?? 0) < s.partitions)
    .map((s) => `${s.name} has ${partitions.get(s.name)} partitions where its spec says ${s.partitions}`);
  const uncompacted = await uncompactedStateTopics(admin, specs.filter((s) => s.compacted));
  if (uncompacted.length) {
    // AlterConfigs replaces a topic's overrides as a whole: these are the only ones Laowu sets.
    await admin.alterConfigs({
      validateOnly: false,
      resources: uncompacted.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configEntries: COMPACTION })),
    });
  }
  return { compacted: uncompacted, problems };
}

async function uncompactedStateTopics(admin: Admin, specs: TopicSpec[]): Promise<string[]> {
  if (!specs.length) return [];
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: specs.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.name, configNames: ['cleanup.policy'] })),
  });
  return described.resources
    .filter((r) => !r.configEntries.some((e) => e.configName === 'cleanup.policy' && e.configValue.split(',').includes('compact')))
    .map((r) => r.resourceName);
}

/**
 * Throws unless every partition of `topics` has a leader. A consumer that joins its group before
 * that (a brand-new broker while the apps create the topics) is assigned partitions it does not
 * fetch until its next metadata refresh, minutes later.
 */
export async function assertTopicsServed(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    const leaderless = metadata.flatMap((topic) =>
      topic.partitions.filter((p) => p.partitionErrorCode !== 0 || p.leader < 0).map((p) => `${topic.name}[${p.partitionId}]`),
    );
    const missing = topics.filter((name) => !metadata.some((topic) => topic.name === name && topic.partitions.length));
    const unserved = [...missing, ...leaderless];
    if (unserved.length) throw new Error(`no leader yet for ${unserved.join(', ')}`);
  } finally {
    await admin.disconnect();
  }
}
