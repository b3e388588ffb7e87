import { JobKind } from '@laowu/contracts';

/**
 * Every weight and shape of the match score, in one place (ARCHITECTURE.md, "Matching and
 * ranking"). Each factor contributes `weight × value` with value in [0, 1]; the score is the sum.
 * Both directions (jobs for a worker, workers for a job) and the TypeScript reasons use these.
 * Change them only with the relevance test (test/relevance/) green.
 */
export const RANKING = {
  weights: {
    /** Share of the job's required skills the worker has at the required level. */
    skills: 3,
    /** Gauss decay of the distance, scale = the worker's max commute. */
    distance: 3,
    /** The job recruits from the worker's home region (worker willing to migrate). */
    crossRegion: 2.5,
    /** …and the two provinces are an east-west cooperation pair (东西部协作). */
    eastWest: 1,
    /** The job lies in a region the worker wants to go to. */
    targetRegion: 1.5,
    /** Soft age fit: 1 inside the preferred range, halving every `ageHalfLifeYears` outside (十二). */
    age: 1,
    /** olderWorkerFriendly jobs for workers 50+ (十二). */
    olderFriendly: 1,
    /** Poverty-alleviated workers and monitoring targets rank up (十四). */
    priority: 1,
    /** …more for work-relief, assistance-workshop and public-welfare jobs (十四, 十六). */
    assistance: 0.5,
    /** Relocated workers fill a job's relocation quota first (十五). */
    relocation: 1,
    /** Job's best daily wage against the worker's minimum. */
    wage: 1.5,
    /** Newer postings first: gauss over the posting's age. */
    freshness: 0.5,
    /** Gig jobs starting soon first. */
    startSoon: 0.5,
  },
  /** Neutral value of a factor that cannot be judged (no skills required, no wage known). */
  neutral: 0.5,
  ageHalfLifeYears: 5,
  olderWorkerAge: 50,
  freshnessScaleDays: 14,
  startSoonScaleDays: 3,
  /** Wage ratio (job max ÷ worker min) giving value 0, and the span over which it reaches 1. */
  wageRatioFloor: 0.8,
  wageRatioSpan: 0.6,
  /** Smallest commute scale, so a worker with maxCommuteKm 0 still gets a finite decay. */
  minCommuteScaleKm: 0.5,
  assistanceKinds: ['work_relief', 'workshop', 'public_welfare'] as JobKind[],
  priorityGroups: ['poverty_alleviated', 'monitoring_target'] as const,
} as const;

export type Factor = keyof typeof RANKING.weights;
export type RankingWeights = Record<Factor, number>;
