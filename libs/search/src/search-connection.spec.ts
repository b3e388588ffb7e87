import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElasticsearchClient } from './elasticsearch.adapter';
import { createOpenSearchClient } from './opensearch.adapter';
import { type SearchConnection, searchConnectionOf, searchSettingsProblems } from './search-connection';

const TIMEOUT_MS = 30_000;
const createSearchClient = (connection: string | SearchConnection) => createOpenSearchClient(typeof connection === 'string' ? { node: connection } : connection, TIMEOUT_MS);

describe('search engine client: basic auth, API key and TLS only when configured', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laowu-search-ca-'));
  const caFile = join(dir, 'ca.pem');
  const pem = '-----BEGIN CERTIFICATE-----\nMIIBsearch\n-----END CERTIFICATE-----\n';
  writeFileSync(caFile, pem);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const connectionOf = (client: ReturnType<typeof createSearchClient>) =>
    (client.connectionPool as unknown as { connections: { url: URL; headers: Record<string, string>; ssl: unknown }[] }).connections[0];
  const clientHeaders = (client: ReturnType<typeof createSearchClient>) => (client.transport as unknown as { headers: Record<string, string> }).headers;

  it('sends nothing extra for a bare URL (development, tests)', async () => {
    const client = createSearchClient('http://127.0.0.1:9200');
    expect(connectionOf(client).headers).not.toHaveProperty('authorization');
    expect(clientHeaders(client)).not.toHaveProperty('authorization');
    expect(connectionOf(client).ssl).toBeNull();
    await client.close();
  });

  it('uses basic auth and trusts the CA file when configured', async () => {
    const connection = searchConnectionOf({
      ELASTICSEARCH_URL: 'https://laowu-search.search.svc:9200', ELASTICSEARCH_USERNAME: 'laowu-matching', ELASTICSEARCH_PASSWORD: 'pw-from-secret', ELASTICSEARCH_CA_FILE: caFile,
    });
    const client = createSearchClient(connection);
    expect(connectionOf(client).url.href).toBe('https://laowu-search.search.svc:9200/');
    expect(connectionOf(client).headers.authorization).toBe(`Basic ${Buffer.from('laowu-matching:pw-from-secret').toString('base64')}`);
    expect(connectionOf(client).ssl).toEqual({ ca: pem, rejectUnauthorized: true });
    await client.close();
  });

  it('sends an API key as Elasticsearch’s ApiKey authorization', async () => {
    const client = createSearchClient(searchConnectionOf({ ELASTICSEARCH_URL: 'https://es.example:9200', ELASTICSEARCH_API_KEY: 'aWQ6a2V5' }));
    expect(clientHeaders(client).authorization).toBe('ApiKey aWQ6a2V5');
    expect(connectionOf(client).headers).not.toHaveProperty('authorization');
    await client.close();
  });

  it('gives the Elasticsearch 8 client the same: basic auth or an API key, the CA file, nothing for a bare URL', async () => {
    const headersOf = (client: ReturnType<typeof createElasticsearchClient>) =>
      (client.connectionPool as unknown as { connections: { headers: Record<string, string>; tls: unknown }[] }).connections[0];
    const bare = createElasticsearchClient({ node: 'http://127.0.0.1:9200' }, TIMEOUT_MS);
    const basic = createElasticsearchClient(
      searchConnectionOf({ ELASTICSEARCH_URL: 'https://es.example:9200', ELASTICSEARCH_USERNAME: 'laowu-matching', ELASTICSEARCH_PASSWORD: 'pw-from-secret', ELASTICSEARCH_CA_FILE: caFile }),
      TIMEOUT_MS,
    );
    const apiKey = createElasticsearchClient(searchConnectionOf({ ELASTICSEARCH_URL: 'https://es.example:9200', ELASTICSEARCH_API_KEY: 'aWQ6a2V5' }), TIMEOUT_MS);
    expect(headersOf(bare).headers).not.toHaveProperty('authorization');
    expect(headersOf(basic).headers.authorization).toBe(`Basic ${Buffer.from('laowu-matching:pw-from-secret').toString('base64')}`);
    expect(headersOf(basic).tls).toEqual({ ca: pem, rejectUnauthorized: true });
    expect(headersOf(apiKey).headers.authorization).toBe('ApiKey aWQ6a2V5');
    await Promise.all([bare.close(), basic.close(), apiKey.close()]);
  });

  it('refuses settings that cannot work or would send credentials in clear, naming variables only', () => {
    const https = 'https://es.example:9200';
    expect(searchSettingsProblems({ ELASTICSEARCH_URL: 'http://127.0.0.1:9200' })).toEqual([]);
    expect(searchSettingsProblems({ ELASTICSEARCH_URL: https, ELASTICSEARCH_USERNAME: 'u' })).toEqual(['ELASTICSEARCH_PASSWORD: required with ELASTICSEARCH_USERNAME']);
    expect(searchSettingsProblems({ ELASTICSEARCH_URL: https, ELASTICSEARCH_PASSWORD: 'pw-from-secret' })).toEqual(['ELASTICSEARCH_USERNAME: required with ELASTICSEARCH_PASSWORD']);
    expect(searchSettingsProblems({ ELASTICSEARCH_URL: https, ELASTICSEARCH_USERNAME: 'u', ELASTICSEARCH_PASSWORD: 'p', ELASTICSEARCH_API_KEY: 'k' })).toEqual([
      'ELASTICSEARCH_API_KEY: set it or ELASTICSEARCH_USERNAME/PASSWORD, not both',
    ]);
    expect(searchSettingsProblems({ ELASTICSEARCH_URL: 'http://es:9200', ELASTICSEARCH_API_KEY: 'k' })).toEqual([
      'ELASTICSEARCH_URL: credentials go with every request, so it must be https://',
    ]);
    expect(searchSettingsProblems({ ELASTICSEARCH_URL: 'https://a:b@es:9200', ELASTICSEARCH_USERNAME: 'u', ELASTICSEARCH_PASSWORD: 'p' })).toEqual([
      'ELASTICSEARCH_URL: carries credentials as well as ELASTICSEARCH_USERNAME/PASSWORD/API_KEY; keep one',
    ]);
    expect(searchSettingsProblems({ ELASTICSEARCH_URL: 'http://es:9200', ELASTICSEARCH_CA_FILE: caFile })).toEqual(['ELASTICSEARCH_CA_FILE: set only with an https:// ELASTICSEARCH_URL']);
    expect(searchSettingsProblems({ ELASTICSEARCH_URL: https, ELASTICSEARCH_CA_FILE: join(dir, 'missing.pem') })).toEqual([
      `ELASTICSEARCH_CA_FILE: cannot read ${join(dir, 'missing.pem')} (ENOENT)`,
    ]);
    const all = searchSettingsProblems({ ELASTICSEARCH_URL: 'http://es:9200', ELASTICSEARCH_PASSWORD: 'pw-from-secret' }).join('\n');
    expect(all).not.toContain('pw-from-secret');
  });
});
