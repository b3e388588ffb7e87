import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type BlockedRange, blockedRange, isIpLiteral } from './webhook-address';

/**
 * The only failure reasons a station sees (besides `HTTP <status>` from its own receiver). Every
 * network failure reads the same, whether refused, reset, unresolvable or timed out, so the
 * deliveries list cannot be used to tell open ports from closed ones.
 */
export const ADDRESS_NOT_ALLOWED = 'address not allowed';
export const CONNECTION_FAILED = 'connection failed';

export type WebhookOutcome =
  /** The receiver answered (any status); `detail` is for logs only. */
  | { answered: true; status: number }
  | { answered: false; reason: typeof ADDRESS_NOT_ALLOWED | typeof CONNECTION_FAILED; detail: string };

export interface WebhookClientOptions {
  /** Development only: allow loopback, private and link-local receivers. */
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  /** Bytes of the reply read at most; beyond, the connection is closed. */
  maxResponseBytes: number;
}

class AddressNotAllowed extends Error {
  readonly code = 'ADDRESS_NOT_ALLOWED';
  constructor(host: string, address: string, range: BlockedRange) {
    super(`${host} resolves to ${address} (${range})`);
  }
}

/**
 * Resolves like dns.lookup and refuses the connection when ANY address of the name is blocked:
 * the check runs on every new connection, after the resolution that connection uses, so a name
 * that later re-points to an internal address (DNS rebinding) is refused too.
 */
export function guardedLookup(allowPrivate: boolean, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return ((hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '');
      const blocked = allowPrivate ? undefined : addresses.map((a) => ({ a, range: blockedRange(a.address) })).find((x) => x.range);
      if (blocked) return callback(new AddressNotAllowed(hostname, blocked.a.address, blocked.range!), '');
      if (!addresses.length) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '');
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  }) as LookupFunction;
}

/** Why the URL may not be connected to before any DNS (scheme, literal address), or undefined. */
export function literalProblem(url: URL, allowPrivate: boolean): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `scheme ${url.protocol} not allowed`;
  if (allowPrivate) return undefined;
  const host = url.hostname;
  if (isIpLiteral(host)) {
    const range = blockedRange(host);
    return range ? `${host} is ${range}` : undefined;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is loopback`;
  return undefined;
}

/**
 * POSTs webhooks: connect-time address check, one deadline for the whole exchange, and at most
 * `maxResponseBytes` of the reply read (the status is all that counts).
 */
export class WebhookClient {
  private readonly agents: { 'http:': http.Agent; 'https:': https.Agent };

  constructor(private readonly options: WebhookClientOptions) {
    const lookup = guardedLookup(options.allowPrivateAddresses);
    this.agents = {
      'http:': new http.Agent({ keepAlive: true, maxSockets: 64, lookup } as http.AgentOptions),
      'https:': new https.Agent({ keepAlive: true, maxSockets: 64, lookup } as https.AgentOptions),
    };
  }

  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  async post(target: string, headers: Record<string, string>, body: string): Promise<WebhookOutcome> {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return { answered: false, reason: CONNECTION_FAILED, detail: 'invalid URL' };
    }
    const refused = literalProblem(url, this.options.allowPrivateAddresses);
    if (refused) return { answered: false, reason: ADDRESS_NOT_ALLOWED, detail: refused };
    return this.send(url, headers, Buffer.from(body, 'utf8'));
  }

  private send(url: URL, headers: Record<string, string>, body: Buffer): Promise<WebhookOutcome> {
    const { timeoutMs, maxResponseBytes } = this.options;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise<WebhookOutcome>((resolve) => {
      let status: number | undefined;
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (status !== undefined) resolve({ answered: true, status });
        else if ((error as { code?: string } | undefined)?.code === 'ADDRESS_NOT_ALLOWED') resolve({ answered: false, reason: ADDRESS_NOT_ALLOWED, detail: error!.message });
        else resolve({ answered: false, reason: CONNECTION_FAILED, detail: error?.message ?? 'closed without an answer' });
      };
      let request: http.ClientRequest;
      try {
        request = lib.request(url, {
          method: 'POST',
          agent: this.agents[url.protocol as 'http:' | 'https:'],
          headers: { ...headers, 'Content-Length': String(body.length) },
        });
      } catch (error) {
        // Refused by the client itself (e.g. a URL it cannot send to): nothing left the process.
        return resolve({ answered: false, reason: CONNECTION_FAILED, detail: (error as Error).message });
      }
      const timer = setTimeout(() => request.destroy(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
      request.on('error', finish);
      request.on('close', () => finish());
      request.on('response', (response) => {
        status = response.statusCode ?? 0;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > maxResponseBytes) {
            response.destroy();
            finish();
          }
        });
        response.on('end', () => finish());
        response.on('error', () => finish());
      });
      request.end(body);
    });
  }
}

/**
 * What the deliveries API shows of a stored failure: the generic reasons and `HTTP <status>` as
 * they are; anything else (rows written before these reasons existed held the socket error, such
 * as `connect ECONNREFUSED 10.0.0.5:5432`) as the generic connection failure.
 */
export function shownError(stored: string | null): string | undefined {
  if (stored === null) return undefined;
  return stored === ADDRESS_NOT_ALLOWED || stored === CONNECTION_FAILED || /^HTTP \d{3}$/.test(stored) ? stored : CONNECTION_FAILED;
}
