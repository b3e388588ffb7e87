/**
 * Learning from dispatch outcomes (issue 18): how often a job's or an agency's matches are
 * accepted by stations (派工接受率) and how often an accepted worker then arrives (到岗率),
 * smoothed with a Beta prior so that a new agency (no data) sits exactly at the global rate, and
 * turned into a few classes the search engine can score with one `terms` filter each.
 */

/** Pseudo-trials of the prior: an agency needs about this many decided matches to move halfway from the global rate. */
export const PRIOR_STRENGTH = 10;
/** The prior's rate while nothing at all is known yet. */
export const UNINFORMED_RATE = 0.5;
/** Class width on the value scale: a class per tenth (11 classes, the middle one neutral, needing no clause). */
export const CLASS_STEP = 0.1;
/** The value of a job whose agency (or itself) sits at the global rates: what no data gives. */
export const NEUTRAL_VALUE = 0.5;
/**
 * Most ids classed per factor: each is a term in every matches-for-worker query (once). The ones
 * with the most evidence are kept; the others count as neutral in both the query and the reasons
 * (cost measured in test/outcomes.int-spec.ts with 3,000 ids).
 */
export const MAX_CLASSED_IDS = 3000;

/** What the database counted for one agency or job (dispatch-outcomes.store.ts), each match and pair once. */
export interface OutcomeCounts {
  id: string;
  /** Matches a station accepted or declined. */
  decided: number;
  accepted: number;
  /** Distinct (job, worker) pairs accepted, and how many of them arrived (WorkerArrived or PlacementStarted). */
  acceptedPairs: number;
  arrivedPairs: number;
}

/** The global rates: the prior's mean. */
export interface PriorRates {
  acceptance: number;
  arrival: number;
}

/** (successes + α·p₀) / (trials + α): p₀ with no trials, the observed rate with many. */
export function smoothedRate(successes: number, trials: number, prior: number, strength = PRIOR_STRENGTH): number {
  return (successes + strength * prior) / (trials + strength);
}

/** The overall rates over every agency (the prior); UNINFORMED_RATE where nothing was decided yet. */
export function priorRates(counts: readonly OutcomeCounts[]): PriorRates {
  const total = (key: keyof Omit<OutcomeCounts, 'id'>) => counts.reduce((sum, c) => sum + c[key], 0);
  const rate = (successes: number, trials: number) => (trials > 0 ? successes / trials : UNINFORMED_RATE);
  return { acceptance: rate(total('accepted'), total('decided')), arrival: rate(total('arrivedPairs'), total('acceptedPairs')) };
}

/** One agency's or job's smoothed rates and its value: neutral plus half of each rate's distance from the prior, in [0, 1]. */
export interface RatedOutcome {
  acceptance: number;
  arrival: number;
  /** The class value, a multiple of CLASS_STEP: what the factor scores. */
  value: number;
  evidence: number;
}

export function rated(counts: OutcomeCounts, prior: PriorRates): RatedOutcome {
  const acceptance = smoothedRate(counts.accepted, counts.decided, prior.acceptance);
  const arrival = smoothedRate(counts.arrivedPairs, counts.acceptedPairs, prior.arrival);
  const raw = NEUTRAL_VALUE + (acceptance - prior.acceptance + (arrival - prior.arrival)) / 2;
  return { acceptance, arrival, value: classValue(raw), evidence: counts.decided + counts.acceptedPairs };
}

/** The class a value falls in, as its value: the nearest multiple of CLASS_STEP within [0, 1]. */
export function classValue(value: number): number {
  const steps = Math.round(Math.min(1, Math.max(0, value)) / CLASS_STEP);
  return Math.round(steps * CLASS_STEP * 10) / 10;
}

/** The ids of one class. */
export interface RateClass {
  value: number;
  ids: string[];
}

/**
 * The rated ids whose class is not the neutral one (at most MAX_CLASSED_IDS, the best-evidenced),
 * and those ids grouped by class, lowest first. An id absent here is neutral, with or without data.
 */
export interface RateClasses {
  readonly prior: PriorRates;
  readonly byId: ReadonlyMap<string, RatedOutcome>;
  readonly classes: readonly RateClass[];
}

export const NO_RATES: RateClasses = { prior: { acceptance: UNINFORMED_RATE, arrival: UNINFORMED_RATE }, byId: new Map(), classes: [] };

export function rateClasses(counts: readonly OutcomeCounts[], prior: PriorRates, maxIds = MAX_CLASSED_IDS): RateClasses {
  const off = counts
    .map((c) => ({ id: c.id, rating: rated(c, prior) }))
    .filter(({ rating }) => rating.value !== NEUTRAL_VALUE)
    .sort((a, b) => b.rating.evidence - a.rating.evidence || a.id.localeCompare(b.id))
    .slice(0, maxIds);
  const byId = new Map(off.map(({ id, rating }) => [id, rating]));
  const values = [...new Set(off.map(({ rating }) => rating.value))].sort((a, b) => a - b);
  const classes = values.map((value) => ({ value, ids: off.filter(({ rating }) => rating.value === value).map(({ id }) => id).sort() }));
  return { prior, byId, classes };
}

type Json = Record<string, unknown>;

/**
 * The engine's functions for a rate factor of this weight over `field` (agencyId or jobId), each
 * id in one clause. The reasons count weight × (class value − NEUTRAL_VALUE), below 0 for a poor
 * record; the engine refuses negative weights on filtered functions, so a poor class instead
 * lifts every job outside it by weight × its distance below neutral, and a good class lifts its
 * own jobs by its distance above. Each job then scores its reasons' contribution plus one
 * constant (the sum of the poor classes' distances × weight), the same for every job: the same
 * order. None while no id is classed.
 */
export function rateFunctions(field: string, rates: RateClasses, weight: number): Json[] {
  return rates.classes.map((c) => {
    const those = { terms: { [field]: c.ids } };
    return c.value < NEUTRAL_VALUE
      ? { filter: { bool: { must_not: those } }, weight: weight * (NEUTRAL_VALUE - c.value) }
      : { filter: those, weight: weight * (c.value - NEUTRAL_VALUE) };
  });
}

/**
 * What an id's record adds to a score, per unit of weight: its class value's distance from
 * neutral, in [−0.5, 0.5]; undefined at the prior (no data, or data at about the global rates),
 * so that a new agency and one at the global rates both get neither a contribution nor a reason.
 */
export function rateDeviationOf(rates: RateClasses, id: string): { value: number; rating: RatedOutcome } | undefined {
  const rating = rates.byId.get(id);
  return rating && { value: Math.round((rating.value - NEUTRAL_VALUE) * 10) / 10, rating };
}

/** The most an id's record adds, per unit of weight: the best class's distance above neutral (none above: 0). */
export function bestDeviation(rates: RateClasses): number {
  const best = Math.max(NEUTRAL_VALUE, ...rates.classes.map((c) => c.value));
  return Math.round((best - NEUTRAL_VALUE) * 10) / 10;
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** 该机构派工接受率 62%，到岗率 80%（平滑后，平均 50%、70%）. */
export function rateDetail(subject: string, rating: RatedOutcome, prior: PriorRates): string {
  const rates = `派工接受率 ${percent(rating.acceptance)}，到岗率 ${percent(rating.arrival)}`;
  return `${subject}${rates}（平滑后；平均 ${percent(prior.acceptance)}、${percent(prior.arrival)}）`;
}
