import type { JobDocument } from '../indexing/job.document';
import { queryWords } from './job-keywords.query';
import { searchSynonyms, type SynonymTable, synonymVariants } from '../indexing/search-synonyms';

/** Where a word was found, in the order a station reads a job: title first. */
const LABELS: readonly [keyof JobDocument, string][] = [
  ['title', '标题'],
  ['laborBrandText', '劳务品牌'],
  ['regionText', '地区'],
  ['description', '描述'],
];

/** The longest pieces of `word` (two characters at least, else single ones) that `text` holds, without overlaps. */
function piecesIn(word: string, text: string): string[] {
  const chars = [...word];
  for (let length = chars.length - 1; length >= 1; length--) {
    const found: string[] = [];
    for (let start = 0; start + length <= chars.length; start++) {
      const piece = chars.slice(start, start + length).join('');
      if (text.includes(piece) && !found.some((f) => f.includes(piece) || piece.includes(f))) found.push(piece);
    }
    if (found.length && (length >= 2 || found.length * 4 >= chars.length * 3)) return found;
  }
  return [];
}

/**
 * Why one word of `q` matched this job, as a station would say it: 标题含“电焊”, 标题含“焊工”（“电焊”的同义词）,
 * 标题含“采摘”（“果园采摘”的一部分）. The same three ways the query matches (job-keywords.query.ts),
 * checked on the job's text; undefined when none is found there (a brand found by its code).
 */
export function wordMatch(word: string, job: JobDocument, table: SynonymTable = searchSynonyms()): string | undefined {
  const lower = word.toLowerCase();
  const texts = LABELS.map(([field, label]) => ({ label, text: String(job[field] ?? '').toLowerCase() })).filter((t) => t.text);
  for (const { label, text } of texts) if (text.includes(lower)) return `${label}含“${word}”`;
  const variants = synonymVariants(lower, table);
  for (const { label, text } of texts) {
    const synonym = variants.find((v) => text.includes(v.variant));
    if (synonym) return `${label}含“${synonym.variant}”（“${word}”的同义词）`;
  }
  for (const { label, text } of texts) {
    const pieces = piecesIn(lower, text);
    if (pieces.length) return `${label}含${pieces.map((p) => `“${p}”`).join('')}（“${word}”的一部分）`;
  }
  return undefined;
}

/** The `keywords` reason of a hit: one clause per word of `q`, joined; it adds nothing to the pair's score. */
export function keywordsReason(q: string, job: JobDocument): { factor: 'keywords'; contribution: 0; detail: string } | undefined {
  const details = queryWords(q).flatMap((word) => wordMatch(word, job) ?? []);
  return details.length ? { factor: 'keywords', contribution: 0, detail: details.join('；') } : undefined;
}
