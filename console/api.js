// The console's client for the four apps' public APIs. The token lives in sessionStorage and is
// sent only as `Authorization: Bearer …`; it never goes into a URL.

const TOKEN_KEY = 'laowu.console.token';
const URLS_KEY = 'laowu.console.urls';

export const APPS = {
  jobCollection: { port: 3001, param: 'jobCollection' },
  workerProfiles: { port: 3002, param: 'workerProfiles' },
  matching: { port: 3003, param: 'matching' },
  dispatch: { port: 3004, param: 'dispatch' },
};

// ---- base URLs -------------------------------------------------------------------------------

export function defaultUrls() {
  const host = location.hostname || '127.0.0.1';
  const protocol = location.protocol === 'https:' ? 'https:' : 'http:';
  const urls = {};
  for (const [name, { port }] of Object.entries(APPS)) urls[name] = `${protocol}//${host}:${port}`;
  return urls;
}

function clean(url) {
  return String(url).trim().replace(/\/+$/, '');
}

/** Saved URLs over the defaults; query parameters (?dispatch=http://…) override both and are saved. */
export function loadUrls(search = location.search) {
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(URLS_KEY) ?? '{}');
  } catch {
    saved = {};
  }
  const urls = { ...defaultUrls(), ...saved };
  const params = new URLSearchParams(search);
  let fromQuery = false;
  for (const [name, { param }] of Object.entries(APPS)) {
    const value = params.get(param);
    if (value && /^https?:\/\//.test(value)) {
      urls[name] = clean(value);
      fromQuery = true;
    }
  }
  if (fromQuery) saveUrls(urls);
  return urls;
}

export function saveUrls(urls) {
  const out = {};
  for (const name of Object.keys(APPS)) if (urls[name]) out[name] = clean(urls[name]);
  localStorage.setItem(URLS_KEY, JSON.stringify(out));
}

export function resetUrls() {
  localStorage.removeItem(URLS_KEY);
}

let urls = loadUrls();
export function baseUrl(app) {
  return urls[app];
}
export function currentUrls() {
  return { ...urls };
}
export function setUrls(next) {
  saveUrls(next);
  urls = loadUrls('');
}

// ---- session ---------------------------------------------------------------------------------

/** Decodes a JWT's claims (no verification: the apps verify; this is only for display). */
export function decodeToken(token) {
  const parts = String(token).trim().split('.');
  if (parts.length !== 3) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json);
    return claims && typeof claims === 'object' ? claims : undefined;
  } catch {
    return undefined;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The signed-in principal ({ sub, role, region, exp }), or undefined. */
export function principal() {
  const value = token();
  return value ? decodeToken(value) : undefined;
}

export function signIn(value) {
  const trimmed = String(value).trim().replace(/^Bearer\s+/i, '');
  const claims = decodeToken(trimmed);
  if (!claims) throw new Error('invalid');
  sessionStorage.setItem(TOKEN_KEY, trimmed);
  return claims;
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

export function authHeaders() {
  const value = token();
  return value ? { Authorization: `Bearer ${value}` } : {};
}

/** A token must never travel in a URL: drop one found in the query string or hash, unused. */
export function stripTokenFromUrl() {
  const url = new URL(location.href);
  let found = false;
  for (const name of ['token', 'access_token', 'jwt', 'authorization']) {
    if (url.searchParams.has(name)) {
      url.searchParams.delete(name);
      found = true;
    }
  }
  if (/[#&?](token|access_token|jwt)=/i.test(url.hash)) {
    url.hash = '';
    found = true;
  }
  if (found) history.replaceState(null, '', url.toString());
  return found;
}

// ---- requests --------------------------------------------------------------------------------

export class ApiError extends Error {
  constructor(status, body) {
    const message = body?.message ? (Array.isArray(body.message) ? body.message.join('; ') : body.message) : `HTTP ${status}`;
    super(message);
    this.status = status;
    this.body = body;
    this.details = body?.details ?? [];
  }

  /** A readable line: status, message and the failing fields. */
  describe() {
    const fields = this.details.map((d) => `${d.field}: ${d.problem}`).join('; ');
    return `${this.status} ${this.message}${fields ? ` — ${fields}` : ''}`;
  }
}

function query(params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function request(app, method, path, { body, params, accept = 'application/json' } = {}) {
  const headers = { Accept: accept, ...authHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl(app)}${path}${query(params)}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!response.ok) {
    let errorBody;
    try {
      errorBody = await response.json();
    } catch {
      errorBody = undefined;
    }
    throw new ApiError(response.status, errorBody);
  }
  if (accept !== 'application/json') return response;
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

const enc = encodeURIComponent;

// job-collection
export const regions = (parent) => request('jobCollection', 'GET', '/v1/reference/regions', { params: { parent } });
export const skills = (q) => request('jobCollection', 'GET', '/v1/reference/skills', { params: { q } });

// worker-profiles
export const getWorker = (id) => request('workerProfiles', 'GET', `/v1/workers/${enc(id)}`);
export const workerStatusHistory = (id) => request('workerProfiles', 'GET', `/v1/workers/${enc(id)}/employment-status`);

// matching
export const workerMatches = (id, limit = 20) => request('matching', 'GET', `/v1/workers/${enc(id)}/matches`, { params: { limit } });
export const searchJobs = (body) => request('matching', 'POST', '/v1/search/jobs', { body });

// dispatch
export const stationStreamUrl = (stationId) => `${baseUrl('dispatch')}/v1/stations/${enc(stationId)}/stream`;
export const stationMatches = (stationId, status, limit = 100) =>
  request('dispatch', 'GET', `/v1/stations/${enc(stationId)}/matches`, { params: { status, limit } });
export const matchAction = (matchId, action) => request('dispatch', 'POST', `/v1/matches/${enc(matchId)}/${action}`);
export const createBatch = (body) => request('dispatch', 'POST', '/v1/dispatch/batches', { body });
export const getBatch = (id) => request('dispatch', 'GET', `/v1/dispatch/batches/${enc(id)}`);
export const addBatchWorkers = (id, workerIds) => request('dispatch', 'POST', `/v1/dispatch/batches/${enc(id)}/workers`, { body: { workerIds } });
export const removeBatchWorker = (id, workerId) => request('dispatch', 'DELETE', `/v1/dispatch/batches/${enc(id)}/workers/${enc(workerId)}`);
export const batchAction = (id, action, workerIds) =>
  request('dispatch', 'POST', `/v1/dispatch/batches/${enc(id)}/${action}`, { body: workerIds ? { workerIds } : {} });

// health of each app (public)
export async function health(app) {
  const response = await fetch(`${baseUrl(app)}/health`, { cache: 'no-store' });
  return response.ok;
}

/**
 * Downloads a CSV with the Authorization header and hands it to the browser as a Blob, so no URL
 * ever carries the token. Returns { name, size }.
 */
export async function downloadCsv(app, path, params, filename) {
  const response = await request(app, 'GET', path, { params: { ...params, format: 'csv' }, accept: 'text/csv, */*;q=0.1' });
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return { name: filename, size: blob.size };
}
