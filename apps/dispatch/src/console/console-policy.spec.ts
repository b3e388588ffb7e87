import { loadConfig } from '@laowu/platform';
import { DispatchConfig } from '../dispatch.config';
import { consoleContentSecurityPolicy, consoleUrls, parseConsoleOrigins } from './console-policy';

const page = { protocol: 'http', hostname: '127.0.0.1', host: '127.0.0.1:3004' };

describe('the console: where its requests may go', () => {
  it('defaults to the local apps on the page’s host, dispatch being the page’s own origin', () => {
    expect(consoleUrls({}, page)).toEqual({
      jobCollection: 'http://127.0.0.1:3001',
      workerProfiles: 'http://127.0.0.1:3002',
      matching: 'http://127.0.0.1:3003',
      dispatch: 'http://127.0.0.1:3004',
    });
    expect(consoleUrls({}, { protocol: 'https', hostname: 'console.example', host: 'console.example' }).dispatch).toBe('https://console.example');
  });

  it('takes the configured origins', () => {
    const { origins, problems } = parseConsoleOrigins('jobCollection=https://jobs.api.example, matching=https://Matching.api.example:8443');
    expect(problems).toEqual([]);
    expect(consoleUrls(origins, page)).toEqual({
      jobCollection: 'https://jobs.api.example',
      workerProfiles: 'http://127.0.0.1:3002',
      matching: 'https://matching.api.example:8443',
      dispatch: 'http://127.0.0.1:3004',
    });
  });

  it('never lets a Host header write into the policy', () => {
    const urls = consoleUrls({}, { protocol: 'http', hostname: "x; script-src 'unsafe-inline'", host: "x; script-src 'unsafe-inline'" });
    expect(urls.dispatch).toBe('http://127.0.0.1:3004');
    expect(consoleContentSecurityPolicy(urls)).not.toContain('unsafe');
  });

  it('allows scripts from itself only, requests to itself and the four apps, and no framing', () => {
    const policy = consoleContentSecurityPolicy(consoleUrls(parseConsoleOrigins('matching=https://m.example').origins, page));
    const directives = Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'", 'http://127.0.0.1:3001', 'http://127.0.0.1:3002', 'https://m.example', 'http://127.0.0.1:3004']);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });

  it('refuses a bad CONSOLE_API_ORIGINS at start, naming it', () => {
    for (const bad of ['matching=https://m.example/path', 'evil=https://e.example', 'matching=ftp://m.example', 'matching=https://a.example,matching=https://b.example', 'matching']) {
      expect(() => loadConfig(DispatchConfig, { CONSOLE_API_ORIGINS: bad })).toThrow(/CONSOLE_API_ORIGINS/);
    }
    expect(loadConfig(DispatchConfig, { CONSOLE_API_ORIGINS: 'jobCollection=https://jobs.api.example,dispatch=https://d.example' }).CONSOLE_API_ORIGINS).toBeDefined();
  });
});
