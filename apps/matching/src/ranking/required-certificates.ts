import { CERTIFICATES } from '@laowu/domain';
import { type JobDocument, UNREGISTERED_CERTIFICATE } from '../indexing/job.document';
import { certificateValidityKey, NO_END, type WorkerDocument } from '../indexing/worker.document';
import { type Json } from './factors/factor';

/**
 * 十: a job's `requiredCertificates` (特种作业操作证, 特种设备作业人员证 …) are a hard filter. A
 * worker is matched with the job only when they hold each of them, still valid today: a
 * certificate counts through its `validUntil` day (China time) and, without one, has no known end.
 * Applied in both engine queries (so every path — candidates, matches, instant, cross-region and
 * worker-available pushes — and the score-bound pruning stay exact) and here for one pair.
 *
 * The index keeps it cheap: a worker's `certificateValidity` holds `code@validUntil` keywords
 * (`code@9999-12-31` without an end), so "holds `code`, valid today" is one keyword range
 * [`code@today`, `code@9999-12-31`] (codes carry no `@`, dates sort as text). For a worker's jobs,
 * the few registered certificates they do not validly hold are excluded with one `terms`.
 */

/** Today's date in China (UTC+8), as certificate validity is read. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The codes of the certificates the worker holds, valid on `now`'s day. */
export function validCertificateCodes(worker: Pick<WorkerDocument, 'certificateValidity'>, now: Date): Set<string> {
  const today = chinaDate(now);
  const valid = new Set<string>();
  for (const key of worker.certificateValidity ?? []) {
    const at = key.lastIndexOf('@');
    if (key.slice(at + 1) >= today) valid.add(key.slice(0, at));
  }
  return valid;
}

/** Whether the worker validly holds every certificate the job requires (none required: yes). */
export function holdsRequiredCertificates(job: Pick<JobDocument, 'requiredCertificates'>, worker: Pick<WorkerDocument, 'certificateValidity'>, now: Date): boolean {
  const required = job.requiredCertificates ?? [];
  if (!required.length) return true;
  const valid = validCertificateCodes(worker, now);
  return required.every((code) => valid.has(code));
}

/** Filter clauses on the workers for a job: each required certificate held and valid today. */
export function certifiedWorkersFor(job: Pick<JobDocument, 'requiredCertificates'>, now: Date): Json[] {
  const today = chinaDate(now);
  return [...new Set(job.requiredCertificates ?? [])].map((code) => ({
    range: { certificateValidity: { gte: certificateValidityKey(code, today), lte: certificateValidityKey(code, NO_END) } },
  }));
}

/**
 * Filter clauses on the jobs for a worker: none requiring a registered certificate the worker
 * does not validly hold (CERTIFICATES is the finite list a job may require), nor one outside the
 * registry (indexed as UNREGISTERED_CERTIFICATE, which nobody holds).
 */
export function jobsCertifiedFor(worker: Pick<WorkerDocument, 'certificateValidity'>, now: Date): Json[] {
  const valid = validCertificateCodes(worker, now);
  const lacking = [...CERTIFICATES.map((c) => c.code).filter((code) => !valid.has(code)), UNREGISTERED_CERTIFICATE];
  return [{ bool: { must_not: { terms: { requiredCertificates: lacking } } } }];
}
