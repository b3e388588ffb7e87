import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaClientConfig } from './kafka.factory';

describe('kafkaClientConfig: TLS and SASL only when configured', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laowu-kafka-ca-'));
  const caFile = join(dir, 'ca.pem');
  const pem = '-----BEGIN CERTIFICATE-----\nMIIBtest\n-----END CERTIFICATE-----\n';
  writeFileSync(caFile, pem);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const base = { brokers: ['kafka-0:9093', 'kafka-1:9093'], clientId: 'matching' };

  it('is PLAINTEXT without settings: no ssl, no sasl', () => {
    const config = kafkaClientConfig(base);
    expect(config.brokers).toEqual(base.brokers);
    expect(config.clientId).toBe('matching');
    expect(config).not.toHaveProperty('ssl');
    expect(config).not.toHaveProperty('sasl');
  });

  it('uses TLS with the system CAs, or trusts the configured CA file as well, always verifying', () => {
    expect(kafkaClientConfig({ ...base, ssl: {} }).ssl).toBe(true);
    expect(kafkaClientConfig({ ...base, ssl: { caFile } }).ssl).toEqual({ ca: [pem], rejectUnauthorized: true });
    expect(kafkaClientConfig({ ...base, ssl: {} })).not.toHaveProperty('sasl');
  });

  it('authenticates with the configured SASL mechanism', () => {
    for (const mechanism of ['plain', 'scram-sha-256', 'scram-sha-512'] as const) {
      const config = kafkaClientConfig({ ...base, ssl: {}, sasl: { mechanism, username: 'laowu-matching', password: 's3cret-pw' } });
      expect(config.sasl).toEqual({ mechanism, username: 'laowu-matching', password: 's3cret-pw' });
      expect(config.ssl).toBe(true);
    }
  });

  it('fails at once when the CA file cannot be read', () => {
    expect(() => kafkaClientConfig({ ...base, ssl: { caFile: join(dir, 'missing.pem') } })).toThrow(/ENOENT/);
  });
});
