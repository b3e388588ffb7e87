/**
 * Who may call what: one row per route of the four apps, keyed `METHOD path` exactly as the
 * router holds it (Express syntax, `:param`). access-matrix.int-spec.ts finds every route in the
 * running apps and fails for a route without a row here (and for a row no app serves), so a new
 * endpoint adds its line.
 *
 * A row is a list of words:
 * - `public`: everyone, without a token too;
 * - `any`: every signed-in role;
 * - `<role>`: that role, whatever the record (the caller's own and another's);
 * - `<role>:own`: that role for its own tenant or region only; another's answers 403;
 * - `exists=404`: for a record that does not exist this route answers 404, not the 403 it gives a
 *   record of someone else (so existence shows). Without it, the test requires that refusal to be
 *   the same body for a record of someone else and for one that does not exist;
 * - `nocall`: allowed calls are not made (e.g. they rebuild every index); refusals are still checked.
 * Roles not named get 403; no token gets 401 unless `public`.
 * "Own" and "another's" are the fixtures of access-matrix.requests.ts: a job of agency A, a worker
 * registered by station A in 513401, a batch of coordinator A leaving 513401, station A's match;
 * region-scoped reads ask for 513401; the other principals are agency B, station B (440306),
 * coordinator B (440306) and bureau B (440300).
 */
export const ACCESS_MATRIX: Record<string, string> = {
  // every app
  'GET /health': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'GET /docs': 'public',
  'GET /docs/': 'public',
  'GET /docs/index.html': 'public',
  'GET /docs/LICENSE': 'public',
  'GET /docs/json': 'public',
  'GET /docs-yaml': 'public',
  'GET /docs/swagger-ui-init.js': 'public',
  'GET /docs/docs/swagger-ui-init.js': 'public',

  // job-collection
  'POST /v1/jobs': 'agency',
  'POST /v1/jobs/bulk': 'agency',
  'GET /v1/jobs': 'agency admin',
  'GET /v1/jobs/:id': 'agency:own station coordinator bureau admin exists=404',
  'PUT /v1/jobs/:id': 'agency:own admin exists=404',
  'POST /v1/jobs/:id/close': 'agency:own admin exists=404',
  'GET /v1/reference/regions': 'any',
  'GET /v1/reference/skills': 'any',
  'GET /v1/reference/certificates': 'any',
  'GET /v1/reference/occupations': 'any',
  'GET /v1/reference/labor-brands': 'any',
  'POST /v1/reference/labor-brands': 'bureau:own admin',
  'GET /v1/labor-brands/stats': 'bureau:own admin',
  'POST /v1/employers': 'agency admin',
  'GET /v1/employers': 'agency bureau:own admin',
  'GET /v1/employers/:id': 'agency:own bureau:own admin',
  'PATCH /v1/employers/:id': 'agency:own bureau:own admin',
  'POST /v1/sharing/offers': 'agency admin',
  'POST /v1/sharing/requests': 'agency admin',
  'GET /v1/sharing/offers': 'agency bureau admin',
  'GET /v1/sharing/requests': 'agency bureau admin',
  'GET /v1/sharing/offers/:id': 'agency:own bureau:own admin',
  'GET /v1/sharing/requests/:id': 'agency:own bureau:own admin',
  'POST /v1/sharing/offers/:id/close': 'agency:own admin',
  'POST /v1/sharing/requests/:id/close': 'agency:own admin',
  'POST /v1/sharing/agreements': 'agency:own admin',
  'GET /v1/sharing/agreements/:id': 'agency:own bureau:own admin',
  'POST /v1/complaints': 'station:own',
  'GET /v1/complaints': 'bureau:own station admin',
  'GET /v1/complaints/by-employer': 'bureau:own admin',
  'GET /v1/complaints/:id': 'station:own bureau:own admin',
  'POST /v1/complaints/:id/status': 'bureau:own admin',
  'POST /v1/training/courses': 'bureau:own station:own',
  'GET /v1/training/courses': 'any',
  'POST /v1/training/courses/:id/close': 'station:own bureau:own admin',

  // worker-profiles
  'POST /v1/workers': 'station:own admin',
  'POST /v1/workers/bulk': 'station admin',
  'GET /v1/workers': 'station bureau admin',
  'POST /v1/workers/lookup': 'station bureau admin',
  'GET /v1/workers/:id': 'station:own bureau:own admin exists=404',
  'PATCH /v1/workers/:id': 'station:own admin exists=404',
  'POST /v1/workers/:id/employment-status': 'station:own admin',
  'GET /v1/workers/:id/employment-status': 'station:own bureau:own admin exists=404',
  'GET /v1/lists/:kind': 'station:own bureau:own coordinator:own admin',
  'GET /v1/monitoring/monthly': 'station:own bureau:own admin',
  'GET /v1/monitoring/summary': 'station:own bureau:own admin',
  'POST /v1/workers/:id/follow-ups': 'station:own admin',
  'GET /v1/workers/:id/follow-ups': 'station:own bureau:own admin',
  'GET /v1/follow-ups/due': 'station bureau:own admin',
  'GET /v1/follow-ups/due/summary': 'station bureau:own admin',
  'GET /v1/follow-ups': 'station bureau:own admin',
  'POST /v1/workers/:id/income': 'station:own admin',
  'GET /v1/workers/:id/income': 'station:own bureau:own admin',
  'PUT /v1/reference/monitoring-lines/:regionCode': 'bureau:own admin',
  'GET /v1/reference/monitoring-lines/:regionCode': 'any',

  // matching
  'GET /v1/workers/:id/matches': 'station:own admin exists=404',
  'GET /v1/jobs/:id/candidates': 'agency:own admin exists=404',
  'POST /v1/search/jobs': 'any',
  'GET /v1/workers/:id/training-suggestions': 'station:own admin exists=404',
  'GET /v1/sharing/requests/:id/offers': 'agency:own bureau:own admin',
  'POST /v1/admin/reindex': 'admin nocall',
  // Changes would re-rank every later suite on the shared test database: ranking-weights.int-spec makes them on its own.
  'GET /v1/admin/ranking-weights': 'admin',
  'PUT /v1/admin/ranking-weights': 'admin nocall',
  'PUT /v1/admin/ranking-weights/provinces/:provinceCode': 'admin nocall',
  'DELETE /v1/admin/ranking-weights/provinces/:provinceCode': 'admin nocall',
  'GET /v1/admin/ranking-weights/history': 'admin',

  // dispatch
  'POST /v1/stations': 'admin',
  'GET /v1/stations/:id': 'station:own admin',
  'GET /v1/stations/:id/push-settings': 'station:own admin',
  'PUT /v1/stations/:id/push-settings': 'station:own admin',
  'POST /v1/stations/:id/webhook-secret/rotate': 'station:own admin',
  'POST /v1/stations/:id/webhook-secret/finish-rotation': 'station:own admin',
  'GET /v1/stations/:id/matches': 'station:own admin',
  'GET /v1/stations/:id/stream': 'station:own admin',
  'GET /v1/stations/:id/deliveries': 'station:own admin',
  'POST /v1/stations/:id/deliveries/redeliver': 'station:own admin',
  'POST /v1/matches/:id/offer': 'station:own admin exists=404',
  'POST /v1/matches/:id/accept': 'station:own admin exists=404',
  'POST /v1/matches/:id/decline': 'station:own admin exists=404',
  'POST /v1/dispatch/batches': 'coordinator:own admin',
  'GET /v1/dispatch/batches': 'coordinator admin',
  'GET /v1/dispatch/batches/:id': 'coordinator:own bureau:own admin',
  'POST /v1/dispatch/batches/:id/workers': 'coordinator:own admin',
  'DELETE /v1/dispatch/batches/:id/workers/:workerId': 'coordinator:own admin',
  'POST /v1/dispatch/batches/:id/board': 'coordinator:own admin',
  'POST /v1/dispatch/batches/:id/depart': 'coordinator:own admin',
  'POST /v1/dispatch/batches/:id/arrive': 'coordinator:own admin',
  'POST /v1/dispatch/batches/:id/close': 'coordinator:own admin',
  'POST /v1/dispatch/batches/:id/cancel': 'coordinator:own admin',
  // a coordinator of another region is answered too: with the accepted matches of its own workers (none here)
  'GET /v1/dispatch/accepted-matches': 'coordinator admin',
  'GET /v1/dispatch/stats': 'agency:own bureau admin',
  'POST /v1/placements': 'station:own agency:own admin',
  'GET /v1/placements': 'station agency:own bureau:own admin',
  'GET /v1/placements/:id': 'station:own agency:own bureau:own admin',
  'POST /v1/placements/:id/end': 'station:own agency:own admin',
  'POST /v1/placements/:id/checks': 'station:own agency:own admin',
  'PUT /v1/workshops/:creditCode': 'bureau:own admin',
  'DELETE /v1/workshops/:creditCode': 'bureau:own admin',
  'GET /v1/workshops': 'bureau:own admin',
  'GET /v1/workshops/:creditCode': 'bureau:own admin',
};

export const ROLES = ['agency', 'station', 'coordinator', 'bureau', 'admin'] as const;
export type MatrixRole = (typeof ROLES)[number];
export type Scope = 'own' | 'other';
export type Outcome = 401 | 403 | 'allowed';

export interface RowSpec {
  isPublic: boolean;
  allowed: Map<MatrixRole, 'both' | 'own'>;
  existsShows: boolean;
  noCall: boolean;
}

/** Parses a row; an unknown word is an error (a typo must not quietly refuse or allow). */
export function parseRow(key: string, row: string): RowSpec {
  const spec: RowSpec = { isPublic: false, allowed: new Map(), existsShows: false, noCall: false };
  for (const word of row.split(/\s+/).filter(Boolean)) {
    const [role, scope] = word.split(':');
    if (word === 'public') spec.isPublic = true;
    else if (word === 'any') ROLES.forEach((r) => spec.allowed.set(r, 'both'));
    else if (word === 'exists=404') spec.existsShows = true;
    else if (word === 'nocall') spec.noCall = true;
    else if ((ROLES as readonly string[]).includes(role) && (scope === undefined || scope === 'own')) spec.allowed.set(role as MatrixRole, scope ? 'own' : 'both');
    else throw new Error(`access matrix row ${key}: unknown word "${word}"`);
  }
  return spec;
}

/** What a caller of `role` (undefined: no token) should get for its own or another's record. */
export function expectedOutcome(spec: RowSpec, role: MatrixRole | undefined, scope: Scope): Outcome {
  if (spec.isPublic) return 'allowed';
  if (!role) return 401;
  const allowed = spec.allowed.get(role);
  if (allowed === 'both' || (allowed === 'own' && scope === 'own')) return 'allowed';
  return 403;
}
