import { DomainError } from '@laowu/platform';
import { type EntityManager, In } from 'typeorm';
import { EmployerEntity } from '../employers/employer.entity';
import { ERRORS } from '../job-collection.errors';

/** The 422 of an `employerId` that names no registered employer. */
export function unknownEmployer(employerId: string): DomainError {
  return DomainError.unprocessable(ERRORS.JOB_UNKNOWN_REFERENCE, [
    { field: 'employerId', problem: `${employerId} is not a registered employer (POST /v1/employers)` },
  ]);
}

/** Throws 422 JOB.UNKNOWN_REFERENCE (employerId) unless the job names no employer or a registered one. */
export async function assertEmployerRegistered(manager: EntityManager, employerId: string | undefined): Promise<void> {
  if (employerId === undefined) return;
  if (!(await manager.existsBy(EmployerEntity, { id: employerId }))) throw unknownEmployer(employerId);
}

/** Which of these employer ids are registered (one query, for a bulk load). */
export async function registeredEmployerIds(manager: EntityManager, ids: (string | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== undefined))];
  if (!wanted.length) return new Set();
  const rows = await manager.find(EmployerEntity, { select: { id: true }, where: { id: In(wanted) } });
  return new Set(rows.map((row) => row.id));
}
