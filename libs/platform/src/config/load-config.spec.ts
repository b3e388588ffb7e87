import { BaseConfig } from './base.config';
import { ConfigError, loadConfig } from './load-config';

class ExampleConfig extends BaseConfig {
  override PORT = 3999;
}

describe('loadConfig', () => {
  it('reads numbers and defaults from the environment', () => {
    const config = loadConfig(ExampleConfig, { PORT: '4000', RATE_LIMIT_PER_MINUTE: '30' });
    expect(config.PORT).toBe(4000);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(30);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(config.jwtSecret).toBe('laowu-dev-secret');
  });

  it('listens on loopback unless HOST says otherwise (the container image sets 0.0.0.0)', () => {
    expect(loadConfig(ExampleConfig, {}).HOST).toBe('127.0.0.1');
    expect(loadConfig(ExampleConfig, { HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig(ExampleConfig, { PORT: 'eighty', KAFKA_BROKERS: 'nohost', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig(ExampleConfig, { PORT: 'eighty', KAFKA_BROKERS: 'nohost', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/KAFKA_BROKERS/);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
    }
  });

  it('refuses to start in production without a JWT secret', () => {
    expect(() => loadConfig(ExampleConfig, { NODE_ENV: 'production' })).toThrow(/LAOWU_JWT_SECRET: required/);
    const secret = 'a-production-secret-of-32-bytes!';
    expect(loadConfig(ExampleConfig, { NODE_ENV: 'production', LAOWU_JWT_SECRET: secret }).jwtSecret).toBe(secret);
  });
});
