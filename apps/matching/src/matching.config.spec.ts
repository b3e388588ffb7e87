import { ConfigError, loadConfig } from '@laowu/platform';
import { searchConnectionOf } from '@laowu/search';
import { MatchingConfig } from './matching.config';

describe('matching config: the search engine’s credentials are checked at start', () => {
  it('starts without credentials (development), and carries them when configured', () => {
    expect(searchConnectionOf(loadConfig(MatchingConfig, {}))).toEqual({ node: 'http://127.0.0.1:9200' });
    const config = loadConfig(MatchingConfig, { ELASTICSEARCH_URL: 'https://search:9200', ELASTICSEARCH_USERNAME: 'laowu-matching', ELASTICSEARCH_PASSWORD: 'pw-from-secret' });
    expect(searchConnectionOf(config)).toEqual({ node: 'https://search:9200', auth: { username: 'laowu-matching', password: 'pw-from-secret' } });
  });

  it('refuses a username without a password, and credentials over http', () => {
    expect(() => loadConfig(MatchingConfig, { ELASTICSEARCH_URL: 'https://search:9200', ELASTICSEARCH_USERNAME: 'laowu-matching' })).toThrow(
      /ELASTICSEARCH_PASSWORD: required/,
    );
    expect(() => loadConfig(MatchingConfig, { ELASTICSEARCH_API_KEY: 'aWQ6a2V5' })).toThrow(ConfigError);
    expect(() => loadConfig(MatchingConfig, { ELASTICSEARCH_API_KEY: 'aWQ6a2V5' })).toThrow(/must be https/);
  });
});
