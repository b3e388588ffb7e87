import type { KafkaSecurity } from '@laowu/platform';
import { Logger } from '@nestjs/common';
import { Kafka, type KafkaConfig, logLevel, type LogEntry, type SASLOptions } from 'kafkajs';
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';

/** Where the brokers are and, when configured (BaseConfig.kafkaSecurity), TLS and SASL. */
export interface KafkaConnection extends KafkaSecurity {
  brokers: string[];
  clientId: string;
}

// One level down: kafkajs reports every refused connection as an error while it retries; the
// relay and consumers log their own warnings with context when an outage matters.
const LEVELS: Record<number, 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'warn',
  [logLevel.WARN]: 'log',
  [logLevel.INFO]: 'debug',
  [logLevel.DEBUG]: 'debug',
};

/** TLS options: the system's CAs plus the configured one; certificates are always verified. */
function tlsOptions(ssl: NonNullable<KafkaSecurity['ssl']>): ConnectionOptions | true {
  return ssl.caFile ? { ca: [readFileSync(ssl.caFile, 'utf8')], rejectUnauthorized: true } : true;
}

function saslOptions(sasl: NonNullable<KafkaSecurity['sasl']>): SASLOptions {
  const { username, password } = sasl;
  switch (sasl.mechanism) {
    case 'plain':
      return { mechanism: 'plain', username, password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username, password };
  }
}

/** The kafkajs settings of a connection (TLS and SASL only when configured); reads the CA file. */
export function kafkaClientConfig(connection: KafkaConnection): KafkaConfig {
  const logger = new Logger('kafka');
  return {
    clientId: connection.clientId,
    brokers: connection.brokers,
    ...(connection.ssl ? { ssl: tlsOptions(connection.ssl) } : {}),
    ...(connection.sasl ? { sasl: saslOptions(connection.sasl) } : {}),
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => ({ namespace, level, log }: LogEntry) => {
      const { message, ...rest } = log;
      logger[LEVELS[level] ?? 'log']({ msg: message, namespace, ...rest });
    },
  };
}

/** kafkajs is created here only, so that swapping the client library touches this lib alone. */
export function createKafka(connection: KafkaConnection): Kafka {
  return new Kafka(kafkaClientConfig(connection));
}
