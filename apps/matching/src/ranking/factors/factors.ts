import { acceptedHistory } from './accepted-history.factor';
import { age } from './age.factor';
import { agencyOutcomes } from './agency-outcomes.factor';
import { assistance } from './assistance.factor';
import { crossRegion } from './cross-region.factor';
import { distance } from './distance.factor';
import { eastWest } from './east-west.factor';
import { freshness } from './freshness.factor';
import { jobOutcomes } from './job-outcomes.factor';
import { laborBrand } from './labor-brand.factor';
import { olderFriendly } from './older-friendly.factor';
import { priority } from './priority.factor';
import { publicWelfare } from './public-welfare.factor';
import { relocation } from './relocation.factor';
import { skills } from './skills.factor';
import { startSoon } from './start-soon.factor';
import { targetRegion } from './target-region.factor';
import { wage } from './wage.factor';

/**
 * Every factor of the match score (ARCHITECTURE.md, "Matching and ranking"), in the order a
 * match's reasons list them. The score is the sum of their contributions; both ranking queries,
 * the reasons and the score bound are composed from this list. Change a weight or a shape only
 * with the relevance test (test/relevance/) green.
 */
export const FACTORS = [skills, distance, crossRegion, eastWest, targetRegion, age, olderFriendly, priority, assistance, publicWelfare, relocation, laborBrand, wage, freshness, startSoon, agencyOutcomes, jobOutcomes, acceptedHistory] as const;

export type Factor = (typeof FACTORS)[number]['name'];
