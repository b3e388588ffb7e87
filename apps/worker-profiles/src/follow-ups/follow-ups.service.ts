import { Principal } from '@laowu/auth';
import { redactPersonalNumbers } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { PiiCipher } from '../pii/pii-cipher';
import { ERRORS } from '../worker-profiles.errors';
import { Worker } from '../workers/worker.entity';
import { canReadFollowUps, canRecordFollowUp, forbiddenFollowUps } from './follow-up.access';
import { FollowUp } from './follow-up.entity';
import { RecordFollowUpRequest } from './record-follow-up.request.dto';

/** A station's clock may run a little ahead of ours: `at` up to this far in the future still counts as now. */
const CLOCK_SKEW_MS = 60_000;

/** A follow-up with its note decrypted (already redacted when it was written). */
export interface ReadFollowUp {
  followUp: FollowUp;
  note: string | null;
}

/**
 * The follow-up ledger (帮扶台账, 十三): a station records its calls and visits to the workers it
 * registered. Recording is one transaction (read the worker, insert the row): a crash halfway
 * leaves nothing, and a retry simply records the follow-up (there is no idempotency key: two
 * retries make two entries, which the ledger shows as such). Nothing is published: a follow-up
 * changes neither the worker's status nor anything another app holds.
 */
@Injectable()
export class FollowUpsService {
  private readonly logger = new Logger(FollowUpsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  /**
   * Access first (the same 403 for another station's worker and a missing one; admin: 404), then
   * the times (422 naming `at` or `nextDueAt`). The note is redacted (redactPersonalNumbers) and
   * encrypted before it reaches the database; it is never logged.
   */
  async record(principal: Principal, workerId: string, request: RecordFollowUpRequest, now = new Date()): Promise<ReadFollowUp> {
    return this.dataSource.transaction(async (manager) => {
      const worker = await this.workerFor(manager, principal, workerId);
      if (!canRecordFollowUp(principal, worker)) throw forbiddenFollowUps();
      const { at, nextDueAt } = checkedTimes(request, now);
      const id = randomUUID();
      const note = request.note === undefined ? null : redactPersonalNumbers(request.note);
      const followUp: FollowUp = {
        id,
        workerId,
        kind: request.kind,
        at,
        outcome: request.outcome,
        noteEnc: note === null ? null : this.cipher.encrypt(note, id, 'followUpNote'),
        nextDueAt,
        recordedBy: `${principal.role}:${principal.sub}`,
        recordedAt: now,
      };
      await manager.insert(FollowUp, followUp);
      this.logger.log({ followUpId: id, workerId, kind: followUp.kind, outcome: followUp.outcome }, 'follow-up recorded');
      return { followUp, note };
    });
  }

  /** The worker's follow-ups, newest first (by `at`, then by when they were recorded). */
  async listForWorker(principal: Principal, workerId: string): Promise<ReadFollowUp[]> {
    const worker = await this.workerFor(this.dataSource.manager, principal, workerId);
    if (!canReadFollowUps(principal, worker)) throw forbiddenFollowUps();
    const followUps = await this.dataSource.getRepository(FollowUp).find({ where: { workerId }, order: { at: 'DESC', recordedAt: 'DESC' } });
    return followUps.map((followUp) => ({ followUp, note: this.noteOf(followUp) }));
  }

  noteOf(followUp: Pick<FollowUp, 'id' | 'noteEnc'>): string | null {
    return followUp.noteEnc === null ? null : this.cipher.decrypt(followUp.noteEnc, followUp.id, 'followUpNote');
  }

  private async workerFor(manager: EntityManager, principal: Principal, workerId: string): Promise<Pick<Worker, 'id' | 'stationId' | 'residenceRegionCode'>> {
    const worker = await manager.findOne(Worker, { where: { id: workerId }, select: { id: true, stationId: true, residenceRegionCode: true } });
    if (worker) return worker;
    throw principal.role === 'admin' ? DomainError.notFound(ERRORS.WORKER_NOT_FOUND, 'worker') : forbiddenFollowUps();
  }
}

function checkedTimes(request: RecordFollowUpRequest, now: Date): { at: Date; nextDueAt: Date | null } {
  const at = new Date(request.at);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw DomainError.unprocessable(ERRORS.FOLLOW_UP_FUTURE_AT, [{ field: 'at', problem: 'must not be in the future' }]);
  }
  const nextDueAt = request.nextDueAt === undefined ? null : new Date(request.nextDueAt);
  if (nextDueAt && nextDueAt <= at) {
    throw DomainError.unprocessable(ERRORS.FOLLOW_UP_NEXT_DUE_NOT_AFTER_AT, [{ field: 'nextDueAt', problem: 'must be after at' }]);
  }
  return { at, nextDueAt };
}
