import { unreadableFile } from '@laowu/platform';
import { type SearchEngineKind } from './search-client';

/**
 * Where the search engine is and how the app proves who it is: basic auth (OpenSearch security
 * plugin, Elasticsearch) or an Elasticsearch API key, over TLS with an optional CA of its own.
 */
export interface SearchConnection {
  node: string;
  /** Which client speaks to it; OpenSearch unless said otherwise. */
  engine?: SearchEngineKind;
  auth?: { username: string; password: string } | { apiKey: string };
  /** A CA (PEM) trusted for the engine's certificate, besides the system's. */
  caFile?: string;
}

/** The settings (an app config's ELASTICSEARCH_…) this file reads. */
export interface SearchSettings {
  SEARCH_ENGINE?: SearchEngineKind;
  ELASTICSEARCH_URL: string;
  ELASTICSEARCH_USERNAME?: string;
  ELASTICSEARCH_PASSWORD?: string;
  ELASTICSEARCH_API_KEY?: string;
  ELASTICSEARCH_CA_FILE?: string;
}

function urlOf(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Combinations that cannot work or would send credentials in clear; names variables, never values. */
export function searchSettingsProblems(settings: SearchSettings): string[] {
  const problems: string[] = [];
  const url = urlOf(settings.ELASTICSEARCH_URL);
  const https = url?.protocol === 'https:';
  const basic = settings.ELASTICSEARCH_USERNAME !== undefined || settings.ELASTICSEARCH_PASSWORD !== undefined;
  if (basic && !settings.ELASTICSEARCH_USERNAME) problems.push('ELASTICSEARCH_USERNAME: required with ELASTICSEARCH_PASSWORD');
  if (basic && !settings.ELASTICSEARCH_PASSWORD) problems.push('ELASTICSEARCH_PASSWORD: required with ELASTICSEARCH_USERNAME');
  if (basic && settings.ELASTICSEARCH_API_KEY) problems.push('ELASTICSEARCH_API_KEY: set it or ELASTICSEARCH_USERNAME/PASSWORD, not both');
  if ((basic || settings.ELASTICSEARCH_API_KEY) && (url?.username || url?.password)) {
    problems.push('ELASTICSEARCH_URL: carries credentials as well as ELASTICSEARCH_USERNAME/PASSWORD/API_KEY; keep one');
  }
  if ((basic || settings.ELASTICSEARCH_API_KEY) && !https) {
    problems.push('ELASTICSEARCH_URL: credentials go with every request, so it must be https://');
  }
  if (settings.ELASTICSEARCH_CA_FILE !== undefined) {
    if (!https) problems.push('ELASTICSEARCH_CA_FILE: set only with an https:// ELASTICSEARCH_URL');
    const unreadable = unreadableFile(settings.ELASTICSEARCH_CA_FILE);
    if (unreadable) problems.push(`ELASTICSEARCH_CA_FILE: cannot read ${settings.ELASTICSEARCH_CA_FILE} (${unreadable})`);
  }
  return problems;
}

export function searchConnectionOf(settings: SearchSettings): SearchConnection {
  const connection: SearchConnection = { node: settings.ELASTICSEARCH_URL, engine: settings.SEARCH_ENGINE ?? 'opensearch' };
  if (settings.ELASTICSEARCH_USERNAME && settings.ELASTICSEARCH_PASSWORD) {
    connection.auth = { username: settings.ELASTICSEARCH_USERNAME, password: settings.ELASTICSEARCH_PASSWORD };
  } else if (settings.ELASTICSEARCH_API_KEY) {
    connection.auth = { apiKey: settings.ELASTICSEARCH_API_KEY };
  }
  if (settings.ELASTICSEARCH_CA_FILE) connection.caFile = settings.ELASTICSEARCH_CA_FILE;
  return connection;
}
