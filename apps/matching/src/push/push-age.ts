import { type MatchingConfig } from '../matching.config';

/**
 * Whether a change is still news: one older than PUSH_MAX_AGE_SECONDS (a replay, a new consumer
 * group, a rebuild) is indexed but pushes nothing.
 */
export function isRecentChange(change: { updatedAt: string }, now: Date, config: Pick<MatchingConfig, 'PUSH_MAX_AGE_SECONDS'>): boolean {
  return now.getTime() - Date.parse(change.updatedAt) <= config.PUSH_MAX_AGE_SECONDS * 1000;
}
