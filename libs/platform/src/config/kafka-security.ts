import { accessSync, constants } from 'node:fs';

export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** How the apps authenticate to Kafka and protect the connection; nothing set: PLAINTEXT. */
export interface KafkaSecurity {
  /** TLS to the brokers; `caFile` (PEM) is trusted besides the system's CAs. */
  ssl?: { caFile?: string };
  sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string };
}

/** The settings (BaseConfig's KAFKA_SSL…) this file reads. */
export interface KafkaSecuritySettings {
  KAFKA_SSL?: 'true' | 'false';
  KAFKA_SSL_CA_FILE?: string;
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}

/** A file the process can read, or the reason it cannot (never its content). */
export function unreadableFile(path: string): string | undefined {
  try {
    accessSync(path, constants.R_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unreadable';
  }
}

/** Combinations that cannot work or would send the password in clear; names variables, never values. */
export function kafkaSecurityProblems(settings: KafkaSecuritySettings): string[] {
  const problems: string[] = [];
  const ssl = settings.KAFKA_SSL === 'true';
  if (settings.KAFKA_SSL_CA_FILE !== undefined) {
    if (!ssl) problems.push('KAFKA_SSL_CA_FILE: set only with KAFKA_SSL=true');
    const unreadable = unreadableFile(settings.KAFKA_SSL_CA_FILE);
    if (unreadable) problems.push(`KAFKA_SSL_CA_FILE: cannot read ${settings.KAFKA_SSL_CA_FILE} (${unreadable})`);
  }
  const mechanism = settings.KAFKA_SASL_MECHANISM;
  if (mechanism) {
    if (!settings.KAFKA_SASL_USERNAME) problems.push(`KAFKA_SASL_USERNAME: required with KAFKA_SASL_MECHANISM=${mechanism}`);
    if (!settings.KAFKA_SASL_PASSWORD) problems.push(`KAFKA_SASL_PASSWORD: required with KAFKA_SASL_MECHANISM=${mechanism}`);
    if (mechanism === 'plain' && !ssl) problems.push('KAFKA_SASL_MECHANISM: plain sends the password as it is; it needs KAFKA_SSL=true');
  } else {
    for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const) {
      if (settings[name] !== undefined) problems.push(`${name}: set only with KAFKA_SASL_MECHANISM (${KAFKA_SASL_MECHANISMS.join(' | ')})`);
    }
  }
  return problems;
}

export function kafkaSecurityOf(settings: KafkaSecuritySettings): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (settings.KAFKA_SSL === 'true') security.ssl = settings.KAFKA_SSL_CA_FILE ? { caFile: settings.KAFKA_SSL_CA_FILE } : {};
  if (settings.KAFKA_SASL_MECHANISM && settings.KAFKA_SASL_USERNAME && settings.KAFKA_SASL_PASSWORD) {
    security.sasl = { mechanism: settings.KAFKA_SASL_MECHANISM, username: settings.KAFKA_SASL_USERNAME, password: settings.KAFKA_SASL_PASSWORD };
  }
  return security;
}
