import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { guardedLookup, literalProblem, shownError } from './webhook-http';

type Resolver = Parameters<typeof guardedLookup>[1];

/** A resolver that answers `addresses` for every name, as dns.lookup with all: true does. */
function resolverOf(addresses: LookupAddress[]): Resolver {
  return ((_host: string, _options: unknown, callback: (error: Error | null, addresses: LookupAddress[]) => void) => callback(null, addresses)) as unknown as Resolver;
}

function lookupWith(lookup: LookupFunction, all: boolean): Promise<{ error: (Error & { code?: string }) | null; address: unknown; family?: number }> {
  return new Promise((resolve) => lookup('hooks.example.cn', { all }, (error, address, family) => resolve({ error, address, family })));
}

describe('webhook connect-time address check', () => {
  const publicV4 = { address: '203.119.25.1', family: 4 };
  const metadata = { address: '169.254.169.254', family: 4 };
  const mappedLoopback = { address: '::ffff:127.0.0.1', family: 6 };

  it('passes public addresses on, in the shape the caller asked for', async () => {
    const lookup = guardedLookup(false, resolverOf([publicV4, { address: '2400:3200::1', family: 6 }]));
    expect(await lookupWith(lookup, true)).toEqual({ error: null, address: [publicV4, { address: '2400:3200::1', family: 6 }], family: undefined });
    expect(await lookupWith(lookup, false)).toEqual({ error: null, address: '203.119.25.1', family: 4 });
  });

  it.each([[[metadata]], [[publicV4, metadata]], [[mappedLoopback]], [[{ address: '10.0.0.7', family: 4 }]]])('refuses a name resolving to a blocked address (%j)', async (addresses) => {
    const { error } = await lookupWith(guardedLookup(false, resolverOf(addresses)), false);
    expect(error?.code).toBe('ADDRESS_NOT_ALLOWED');
  });

  it('lets blocked addresses through with the development setting', async () => {
    expect(await lookupWith(guardedLookup(true, resolverOf([metadata])), false)).toEqual({ error: null, address: '169.254.169.254', family: 4 });
  });

  it('refuses literal non-public hosts and other schemes before any connection', () => {
    const problem = (url: string, allow = false) => literalProblem(new URL(url), allow);
    expect(problem('https://127.0.0.1/hook')).toMatch(/loopback/);
    expect(problem('https://[::ffff:127.0.0.1]:8443/hook')).toMatch(/loopback/);
    expect(problem('https://[::ffff:a9fe:a9fe]/latest/meta-data')).toMatch(/link-local/);
    expect(problem('http://2130706433/hook')).toMatch(/loopback/); // the URL parser makes it 127.0.0.1
    expect(problem('http://0x7f.1/hook')).toMatch(/loopback/);
    expect(problem('https://localhost:3004/')).toMatch(/loopback/);
    expect(problem('https://app.localhost/')).toMatch(/loopback/);
    expect(problem('ftp://station.example.cn/')).toMatch(/scheme/);
    expect(problem('https://station.example.cn/hook')).toBeUndefined();
    expect(problem('https://203.119.25.1/hook')).toBeUndefined();
    expect(problem('http://127.0.0.1:9000/hook', true)).toBeUndefined();
  });

  it('shows stations only generic failure reasons, whatever was stored', () => {
    expect(shownError(null)).toBeUndefined();
    expect(shownError('HTTP 503')).toBe('HTTP 503');
    expect(shownError('address not allowed')).toBe('address not allowed');
    expect(shownError('connection failed')).toBe('connection failed');
    expect(shownError('connect ECONNREFUSED 10.0.0.5:5432')).toBe('connection failed');
    expect(shownError('The operation was aborted due to timeout')).toBe('connection failed');
  });
});
