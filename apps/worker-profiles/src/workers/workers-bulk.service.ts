import { type Principal } from '@laowu/auth';
import { createValidationPipe, DomainError, mapWithConcurrency, RequestValidationError } from '@laowu/platform';
import { Injectable, Logger } from '@nestjs/common';
import { ERRORS } from '../worker-profiles.errors';
import { type BulkRowResult, type BulkRowStatus } from './bulk-registration.response.dto';
import { RegisterWorkerRequest } from './register-worker.request.dto';
import { canRead } from './worker.access';
import { type Worker } from './worker.entity';
import { isUniqueViolation, type RegisteredHolder, WorkersService } from './workers.service';

/**
 * Rows written at once, each in its own transaction: four keep a 1,000-row import to seconds
 * without taking the pool the app's other requests and event consumers need.
 */
const WRITE_CONCURRENCY = 4;

/** A row that passed every check of a single registration: what remains is whether its number is taken. */
interface Candidate {
  index: number;
  worker: Worker;
  statusGiven: boolean;
}

/**
 * Bulk registration (the station console's import). Every row is decided as POST /v1/workers
 * decides one — the same pipe and DTO, access before rules, the same codes — and written the same
 * way, in a transaction of its own (worker, status history entry, WorkerChanged event), in the
 * order of the rows, a few at a time (WRITE_CONCURRENCY). So a crash halfway leaves the rows before
 * it registered, each with its event, nothing of the rows after it, and of the few in flight each
 * either whole or not at all; importing the same rows again answers `exists` (with the id) for the
 * registered ones and registers the others. With `dryRun` nothing is written.
 */
@Injectable()
export class WorkersBulkService {
  private readonly logger = new Logger(WorkersBulkService.name);
  private readonly pipe = createValidationPipe();

  constructor(private readonly workers: WorkersService) {}

  async register(principal: Principal, rows: unknown[], dryRun: boolean): Promise<BulkRowResult[]> {
    const results: BulkRowResult[] = new Array(rows.length);
    const candidates: Candidate[] = [];
    for (const [index, row] of rows.entries()) {
      const checked = await this.check(principal, row, index);
      if ('status' in checked) results[index] = checked;
      else candidates.push(checked);
    }
    const toWrite = await this.newOnes(principal, candidates, results);
    if (dryRun) for (const { index } of toWrite) results[index] = { index, status: 'valid' };
    else for (const result of await mapWithConcurrency(toWrite, WRITE_CONCURRENCY, (candidate) => this.write(principal, candidate))) results[result.index] = result;
    this.logger.log({ rows: rows.length, dryRun, ...countByStatus(results) }, 'bulk registration');
    return results;
  }

  /**
   * Answers the candidates whose number is registered already (`exists`) or given by an earlier
   * row (`invalid`), and returns the rest: the workers to register.
   */
  private async newOnes(principal: Principal, candidates: Candidate[], results: BulkRowResult[]): Promise<Candidate[]> {
    const holders = await this.workers.registeredHolders(candidates.map((c) => c.worker.idNumberHash));
    const firstRowOf = new Map<string, number>();
    return candidates.filter((candidate) => {
      const hash = candidate.worker.idNumberHash.toString('hex');
      const earlier = firstRowOf.get(hash);
      const holder = holders.get(hash);
      if (earlier !== undefined) results[candidate.index] = duplicateOf(candidate.index, earlier);
      else if (holder) results[candidate.index] = existing(principal, candidate.index, holder);
      firstRowOf.set(hash, earlier ?? candidate.index);
      return earlier === undefined && !holder;
    });
  }

  /** The row's refusal (400/403/422 of a single POST), or the worker it would register. */
  private async check(principal: Principal, row: unknown, index: number): Promise<Candidate | BulkRowResult> {
    try {
      const request = await this.validate(row);
      return { index, worker: await this.workers.prepareRegistration(principal, request), statusGiven: request.employmentStatus !== undefined };
    } catch (error) {
      if (error instanceof DomainError) return refused(index, error);
      throw error;
    }
  }

  private async validate(row: unknown): Promise<RegisterWorkerRequest> {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw DomainError.invalid(ERRORS.REQUEST_INVALID, [{ field: '', problem: 'a worker must be a JSON object' }]);
    }
    try {
      return (await this.pipe.transform(row, { type: 'body', metatype: RegisterWorkerRequest })) as RegisterWorkerRequest;
    } catch (error) {
      if (error instanceof RequestValidationError) throw DomainError.invalid(ERRORS.REQUEST_INVALID, error.details);
      throw error;
    }
  }

  private async write(principal: Principal, candidate: Candidate): Promise<BulkRowResult> {
    const { index, worker } = candidate;
    try {
      await this.workers.insertRegistered(principal, worker, candidate.statusGiven);
      return { index, id: worker.id, status: 'created' };
    } catch (error) {
      if (isUniqueViolation(error)) {
        // Registered meanwhile (another call): answered as any registered number.
        const holder = (await this.workers.registeredHolders([worker.idNumberHash])).get(worker.idNumberHash.toString('hex'));
        if (holder) return existing(principal, index, holder);
      }
      this.logger.error({ row: index, error: (error as { code?: string }).code ?? (error as Error).name }, 'bulk registration: row not saved');
      return { index, status: 'failed', error: { code: ERRORS.WORKER_NOT_SAVED, message: 'the worker could not be saved, nothing of it was written; import the row again' } };
    }
  }
}

function refused(index: number, error: DomainError): BulkRowResult {
  return {
    index,
    status: error.status === 403 ? 'forbidden' : 'invalid',
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
}

/** `exists`, with the id only for a caller who may read that worker (as POST /v1/workers' 409). */
function existing(principal: Principal, index: number, holder: RegisteredHolder): BulkRowResult {
  return canRead(principal, holder) ? { index, id: holder.id, status: 'exists' } : { index, status: 'exists' };
}

function duplicateOf(index: number, earlier: number): BulkRowResult {
  const problem = `the same resident ID number as row ${earlier} of this request`;
  return { index, status: 'invalid', error: { code: ERRORS.WORKER_DUPLICATE_IN_REQUEST, message: `idNumber: ${problem}`, details: [{ field: 'idNumber', problem }] } };
}

function countByStatus(results: BulkRowResult[]): Partial<Record<BulkRowStatus, number>> {
  const counts: Partial<Record<BulkRowStatus, number>> = {};
  for (const { status } of results) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
