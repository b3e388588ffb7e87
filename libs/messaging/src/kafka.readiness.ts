import { type ReadinessCheck, withTimeout } from '@laowu/platform';
import { type Kafka } from 'kafkajs';

/** Ready when a broker answers a metadata request. */
export class KafkaReadiness implements ReadinessCheck {
  readonly name = 'kafka';

  constructor(private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await withTimeout(
        (async () => {
          await admin.connect();
          await admin.describeCluster();
        })(),
        2000,
        'Kafka',
      );
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
