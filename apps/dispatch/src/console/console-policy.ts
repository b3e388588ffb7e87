import { ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/**
 * Where the station console (served at /console/) may send requests, which always carry the
 * signed-in user's token. The page takes its apps' base URLs from GET /console/config.json (this
 * origin) and the browser enforces the same list through the Content-Security-Policy's
 * connect-src, so neither a link nor a script can point the token elsewhere.
 */
export const CONSOLE_APPS = ['jobCollection', 'workerProfiles', 'matching', 'dispatch'] as const;
export type ConsoleApp = (typeof CONSOLE_APPS)[number];
export type ConsoleUrls = Record<ConsoleApp, string>;

/** The apps' ports on the console's own host when nothing is configured (local development). */
const LOCAL_PORTS: Record<Exclude<ConsoleApp, 'dispatch'>, number> = { jobCollection: 3001, workerProfiles: 3002, matching: 3003 };

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * Parses CONSOLE_API_ORIGINS: `name=origin` pairs, comma-separated, e.g.
 * `jobCollection=https://jobs.api.example,workerProfiles=https://workers.api.example,matching=https://matching.api.example`.
 * Returns the problems (empty when valid) and the pairs.
 */
export function parseConsoleOrigins(value: string): { origins: Partial<ConsoleUrls>; problems: string[] } {
  const origins: Partial<ConsoleUrls> = {};
  const problems: string[] = [];
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [name, origin, ...rest] = entry.split('=');
    if (!(CONSOLE_APPS as readonly string[]).includes(name)) problems.push(`unknown app "${name}" (one of ${CONSOLE_APPS.join(', ')})`);
    else if (rest.length || !origin || !ORIGIN.test(origin)) problems.push(`${name}: "${origin ?? ''}" is not an origin (scheme://host[:port], no path)`);
    else if (origins[name as ConsoleApp]) problems.push(`${name} is given twice`);
    else origins[name as ConsoleApp] = origin.toLowerCase();
  }
  return { origins, problems };
}

@ValidatorConstraint({ name: 'consoleOrigins' })
export class ConsoleOriginsConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseConsoleOrigins(value).problems.length === 0;
  }

  defaultMessage(args?: ValidationArguments): string {
    const problems = typeof args?.value === 'string' ? parseConsoleOrigins(args.value).problems : ['not a string'];
    return `must be name=origin pairs, comma-separated: ${problems.join('; ')}`;
  }
}

/** What the request says about the page's own origin (the console is served from it). */
export interface PageOrigin {
  protocol: string;
  /** The Host header's name, without port. */
  hostname: string;
  /** The Host header as sent (name and port). */
  host: string;
}

const HOST_NAME = /^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i;
const HOST = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

/**
 * The four base URLs the console uses: the configured ones; for an app not configured, dispatch
 * is the page's own origin (it serves the console) and the others are their local ports on the
 * page's host name. A Host header that is no host name counts as 127.0.0.1, so it can never
 * write directives into the policy.
 */
export function consoleUrls(configured: Partial<ConsoleUrls>, page: PageOrigin): ConsoleUrls {
  const protocol = page.protocol === 'https' ? 'https' : 'http';
  const hostname = HOST_NAME.test(page.hostname) ? page.hostname : '127.0.0.1';
  const host = HOST.test(page.host) ? page.host : `${hostname}:3004`;
  const local = (app: keyof typeof LOCAL_PORTS) => `${protocol}://${hostname}:${LOCAL_PORTS[app]}`;
  return {
    jobCollection: configured.jobCollection ?? local('jobCollection'),
    workerProfiles: configured.workerProfiles ?? local('workerProfiles'),
    matching: configured.matching ?? local('matching'),
    dispatch: configured.dispatch ?? `${protocol}://${host}`,
  };
}

/**
 * The console's Content-Security-Policy: its own files only (no inline script or style, no eval),
 * requests only to itself and the four apps, never framed, no <base> or plugin tricks.
 */
export function consoleContentSecurityPolicy(urls: ConsoleUrls): string {
  const connect = [...new Set(CONSOLE_APPS.map((app) => new URL(urls[app]).origin))];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
