// A small client for Laowu's public APIs, as an agency, station or coordinator would call them.
import { type Principal, signToken } from '@laowu/auth';
import { DEV_JWT_SECRET } from '@laowu/platform';

export const APP_URLS = {
  jobs: process.env.LAOWU_JOBS_URL ?? 'http://127.0.0.1:3001',
  workers: process.env.LAOWU_WORKERS_URL ?? 'http://127.0.0.1:3002',
  matching: process.env.LAOWU_MATCHING_URL ?? 'http://127.0.0.1:3003',
  dispatch: process.env.LAOWU_DISPATCH_URL ?? 'http://127.0.0.1:3004',
};

export function tokenFor(principal: Principal): string {
  return signToken(principal, process.env.LAOWU_JWT_SECRET ?? DEV_JWT_SECRET);
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: unknown, what: string) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

export async function call<T = any>(method: string, url: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  return { status: response.status, body: parsed as T };
}

/** Calls and insists on one of `ok` statuses. */
export async function expectCall<T = any>(ok: number[], method: string, url: string, token: string, body?: unknown): Promise<T> {
  const result = await call<T>(method, url, token, body);
  if (!ok.includes(result.status)) throw new ApiError(result.status, result.body, `${method} ${url}`);
  return result.body;
}

/** Runs `task` over `items` with at most `concurrency` in flight, reporting progress. */
export async function inPool<T, R>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<R>, progress?: (done: number) => void): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index], index);
        progress?.(++done);
      }
    }),
  );
  return results;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
