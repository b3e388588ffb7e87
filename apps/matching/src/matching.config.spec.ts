import { ConfigError, loadConfig } from '@laowu/platform';
import { searchConnectionOf } from '@laowu/search';
import { MatchingConfig } from './matching.config';

describe('matching config: the search engine’s credentials are checked at start', () => {
  it('starts without credentials (development), and carries them when configured', () => {
    expect(searchConnectionOf(loadConfig(MatchingConfig, {}))).toEqual({ node: 'http://127.0.0.1:9200', engine: 'opensearch' });
    const config = loadConfig(MatchingConfig, { ELASTICSEARCH_URL: 'https://search:9200', ELASTICSEARCH_USERNAME: 'laowu-matching', ELASTICSEARCH_PASSWORD: 'pw-from-secret' });
    expect(searchConnectionOf(config)).toEqual({ node: 'https://search:9200', engine: 'opensearch', auth: { username: 'laowu-matching', password: 'pw-from-secret' } });
  });

  it('refuses a username without a password, and credentials over http', () => {
    expect(() => loadConfig(MatchingConfig, { ELASTICSEARCH_URL: 'https://search:9200', ELASTICSEARCH_USERNAME: 'laowu-matching' })).toThrow(
      /ELASTICSEARCH_PASSWORD: required/,
    );
    expect(() => loadConfig(MatchingConfig, { ELASTICSEARCH_API_KEY: 'aWQ6a2V5' })).toThrow(ConfigError);
    expect(() => loadConfig(MatchingConfig, { ELASTICSEARCH_API_KEY: 'aWQ6a2V5' })).toThrow(/must be https/);
  });

  it('takes SEARCH_ENGINE opensearch (the default) or elasticsearch, nothing else', () => {
    expect(searchConnectionOf(loadConfig(MatchingConfig, { SEARCH_ENGINE: 'elasticsearch' })).engine).toBe('elasticsearch');
    expect(() => loadConfig(MatchingConfig, { SEARCH_ENGINE: 'solr' })).toThrow(/SEARCH_ENGINE must be one of opensearch, elasticsearch/);
  });
});
