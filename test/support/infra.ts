/**
 * Where the integration tests' infrastructure comes from. Default: the local stack
 * (deploy/local/stack.sh, started by `npm test`). With LAOWU_TEST_INFRA=containers and a Docker
 * engine: Kafka, OpenSearch and PostgreSQL from testcontainers.
 */
export interface TestInfra {
  databaseUrl: string;
  kafkaBrokers: string;
  searchUrl: string;
}

export const INFRA_ENV = {
  databaseUrl: 'LAOWU_TEST_DATABASE_URL',
  kafkaBrokers: 'LAOWU_TEST_KAFKA_BROKERS',
  searchUrl: 'LAOWU_TEST_SEARCH_URL',
} as const;

export function localInfra(env: NodeJS.ProcessEnv = process.env): TestInfra {
  return {
    databaseUrl: env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu_test',
    kafkaBrokers: env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    searchUrl: env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
  };
}

export interface StartedInfra {
  infra: TestInfra;
  stop(): Promise<void>;
}

export async function containerInfra(): Promise<StartedInfra> {
  const [{ PostgreSqlContainer }, { KafkaContainer }, { OpenSearchContainer }] = await Promise.all([
    import('@testcontainers/postgresql'),
    import('@testcontainers/kafka'),
    import('@testcontainers/opensearch'),
  ]);
  const [postgres, kafka, search] = await Promise.all([
    new PostgreSqlContainer('postgres:15-alpine').withDatabase('laowu_test').withUsername('postgres').withPassword('postgres').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start(),
    new OpenSearchContainer('opensearchproject/opensearch:2.19.1').withSecurityEnabled(false).start(),
  ]);
  return {
    infra: {
      databaseUrl: postgres.getConnectionUri(),
      kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
      searchUrl: search.getHttpUrl(),
    },
    stop: async () => {
      await Promise.all([postgres.stop(), kafka.stop(), search.stop()]);
    },
  };
}

/** Read by test files: global setup has put the infrastructure's addresses in the environment. */
export function testInfra(): TestInfra {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run integration tests through jest's global setup (npm test)`);
    return value;
  };
  return {
    databaseUrl: read(INFRA_ENV.databaseUrl),
    kafkaBrokers: read(INFRA_ENV.kafkaBrokers),
    searchUrl: read(INFRA_ENV.searchUrl),
  };
}
