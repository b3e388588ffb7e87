import { Logger } from '@nestjs/common';
import { CompressionTypes, type IHeaders, type Kafka, Partitioners, type Producer } from 'kafkajs';

export interface OutgoingMessage {
  key: string;
  value: string | Buffer;
  headers?: IHeaders;
}

/**
 * An idempotent producer (acks=all, one request in flight) so that broker retries neither
 * duplicate nor reorder a key's messages.
 */
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);
  private producer?: Producer;
  private connecting?: Promise<Producer>;

  constructor(private readonly kafka: Kafka) {}

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    await this.sendBatch([{ topic, messages }]);
  }

  /** Messages keep their order within each topic-partition. */
  async sendBatch(batches: { topic: string; messages: OutgoingMessage[] }[]): Promise<void> {
    const producer = await this.connected();
    try {
      await producer.sendBatch({ topicMessages: batches, acks: -1, compression: CompressionTypes.None });
    } catch (error) {
      await this.reset();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.reset();
  }

  private connected(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      try {
        await producer.connect();
        this.producer = producer;
        return producer;
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }

  /** After a failed send the producer may be wedged on a dead connection: start afresh. */
  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch((error: Error) => this.logger.warn(`producer disconnect: ${error.message}`));
  }
}
