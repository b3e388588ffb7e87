/**
 * Skill taxonomy (技能) and certificates (证书): lookups by code and a small search for clients
 * looking for valid codes (`GET /v1/reference/skills?q=焊`). Data lives in skills.data.ts.
 */
import { CERTIFICATE_DEFINITIONS, SKILL_DEFINITIONS } from './skills.data';
import type { SkillSector, TaxonomyDefinition } from './skills.data';

export type { SkillSector } from './skills.data';

/** The public shape of a skill or certificate. */
export interface Skill {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly occupationCode?: string;
  readonly sector: SkillSector;
}

export interface Certificate extends Skill {
  /** Years a certificate stays valid from its issue; absent when it does not expire. */
  readonly validityYears?: number;
}

const CODE_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const OCCUPATION_CODE_SHAPE = /^\d-\d{2}-\d{2}-\d{2}$/;
export const DEFAULT_SEARCH_LIMIT = 50;

interface Entry {
  readonly item: Certificate;
  /** Lower-cased name, English name, code and keywords, for substring search. */
  readonly haystack: readonly string[];
}

function toPublic(definition: TaxonomyDefinition): Certificate {
  const { code, name, nameEn, sector, occupationCode, validityYears } = definition;
  return Object.freeze({ code, name, nameEn, sector, ...(occupationCode ? { occupationCode } : {}), ...(validityYears ? { validityYears } : {}) });
}

function index(definitions: readonly TaxonomyDefinition[], label: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const definition of definitions) {
    if (!CODE_SHAPE.test(definition.code)) throw new Error(`${label} code is not lowercase-kebab: ${definition.code}`);
    if (entries.has(definition.code)) throw new Error(`duplicate ${label} code: ${definition.code}`);
    if (definition.occupationCode && !OCCUPATION_CODE_SHAPE.test(definition.occupationCode)) {
      throw new Error(`${label} ${definition.code}: malformed occupation code ${definition.occupationCode}`);
    }
    const haystack = [definition.name, definition.nameEn, definition.code, ...(definition.keywords ?? [])].map((s) => s.toLowerCase());
    entries.set(definition.code, { item: toPublic(definition), haystack });
  }
  return entries;
}

const SKILL_INDEX = index(SKILL_DEFINITIONS, 'skill');
const CERTIFICATE_INDEX = index(CERTIFICATE_DEFINITIONS, 'certificate');
for (const code of CERTIFICATE_INDEX.keys()) {
  if (SKILL_INDEX.has(code)) throw new Error(`code used both as skill and certificate: ${code}`);
}

export const SKILLS: readonly Skill[] = Object.freeze([...SKILL_INDEX.values()].map((e) => e.item));
export const CERTIFICATES: readonly Certificate[] = Object.freeze([...CERTIFICATE_INDEX.values()].map((e) => e.item));

export function findSkill(code: string): Skill | undefined {
  return SKILL_INDEX.get(code)?.item;
}

export function isKnownSkill(code: string): boolean {
  return SKILL_INDEX.has(code);
}

export function findCertificate(code: string): Certificate | undefined {
  return CERTIFICATE_INDEX.get(code)?.item;
}

export function isKnownCertificate(code: string): boolean {
  return CERTIFICATE_INDEX.has(code);
}

/**
 * Rank of a match, lower is better: exact code or name, then name starting with the query, then
 * a substring of the name, English name or code, then a keyword (colloquial name).
 */
function matchRank(entry: Entry, query: string): number | undefined {
  const [name, nameEn, code, ...keywords] = entry.haystack;
  if (code === query || name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (name.includes(query) || nameEn.includes(query) || code.includes(query)) return 2;
  if (keywords.some((k) => k.includes(query))) return 3;
  return undefined;
}

function search(entries: Map<string, Entry>, q: string, limit: number): Skill[] {
  const max = Math.max(0, Math.floor(limit));
  const query = (q ?? '').trim().toLowerCase();
  if (query.length === 0) return [...entries.values()].slice(0, max).map((e) => e.item);
  const ranked: { item: Skill; rank: number; order: number }[] = [];
  let order = 0;
  for (const entry of entries.values()) {
    const rank = matchRank(entry, query);
    if (rank !== undefined) ranked.push({ item: entry.item, rank, order });
    order++;
  }
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, max).map((r) => r.item);
}

/**
 * Skills matching `q`: a Chinese name substring ('焊'), an English name or code (case-insensitive),
 * or a colloquial keyword ('电焊'). Best matches first; an empty query lists skills in order.
 */
export function searchSkills(q: string, limit: number = DEFAULT_SEARCH_LIMIT): Skill[] {
  return search(SKILL_INDEX, q, limit);
}

/**
 * Each skill's Chinese name and colloquial keywords (电焊, 瓦工 …), the words a station types for
 * it: search builds its synonym groups from these (one group per skill). Keywords stay out of the
 * public Skill shape; this is their only way out.
 */
export function skillSearchTerms(): readonly { code: string; terms: readonly string[] }[] {
  return SKILL_DEFINITIONS.map((definition) => ({ code: definition.code, terms: [definition.name, ...(definition.keywords ?? [])] }));
}

/** Certificates matching `q`, like searchSkills. */
export function searchCertificates(q: string, limit: number = DEFAULT_SEARCH_LIMIT): Certificate[] {
  return search(CERTIFICATE_INDEX, q, limit);
}

/**
 * The last day a certificate issued on `issuedOn` (YYYY-MM-DD) is valid: the day before the same
 * date `validityYears` later; undefined for an unknown code or one that does not expire.
 */
export function certificateValidUntil(code: string, issuedOn: string): string | undefined {
  const years = findCertificate(code)?.validityYears;
  if (!years) return undefined;
  const [year, month, day] = issuedOn.split('-').map(Number);
  const end = new Date(Date.UTC(year + years, month - 1, day) - 86_400_000);
  return end.toISOString().slice(0, 10);
}
