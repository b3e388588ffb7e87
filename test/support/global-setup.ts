// Global setup runs outside jest's module mapper: resolve @laowu/* through tsconfig paths.
import 'reflect-metadata';
import 'tsconfig-paths/register';
import { createKafka, ensureTopics } from '@laowu/messaging';
import { assertTestDatabase, ensureDatabase } from '@laowu/persistence';
import { createSearchClient } from '@laowu/search';
import { Kafka, logLevel } from 'kafkajs';
import { containerInfra, INFRA_ENV, localInfra, type StartedInfra, type TestInfra } from './infra';

declare global {
  var __LAOWU_INFRA__: StartedInfra | undefined;
}

async function assertAnswers(infra: TestInfra): Promise<void> {
  const hint = 'start the stack with `npm run stack -- up` (npm test does this itself)';
  const kafka = new Kafka({ brokers: infra.kafkaBrokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(`Kafka at ${infra.kafkaBrokers} does not answer (${(error as Error).message}): ${hint}`);
  } finally {
    await admin.disconnect();
  }
  const search = createSearchClient({ node: infra.searchUrl, engine: infra.searchEngine });
  try {
    await search.health();
  } catch (error) {
    throw new Error(`search (${infra.searchEngine}) at ${infra.searchUrl} does not answer (${(error as Error).message}): ${hint}`);
  } finally {
    await search.close();
  }
}

export default async function globalSetup(): Promise<void> {
  let infra: TestInfra;
  if (process.env.LAOWU_TEST_INFRA === 'containers') {
    globalThis.__LAOWU_INFRA__ = await containerInfra();
    infra = globalThis.__LAOWU_INFRA__.infra;
  } else {
    infra = localInfra();
    assertTestDatabase(infra.databaseUrl);
    await ensureDatabase(infra.databaseUrl);
    await assertAnswers(infra);
  }
  assertTestDatabase(infra.databaseUrl);
  // Every topic exists before any test positions a consumer group or records a topic.
  await ensureTopics(createKafka({ brokers: infra.kafkaBrokers.split(','), clientId: 'laowu-test-setup' }));
  process.env[INFRA_ENV.databaseUrl] = infra.databaseUrl;
  process.env[INFRA_ENV.kafkaBrokers] = infra.kafkaBrokers;
  process.env[INFRA_ENV.searchUrl] = infra.searchUrl;
  process.env[INFRA_ENV.searchEngine] = infra.searchEngine;
}
