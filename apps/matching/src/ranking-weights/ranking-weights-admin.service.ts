import { Principal } from '@laowu/auth';
import { findRegion } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ERRORS } from '../matching.errors';
import { type CurrentWeights, GLOBAL_SCOPE, RankingWeightVersionsStore, type WeightsScope, type WeightsVersion } from './ranking-weight-versions.store';
import { type Factor } from '../ranking/factors/factors';
import { mergeWeights, partialWeightsProblems, type RankingWeights, weightsForProvince, weightsProblems } from '../ranking/ranking-weights';

/** An admin's change: the factors it names, merged over the weights in effect in its scope. */
export interface WeightsChange {
  weights: Partial<Record<Factor, number>>;
  reason: string;
  /** The version the admin read as in effect in this scope: a change made since → 409. */
  expectedVersion?: number;
}

/** Every writer takes this lock first: a change reads the weights it merges over and appends, with no other change in between. */
const WRITERS_LOCK = 'matching.ranking_weight_versions';

/**
 * Reads and changes the ranking weights (admin). A change is partial: the factors named take the
 * new value, the others keep what is in effect in that scope (for a province without an override,
 * the global weights), and the result is stored as a full set, so a version names exact weights.
 *
 * Crash safety: a change is one transaction (lock, read, check, insert, NOTIFY). A crash or a
 * failed insert before the commit leaves no row and sends no notification: the previous version
 * stays in effect in every instance. Writers queue on one advisory lock, so two concurrent
 * changes both land, each merged over the other's result, numbered by the database in commit order.
 */
@Injectable()
export class RankingWeightsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RankingWeightVersionsStore,
  ) {}

  current(): Promise<CurrentWeights> {
    return this.store.current();
  }

  history(scope: WeightsScope | undefined, limit: number): Promise<WeightsVersion[]> {
    if (scope !== undefined && scope !== GLOBAL_SCOPE) assertKnownProvince(scope, 'scope');
    return this.store.history(scope, limit);
  }

  setGlobal(principal: Principal, change: WeightsChange): Promise<WeightsVersion> {
    return this.change(principal, GLOBAL_SCOPE, change);
  }

  setProvince(principal: Principal, provinceCode: string, change: WeightsChange): Promise<WeightsVersion> {
    assertKnownProvince(provinceCode, 'provinceCode');
    return this.change(principal, provinceCode, change);
  }

  /** Removes a province's override (the global weights apply again there); recorded as a version with no weights. */
  removeProvince(principal: Principal, provinceCode: string, change: Omit<WeightsChange, 'weights'>): Promise<WeightsVersion> {
    assertKnownProvince(provinceCode, 'provinceCode');
    return this.locked(async (manager, current) => {
      const override = current.snapshot.provinces.get(provinceCode);
      if (!override) throw DomainError.notFound(ERRORS.RANKING_OVERRIDE_NOT_FOUND, `ranking weights override of province ${provinceCode}`);
      assertExpected(change.expectedVersion, override.version);
      return this.store.append(manager, { scope: provinceCode, weights: null, changedBy: by(principal), reason: change.reason });
    });
  }

  private change(principal: Principal, scope: WeightsScope, change: WeightsChange): Promise<WeightsVersion> {
    const problems = partialWeightsProblems(change.weights);
    if (!problems.length && !Object.keys(change.weights).length) problems.push({ field: 'weights', message: 'names no factor' });
    if (problems.length) throw invalidWeights(problems);
    return this.locked(async (manager, current) => {
      const inEffect = weightsForProvince(current.snapshot, scope === GLOBAL_SCOPE ? undefined : scope);
      assertExpected(change.expectedVersion, inEffect.version);
      const merged = mergeWeights(inEffect.weights, change.weights);
      const mergedProblems = weightsProblems(merged);
      if (mergedProblems.length) throw invalidWeights(mergedProblems);
      return this.store.append(manager, { scope, weights: merged as RankingWeights, changedBy: by(principal), reason: change.reason });
    });
  }

  private locked<T>(work: (manager: EntityManager, current: CurrentWeights) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [WRITERS_LOCK]);
      return work(manager, await this.store.current(manager));
    });
  }
}

function assertKnownProvince(code: string, field: string): void {
  if (findRegion(code)?.level !== 'province') throw DomainError.unprocessable(ERRORS.RANKING_UNKNOWN_PROVINCE, [{ field, problem: `${code} is not a known province code (GB/T 2260, e.g. 510000)` }]);
}

function assertExpected(expected: number | undefined, inEffect: number): void {
  if (expected !== undefined && expected !== inEffect) {
    throw DomainError.conflict(ERRORS.RANKING_VERSION_CONFLICT, `the weights in effect are at version ${inEffect}, not ${expected}`, { currentVersion: inEffect });
  }
}

const invalidWeights = (problems: { field: string; message: string }[]) =>
  DomainError.invalid(ERRORS.RANKING_WEIGHT_INVALID, problems.map(({ field, message }) => ({ field, problem: message })));

const by = (principal: Principal) => ({ sub: principal.sub, role: principal.role });
