import { kafkaConsumers } from '@laowu/messaging';
import { type AppDescription, type BaseConfig, loadConfig, startApp } from '@laowu/platform';
import { type DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { testInfra } from './infra';

export interface TestAppSpec<C extends BaseConfig> {
  configClass: new () => C;
  about: AppDescription;
  module: (config: C, options: { logDestination?: DestinationStream }) => DynamicModule;
}

export interface TestApp<C> {
  app: NestExpressApplication;
  config: C;
  url: string;
  close(): Promise<void>;
}

/** The environment an app gets in tests: the test infrastructure, a free port, quiet logs. */
export function testEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const infra = testInfra();
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: infra.kafkaBrokers,
    ELASTICSEARCH_URL: infra.searchUrl,
    SEARCH_ENGINE: infra.searchEngine,
    // A fresh consumer group per app instance, so tests never share offsets with a dev stack.
    KAFKA_GROUP_ID: `test-${randomUUID()}`,
    ...overrides,
  };
}

/** Boots an app the way main.ts does (HTTP first, then its Kafka consumers). */
export async function startTestApp<C extends BaseConfig & { KAFKA_GROUP_ID?: string }>(
  spec: TestAppSpec<C>,
  options: { env?: Record<string, string | undefined>; consume?: boolean; logDestination?: DestinationStream } = {},
): Promise<TestApp<C>> {
  const config = loadConfig(spec.configClass, testEnv(options.env));
  const consumers =
    options.consume === false
      ? []
      : kafkaConsumers({ brokers: config.kafkaBrokers, clientId: spec.about.name }, { groupId: config.KAFKA_GROUP_ID ?? spec.about.name });
  const app = await startApp(spec.module(config, { logDestination: options.logDestination }), config, spec.about, consumers);
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, config, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
