import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';

export interface KafkaConnection {
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

/** kafkajs is created here only, so that swapping the client library touches this lib alone. */
export function createKafka(connection: KafkaConnection): Kafka {
  const logger = new Logger('kafka');
  return new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => ({ namespace, level, log }: LogEntry) => {
      const { message, ...rest } = log;
      logger[LEVELS[level] ?? 'log']({ msg: message, namespace, ...rest });
    },
  });
}
