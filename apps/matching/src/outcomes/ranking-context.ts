import { NO_RATES, type RateClasses } from './outcome-rates';

/** The kinds and cities of the jobs a worker accepted or arrived at (outcomes/, matching's database). */
export interface AcceptedHistory {
  kinds: readonly string[];
  cityCodes: readonly string[];
}

/**
 * What a ranking learned from dispatch outcomes, beyond the documents: read once per ranking and
 * passed to both the engine query and the reasons, so that the reasons still add up to the score.
 */
export interface RankingContext {
  /** Agencies' and jobs' smoothed acceptance and arrival classes (in memory, refreshed on change). */
  readonly agencyRates: RateClasses;
  readonly jobRates: RateClasses;
  /**
   * Accepted histories of the workers this ranking read them for: matches-for-worker only. The
   * other direction (candidates-for-job) carries none — the history is not in the worker index —
   * so that factor neither scores nor shows a reason there.
   */
  readonly histories: ReadonlyMap<string, AcceptedHistory>;
}

export const NO_OUTCOMES: RankingContext = { agencyRates: NO_RATES, jobRates: NO_RATES, histories: new Map() };
