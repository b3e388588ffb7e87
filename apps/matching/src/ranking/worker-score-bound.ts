import { type JobDocument } from '../indexing/job.document';
import { NO_OUTCOMES, type RankingContext } from '../outcomes/ranking-context';
import { type Json, type WorkerLossBound } from './factors/factor';
import { FACTORS } from './factors/factors';
import { all, either, leafCount, MATCH_ALL, ROUNDING_MARGIN, sum } from './filter-clauses';
import { type RankingWeights } from './ranking-weights';

/**
 * Which of a job's workers can still score at least a threshold t: lets ranking.service.ts rank a
 * job's candidates exactly while scoring only the workers that can make the top N (score-bound.ts
 * does the same for a worker's jobs).
 *
 * Read from the candidates query's own functions (ranking.queries.ts), each worth at most its
 * weight: one with only a weight adds it to every worker; one with a filter adds at most its weight
 * to the workers the filter selects (a bonus: skills held, target region, priority group, …); a
 * scored one without a filter (wage) at most its weight to anyone. Distance and age vary too much
 * for that: their `workerLoss` says which workers lose at most a given amount. A factor with no
 * function for this job adds nothing to any worker (the ranking test holds the engine's scores to
 * the reasons'), unless the engine leaves it out on purpose: the outcome rates, alike for every
 * worker, add their `workerCeiling`.
 *
 * The bonuses split the workers into classes, each with a ceiling C: the most its workers can
 * score. A worker of a class reaches t only if it loses at most C − t on distance AND on age. The
 * filter is, per class that can still reach t, its bonuses' filters and those two conditions, with
 * the classes sharing a condition grouped under it (grouped). The classes overlap (the class
 * without a bonus is every worker), which is harmless.
 */

interface Bonus {
  value: number;
  filter: Json;
}

interface Loss {
  max: number;
  bound: WorkerLossBound;
}

interface Parts {
  /** What every worker gets or may get from the functions that bound nothing. */
  constant: number;
  bonuses: Bonus[];
  losses: Loss[];
}

function partsOf(job: JobDocument, weights: RankingWeights, now: Date, context: RankingContext): Parts {
  let constant = 0;
  const bonuses = new Map<string, Bonus>();
  const losses: Loss[] = [];
  for (const factor of FACTORS) {
    const weight = weights[factor.name];
    if (!(weight > 0)) continue;
    const functions = factor.workerFunctions(job, now, weight, context);
    const loss = factor.workerLoss?.(job, weight);
    if (!functions.length) constant += factor.workerCeiling?.(job, weight, context) ?? 0;
    else if (loss) losses.push({ max: sum(functions.map((f) => f.weight as number)), bound: loss });
    else {
      for (const { filter, weight: most } of functions as { filter?: Json; weight: number }[]) {
        if (!filter) constant += most;
        else {
          // Bonuses under one filter (priority and assistance) are one class.
          const key = JSON.stringify(filter);
          bonuses.set(key, { filter, value: (bonuses.get(key)?.value ?? 0) + most });
        }
      }
    }
  }
  return { constant, bonuses: [...bonuses.values()].sort((a, b) => b.value - a.value), losses };
}

/** A class of workers that can reach the threshold: its bonuses' filters, and one condition per loss (parts.losses' order). */
export interface ReachingClass {
  bonuses: Json[];
  losses: Json[];
}

/** The classes that can reach `threshold`, each with the loss conditions its ceiling allows. */
function reachingClasses(parts: Parts, threshold: number): ReachingClass[] {
  const lossMax = sum(parts.losses.map((l) => l.max));
  const walk = (i: number, ceiling: number, filters: Json[]): ReachingClass[] => {
    const allowed = ceiling + sum(parts.bonuses.slice(i).map((b) => b.value)) + lossMax - threshold + ROUNDING_MARGIN;
    if (allowed < 0) return [];
    if (i === parts.bonuses.length) return [{ bonuses: filters, losses: parts.losses.map((l) => l.bound.within(allowed) ?? MATCH_ALL) }];
    const bonus = parts.bonuses[i];
    return [...walk(i + 1, ceiling + bonus.value, [...filters, bonus.filter]), ...walk(i + 1, ceiling, filters)];
  };
  return walk(0, parts.constant, []);
}

/**
 * The classes as one filter: their disjunction, with the classes that share a loss condition
 * grouped under it (a ∧ b) ∨ (a ∧ c) = a ∧ (b ∨ c), the first loss (distance) outermost. The same
 * workers, but each condition is evaluated once: classes of equal ceilings, or of ceilings past a
 * bound, share their distance condition, and its geo clauses are the costliest leaves at scale
 * (profiled at 1M workers: the reach polygon's geo_shape first, then the geo_distance bands).
 */
function grouped(classes: ReachingClass[], loss = 0): Json {
  if (!classes.length || loss === classes[0].losses.length) return either(absorbed(classes).map((c) => all(c.bonuses)));
  const byCondition = new Map<string, ReachingClass[]>();
  for (const c of classes) {
    const key = JSON.stringify(c.losses[loss]);
    byCondition.set(key, [...(byCondition.get(key) ?? []), c]);
  }
  return either([...byCondition.values()].map((group) => all([group[0].losses[loss], grouped(group, loss + 1)])));
}

/**
 * Classes under the same loss conditions without those whose bonuses include another's: a ∨ (a ∧ b) = a.
 */
function absorbed(classes: ReachingClass[]): ReachingClass[] {
  const keys = classes.map((c) => new Set(c.bonuses.map((b) => JSON.stringify(b))));
  const includes = (big: Set<string>, small: Set<string>) => big.size > small.size && [...small].every((key) => big.has(key));
  return classes.filter((_, i) => !keys.some((other, j) => j !== i && includes(keys[i], other)));
}

/** Most leaf queries in one filter (score-bound.ts measured what each costs the engine). */
const MAX_FILTER_LEAVES = 120;

/**
 * The classes of workers that can score `threshold` or more for this job at `now` under these
 * weights and outcomes, each with its bonuses' filters and loss conditions; coarser (never fewer
 * workers) when their filter would be too big a query: the smallest bonus is then counted for
 * every worker. Exported for the spec, which checks the grouping against the classes one by one.
 */
export function classesReaching(job: JobDocument, weights: RankingWeights, threshold: number, now: Date, context: RankingContext = NO_OUTCOMES): ReachingClass[] {
  const parts = partsOf(job, weights, now, context);
  for (;;) {
    const classes = reachingClasses(parts, threshold);
    if (leafCount(grouped(classes)) <= MAX_FILTER_LEAVES || !parts.bonuses.length) return classes;
    parts.constant += parts.bonuses.pop()!.value;
  }
}

/** A filter on workers containing every worker that scores `threshold` or more for this job (classesReaching, grouped). */
export function workersReaching(job: JobDocument, weights: RankingWeights, threshold: number, now: Date, context: RankingContext = NO_OUTCOMES): Json {
  return grouped(classesReaching(job, weights, threshold, now, context));
}
