import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
import { type AppliedWeights, DEFAULT_WEIGHTS, type RankingWeights, storedRankingWeights, type WeightsSnapshot } from '../ranking/ranking-weights';

/** The NOTIFY channel of a weights change: every matching instance re-reads the weights on it. */
export const RANKING_WEIGHTS_CHANNEL = 'matching_ranking_weights';

/** 'global', or a province code (an override). */
export type WeightsScope = string;
export const GLOBAL_SCOPE = 'global';

/** One row of the audit trail: a change, who made it and why. `weights` null: the province's override removed. */
export interface WeightsVersion {
  version: number;
  scope: WeightsScope;
  weights: RankingWeights | null;
  changedBy: { sub: string; role: string };
  reason: string;
  changedAt: string;
}

/** The weights in effect, with the rows they come from (the admin's view). */
export interface CurrentWeights {
  snapshot: WeightsSnapshot;
  global: WeightsVersion | undefined;
  provinces: WeightsVersion[];
  /** The newest version of any scope: a snapshot read later is never older than one with a larger latest. */
  latest: number;
}

interface Row {
  version: string;
  scope: string;
  weights: unknown;
  changed_by_sub: string;
  changed_by_role: string;
  reason: string;
  changed_at: Date;
}

const COLUMNS = 'version, scope, weights, changed_by_sub, changed_by_role, reason, changed_at';

/**
 * matching.ranking_weight_versions: append-only, the latest row of each scope in effect. Rows are
 * checked on the way out as on the way in: a row that is not a valid full set fails the read
 * (the caller keeps the weights it had) rather than ranking with it.
 */
@Injectable()
export class RankingWeightVersionsStore {
  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<CurrentWeights> {
    const rows: Row[] = await manager.query(
      `SELECT DISTINCT ON (scope) ${COLUMNS} FROM "${SCHEMA}".ranking_weight_versions ORDER BY scope, version DESC`,
    );
    const versions = rows.map(toVersion);
    const global = versions.find((v) => v.scope === GLOBAL_SCOPE);
    const provinces = versions.filter((v) => v.scope !== GLOBAL_SCOPE && v.weights !== null);
    const applied = (v: WeightsVersion): AppliedWeights => ({ version: v.version, weights: v.weights! });
    return {
      snapshot: {
        global: global ? applied(global) : DEFAULT_WEIGHTS,
        provinces: new Map(provinces.map((v) => [v.scope, applied(v)])),
      },
      global,
      provinces,
      latest: Math.max(0, ...versions.map((v) => v.version)),
    };
  }

  /** Appends a version in the caller's transaction and tells every instance (the NOTIFY is sent at commit, and only then). */
  async append(manager: EntityManager, change: Omit<WeightsVersion, 'version' | 'changedAt'>): Promise<WeightsVersion> {
    const [row]: Row[] = await manager.query(
      `INSERT INTO "${SCHEMA}".ranking_weight_versions (scope, weights, changed_by_sub, changed_by_role, reason)
       VALUES ($1, $2::jsonb, $3, $4, $5) RETURNING ${COLUMNS}`,
      [change.scope, change.weights === null ? null : JSON.stringify(change.weights), change.changedBy.sub, change.changedBy.role, change.reason],
    );
    await manager.query(`SELECT pg_notify($1, $2)`, [RANKING_WEIGHTS_CHANNEL, row.version]);
    return toVersion(row);
  }

  /** Newest first; one scope or all. */
  async history(scope: WeightsScope | undefined, limit: number): Promise<WeightsVersion[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM "${SCHEMA}".ranking_weight_versions WHERE ($1::text IS NULL OR scope = $1) ORDER BY version DESC LIMIT $2`,
      [scope ?? null, limit],
    );
    return rows.map(toVersion);
  }
}

function toVersion(row: Row): WeightsVersion {
  return {
    version: Number(row.version),
    scope: row.scope,
    weights: row.weights === null ? null : storedRankingWeights(row.weights),
    changedBy: { sub: row.changed_by_sub, role: row.changed_by_role },
    reason: row.reason,
    changedAt: row.changed_at.toISOString(),
  };
}
