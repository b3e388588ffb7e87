import { type Json } from './factors/factor';

/**
 * The filter algebra both score bounds build with (score-bound.ts for a worker's jobs,
 * worker-score-bound.ts for a job's workers): conjunctions and disjunctions that fold away the
 * trivial cases, and the leaf count that keeps a filter a query the engine takes quickly.
 */

/**
 * Added to every allowed loss: a score of t after rounding (each of at most 18 contributions to 4
 * digits, then the sum) is an unrounded sum above t − 19 × 5e-5.
 */
export const ROUNDING_MARGIN = 1e-3;

export const MATCH_ALL: Json = { match_all: {} };
const MATCH_NONE: Json = { match_none: {} };

export const all = (clauses: Json[]): Json => {
  const needed = clauses.filter((c) => c !== MATCH_ALL);
  return needed.length === 1 ? needed[0] : needed.length ? { bool: { filter: needed } } : MATCH_ALL;
};

export const either = (clauses: Json[]): Json =>
  clauses.includes(MATCH_ALL) ? MATCH_ALL : clauses.length === 1 ? clauses[0] : clauses.length ? { bool: { should: clauses, minimum_should_match: 1 } } : MATCH_NONE;

export const sum = (xs: number[]) => xs.reduce((total, x) => total + x, 0);

export function leafCount(query: Json): number {
  if (!('bool' in query)) return 1;
  const clauses = Object.values(query.bool as Record<string, Json | Json[]>).filter((x) => typeof x === 'object');
  return sum(clauses.flatMap((x) => (Array.isArray(x) ? x : [x])).map(leafCount));
}
