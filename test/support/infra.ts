import type { SearchEngineKind } from '@laowu/search';

/**
 * Where the integration tests' infrastructure comes from. Default: the local stack
 * (deploy/local/stack.sh, started by `npm test`). With LAOWU_TEST_INFRA=containers and a Docker
 * engine: Kafka, PostgreSQL and OpenSearch from testcontainers — or Elasticsearch 8 instead of
 * OpenSearch with SEARCH_ENGINE=elasticsearch.
 */
export interface TestInfra {
  databaseUrl: string;
  kafkaBrokers: string;
  searchUrl: string;
  searchEngine: SearchEngineKind;
}

export const INFRA_ENV = {
  databaseUrl: 'LAOWU_TEST_DATABASE_URL',
  kafkaBrokers: 'LAOWU_TEST_KAFKA_BROKERS',
  searchUrl: 'LAOWU_TEST_SEARCH_URL',
  searchEngine: 'LAOWU_TEST_SEARCH_ENGINE',
} as const;

const searchEngineOf = (env: NodeJS.ProcessEnv): SearchEngineKind => (env.SEARCH_ENGINE === 'elasticsearch' ? 'elasticsearch' : 'opensearch');

export function localInfra(env: NodeJS.ProcessEnv = process.env): TestInfra {
  return {
    databaseUrl: env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu_test',
    kafkaBrokers: env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    searchUrl: env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
    searchEngine: searchEngineOf(env),
  };
}

export interface StartedInfra {
  infra: TestInfra;
  stop(): Promise<void>;
}

/** The search engine SEARCH_ENGINE names, security off (plain http, no credentials, like the local stack). */
async function searchContainer(engine: SearchEngineKind): Promise<{ getHttpUrl(): string; stop(): Promise<unknown> }> {
  if (engine === 'elasticsearch') {
    const { ElasticsearchContainer } = await import('@testcontainers/elasticsearch');
    return new ElasticsearchContainer('docker.elastic.co/elasticsearch/elasticsearch:8.19.0').withEnvironment({ 'xpack.security.enabled': 'false' }).start();
  }
  const { OpenSearchContainer } = await import('@testcontainers/opensearch');
  return new OpenSearchContainer('opensearchproject/opensearch:2.19.1').withSecurityEnabled(false).start();
}

export async function containerInfra(env: NodeJS.ProcessEnv = process.env): Promise<StartedInfra> {
  const searchEngine = searchEngineOf(env);
  const [{ PostgreSqlContainer }, { KafkaContainer }] = await Promise.all([import('@testcontainers/postgresql'), import('@testcontainers/kafka')]);
  const [postgres, kafka, search] = await Promise.all([
    new PostgreSqlContainer('postgres:15-alpine').withDatabase('laowu_test').withUsername('postgres').withPassword('postgres').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start(),
    searchContainer(searchEngine),
  ]);
  return {
    infra: {
      databaseUrl: postgres.getConnectionUri(),
      kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
      searchUrl: search.getHttpUrl(),
      searchEngine,
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
    searchEngine: searchEngineOf({ SEARCH_ENGINE: read(INFRA_ENV.searchEngine) }),
  };
}
