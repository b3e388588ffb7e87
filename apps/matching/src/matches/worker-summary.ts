import type { Role } from '@laowu/auth';
import { type PriorityGroup } from '@laowu/contracts';
import { type WorkerDocument } from '../indexing/worker.document';
import { isPriorityWorker } from '../ranking/factors/priority.factor';

/**
 * Roles that see which priority groups (脱贫人口, 监测对象, 搬迁群众) a candidate belongs to: the
 * public side. A private agency sees only `priority` (the worker ranks up as a poverty-alleviated
 * worker or monitoring target, without saying which) — what it needs to honour the priority; a
 * relocated worker shows as such only in the `relocation` reason of a job with a relocation quota.
 */
const SEES_PRIORITY_KINDS: readonly Role[] = ['admin', 'station', 'bureau'];

export interface WorkerSummary {
  stationId: string;
  ageYears: number;
  homeRegionCode: string;
  residenceRegionCode: string;
  skills: { code: string; level: number }[];
  certificates: { code: string; level: number }[];
  priority: boolean;
  priorityGroups?: PriorityGroup[];
  kinds: WorkerDocument['kinds'];
  willingToMigrate: boolean;
  maxCommuteKm: number;
  minWagePerDay?: number;
  available: boolean;
}

/** A worker as `viewer` sees them in a job's candidates: no name, ID number or phone exist in the index anyway. */
export function workerSummary(worker: WorkerDocument, viewer: Role): WorkerSummary {
  return {
    stationId: worker.stationId,
    ageYears: worker.ageYears,
    homeRegionCode: worker.homeRegionCode,
    residenceRegionCode: worker.residenceRegionCode,
    skills: worker.skills,
    certificates: worker.certificates,
    priority: isPriorityWorker(worker),
    ...(SEES_PRIORITY_KINDS.includes(viewer) ? { priorityGroups: worker.priorityGroups } : {}),
    kinds: worker.kinds,
    willingToMigrate: worker.willingToMigrate,
    maxCommuteKm: worker.maxCommuteKm,
    minWagePerDay: worker.minWagePerDay,
    available: worker.available,
  };
}
