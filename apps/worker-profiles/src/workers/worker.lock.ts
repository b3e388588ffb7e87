import { DomainError } from '@laowu/platform';
import { type EntityManager } from 'typeorm';
import { ERRORS } from '../worker-profiles.errors';
import { Worker } from './worker.entity';

/** Loads a worker FOR UPDATE, so concurrent writes to one worker serialise and versions stay gap-free. */
export async function lockWorkerRow(manager: EntityManager, id: string): Promise<Worker> {
  const worker = await manager.findOne(Worker, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!worker) throw DomainError.notFound(ERRORS.WORKER_NOT_FOUND, 'worker');
  return worker;
}
