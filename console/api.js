// The console's client for the four apps' public APIs. The token lives in sessionStorage and is
// sent only as `Authorization: Bearer …`; it never goes into a URL.

import { saveBlob } from './dom.js';

const TOKEN_KEY = 'laowu.console.token';
// Base URLs the user confirmed in the settings form. The old key ('laowu.console.urls') could be
// written from a link's query string; it is dropped unread.
const URLS_KEY = 'laowu.console.urls.v2';
const OLD_URLS_KEY = 'laowu.console.urls';

export const APPS = {
  jobCollection: { port: 3001 },
  workerProfiles: { port: 3002 },
  matching: { port: 3003 },
  dispatch: { port: 3004 },
};

// ---- base URLs -------------------------------------------------------------------------------
// Every request carries the user's token, so where requests go comes only from this page's own
// origin (config.json, served beside the page by dispatch, or the apps' local ports on this host)
// or from the settings form after the user confirmed the new origin. Never from the page's URL.

let serverDefaults;

/** The defaults: what dispatch serves in config.json, else ports 3001–3004 on this page's host. */
export function defaultUrls() {
  if (serverDefaults) return { ...serverDefaults };
  const host = location.hostname || '127.0.0.1';
  const protocol = location.protocol === 'https:' ? 'https:' : 'http:';
  const urls = {};
  for (const [name, { port }] of Object.entries(APPS)) urls[name] = `${protocol}//${host}:${port}`;
  return urls;
}

/** A base URL as stored: an http(s) URL without a trailing slash, or undefined. */
export function cleanUrl(url) {
  try {
    const parsed = new URL(String(url).trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    if (parsed.username || parsed.password || parsed.search || parsed.hash) return undefined;
    return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

function savedUrls() {
  try {
    const saved = JSON.parse(localStorage.getItem(URLS_KEY) ?? '{}');
    const out = {};
    for (const name of Object.keys(APPS)) {
      const url = saved && typeof saved === 'object' ? cleanUrl(saved[name] ?? '') : undefined;
      if (url) out[name] = url;
    }
    return out;
  } catch {
    return {};
  }
}

/** The confirmed URLs over the defaults. */
export function loadUrls() {
  localStorage.removeItem(OLD_URLS_KEY);
  return { ...defaultUrls(), ...savedUrls() };
}

/** Reads config.json from this page's origin (dispatch); without it the local ports are the defaults. */
export async function initUrls() {
  try {
    const response = await fetch(new URL('config.json', location.href), { cache: 'no-store', credentials: 'omit' });
    const body = response.ok ? await response.json() : undefined;
    const apps = {};
    for (const name of Object.keys(APPS)) {
      const url = cleanUrl(body?.apps?.[name] ?? '');
      if (url) apps[name] = url;
    }
    if (Object.keys(apps).length === Object.keys(APPS).length) serverDefaults = apps;
  } catch {
    serverDefaults = undefined;
  }
  urls = loadUrls();
}

/** Entries of `next` whose origin differs from the current one's: what the user must confirm. */
export function changedOrigins(next) {
  const changes = [];
  for (const name of Object.keys(APPS)) {
    const url = cleanUrl(next[name] ?? '');
    if (url && new URL(url).origin !== new URL(urls[name]).origin) changes.push({ app: name, origin: new URL(url).origin });
  }
  return changes;
}

/** Saves the URLs the user confirmed; only those that differ from the defaults are kept. */
export function setUrls(next) {
  const defaults = defaultUrls();
  const out = {};
  for (const name of Object.keys(APPS)) {
    const url = cleanUrl(next[name] ?? '');
    if (url && url !== defaults[name]) out[name] = url;
  }
  if (Object.keys(out).length) localStorage.setItem(URLS_KEY, JSON.stringify(out));
  else localStorage.removeItem(URLS_KEY);
  urls = loadUrls();
}

export function resetUrls() {
  localStorage.removeItem(URLS_KEY);
  urls = loadUrls();
}

let urls = loadUrls();
export function baseUrl(app) {
  return urls[app];
}
export function currentUrls() {
  return { ...urls };
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

/**
 * Service addresses in a link (?dispatch=https://…, as older consoles read them) are ignored:
 * dropped from the address bar, unused. Returns whether there were any.
 */
export function stripAppUrlsFromUrl() {
  const url = new URL(location.href);
  const found = Object.keys(APPS).filter((name) => url.searchParams.has(name));
  for (const name of found) url.searchParams.delete(name);
  if (found.length) history.replaceState(null, '', url.toString());
  return found.length > 0;
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

// worker-profiles: what the bureau dashboard counts (pageSize 1: only `total` is read)
export const listPage = (kind, regionCode, page = 1, pageSize = 1) => request('workerProfiles', 'GET', `/v1/lists/${enc(kind)}`, { params: { regionCode, page, pageSize } });
export const monitoringSummary = (regionCode, months) => request('workerProfiles', 'GET', '/v1/monitoring/summary', { params: { regionCode, months } });
export const followUpsDueSummary = (regionCode) => request('workerProfiles', 'GET', '/v1/follow-ups/due/summary', { params: { regionCode } });

// job-collection: complaints (维权) routed into a region
export const complaintsPage = (regionCode, status, page = 1, pageSize = 1) => request('jobCollection', 'GET', '/v1/complaints', { params: { regionCode, status, page, pageSize } });
export const workerComplaints = (workerId) => request('jobCollection', 'GET', '/v1/complaints', { params: { workerId, pageSize: 50 } });

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
export const dispatchStats = (params = {}) => request('dispatch', 'GET', '/v1/dispatch/stats', { params });
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
  saveBlob(blob, filename);
  return { name: filename, size: blob.size };
}

// ---- agency jobs (job-collection, matching, dispatch) ----------------------------------------
export const occupations = (q) => request('jobCollection', 'GET', '/v1/reference/occupations', { params: { q } });
export const laborBrands = (q) => request('jobCollection', 'GET', '/v1/reference/labor-brands', { params: { q } });
export const certificates = (q) => request('jobCollection', 'GET', '/v1/reference/certificates', { params: { q } });
export const listJobs = ({ status, kind, page = 1, pageSize = 20 } = {}) => request('jobCollection', 'GET', '/v1/jobs', { params: { status, kind, page, pageSize } });
export const getJob = (id) => request('jobCollection', 'GET', `/v1/jobs/${enc(id)}`);
export const createJob = (body) => request('jobCollection', 'POST', '/v1/jobs', { body });
export const replaceJob = (id, body) => request('jobCollection', 'PUT', `/v1/jobs/${enc(id)}`, { body });
export const closeJob = (id) => request('jobCollection', 'POST', `/v1/jobs/${enc(id)}/close`);
export const jobCandidates = (id, limit = 20) => request('matching', 'GET', `/v1/jobs/${enc(id)}/candidates`, { params: { limit } });
export const placementsPage = (params) => request('dispatch', 'GET', '/v1/placements', { params });
// live feed by job: recording a hire (dispatch placements)
export const createPlacement = (body) => request('dispatch', 'POST', '/v1/placements', { body });
// ---- station pages: register, find, import, a worker's records (issue 19) --------------------

// worker-profiles
export const registerWorker = (body) => request('workerProfiles', 'POST', '/v1/workers', { body });
export const registerWorkersBulk = (workers, dryRun) => request('workerProfiles', 'POST', '/v1/workers/bulk', { body: { workers, dryRun } });
export const listWorkers = (params) => request('workerProfiles', 'GET', '/v1/workers', { params });
/** `key`: { idNumber } or { phone }, in the body, so the number stays out of URLs. */
export const lookupWorkers = (key) => request('workerProfiles', 'POST', '/v1/workers/lookup', { body: key });
export const patchWorker = (id, body) => request('workerProfiles', 'PATCH', `/v1/workers/${enc(id)}`, { body });
export const recordEmploymentStatus = (id, body) => request('workerProfiles', 'POST', `/v1/workers/${enc(id)}/employment-status`, { body });
export const workerFollowUps = (id) => request('workerProfiles', 'GET', `/v1/workers/${enc(id)}/follow-ups`);
export const recordFollowUp = (id, body) => request('workerProfiles', 'POST', `/v1/workers/${enc(id)}/follow-ups`, { body });
export const workerIncome = (id) => request('workerProfiles', 'GET', `/v1/workers/${enc(id)}/income`);
export const recordIncome = (id, body) => request('workerProfiles', 'POST', `/v1/workers/${enc(id)}/income`, { body });

// matching
export const trainingSuggestions = (id, limit = 10) => request('matching', 'GET', `/v1/workers/${enc(id)}/training-suggestions`, { params: { limit } });

// dispatch
export const getStation = (id) => request('dispatch', 'GET', `/v1/stations/${enc(id)}`);
// ---- coordinator pages (点对点劳务输出) ---------------------------------------------------------
export const listBatches = (page = 1, pageSize = 20) => request('dispatch', 'GET', '/v1/dispatch/batches', { params: { page, pageSize } });

/**
 * Masked names (and list rows) of `workerIds`, read from the region's lists (GET /v1/lists/{kind}
 * with workerIds, 100 at a time): dispatch's manifest holds no personal data, and a coordinator may
 * read only the lists. A worker on a manifest is willing to migrate or seated from an accepted match
 * (then possibly only unemployed) until arrival, and employed after it. Workers found in none stay
 * out of the map.
 */
export async function listRowsOf(regionCode, workerIds, kinds = ['willing-to-migrate', 'employed', 'unemployed']) {
  const rows = new Map();
  for (const kind of kinds) {
    const missing = workerIds.filter((id) => !rows.has(id));
    for (let i = 0; i < missing.length; i += 100) {
      const ids = missing.slice(i, i + 100);
      const body = await request('workerProfiles', 'GET', `/v1/lists/${enc(kind)}`, { params: { regionCode, workerIds: ids.join(','), pageSize: ids.length } });
      for (const row of body.items) rows.set(row.id, row);
    }
  }
  return rows;
}
// ---- a station's push settings (issue 9) ------------------------------------------------------
export const getPushSettings = (stationId) => request('dispatch', 'GET', `/v1/stations/${enc(stationId)}/push-settings`);
export const putPushSettings = (stationId, body) => request('dispatch', 'PUT', `/v1/stations/${enc(stationId)}/push-settings`, { body });
// ---- the builder's accepted matches (issue 19) -------------------------------------------------
/** Accepted matches for these jobs (at most 20) of the workers the caller may seat: ids and figures, no names. */
export const acceptedMatches = (jobIds, page = 1, pageSize = 100) =>
  request('dispatch', 'GET', '/v1/dispatch/accepted-matches', { params: { jobIds: jobIds.join(','), page, pageSize } });
