import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseConfig } from './base.config';
import { ConfigError, loadConfig } from './load-config';

class ExampleConfig extends BaseConfig {
  override PORT = 3999;
}

describe('Kafka TLS/SASL settings: checked at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laowu-kafka-settings-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const problemsOf = (env: Record<string, string>): string => {
    try {
      loadConfig(ExampleConfig, env);
      return '';
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
  };

  it('is PLAINTEXT by default', () => {
    expect(loadConfig(ExampleConfig, {}).kafkaSecurity).toEqual({});
  });

  it('carries TLS (with a CA file) and SASL when configured', () => {
    const config = loadConfig(ExampleConfig, {
      KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: caFile, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'laowu-dispatch', KAFKA_SASL_PASSWORD: 'pw-from-secret',
    });
    expect(config.kafkaSecurity).toEqual({ ssl: { caFile }, sasl: { mechanism: 'scram-sha-512', username: 'laowu-dispatch', password: 'pw-from-secret' } });
    expect(loadConfig(ExampleConfig, { KAFKA_SSL: 'true' }).kafkaSecurity).toEqual({ ssl: {} });
    expect(loadConfig(ExampleConfig, { KAFKA_SSL: 'false' }).kafkaSecurity).toEqual({});
  });

  it('refuses a SASL mechanism without username or password, naming both and never a value', () => {
    const message = problemsOf({ KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'laowu-dispatch' });
    expect(message).toMatch(/KAFKA_SASL_PASSWORD: required with KAFKA_SASL_MECHANISM=scram-sha-512/);
    expect(message).not.toMatch(/KAFKA_SASL_USERNAME: required/);
    expect(problemsOf({ KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: 'pw-from-secret' })).toMatch(/KAFKA_SASL_USERNAME: required/);
    expect(problemsOf({ KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: 'pw-from-secret' })).not.toContain('pw-from-secret');
  });

  it('refuses credentials without a mechanism, an unknown mechanism, PLAIN without TLS, a CA without TLS or unreadable', () => {
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toMatch(/KAFKA_SASL_USERNAME: set only with KAFKA_SASL_MECHANISM/);
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toMatch(/KAFKA_SASL_MECHANISM must be one of/);
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toMatch(/plain .* needs KAFKA_SSL=true/);
    expect(problemsOf({ KAFKA_SSL_CA_FILE: caFile })).toMatch(/KAFKA_SSL_CA_FILE: set only with KAFKA_SSL=true/);
    expect(problemsOf({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: join(dir, 'missing.pem') })).toMatch(/KAFKA_SSL_CA_FILE: cannot read .*ENOENT/);
    expect(problemsOf({ KAFKA_SSL: 'yes' })).toMatch(/KAFKA_SSL must be true or false/);
    // SCRAM without TLS is allowed (the password never crosses the wire).
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toBe('');
  });
});
