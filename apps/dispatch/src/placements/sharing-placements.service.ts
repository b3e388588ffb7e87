import { deterministicUuid, type EventEnvelope, type SharingAgreedData, TOPICS } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { APP_NAME } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { SCHEMA } from '../schema';
import { WorkerViewEntity } from '../views/worker-view.entity';
import { insertPlacement, lockWorkers } from './placement-ledger';
import { PlacementEntity } from './placement.entity';

/** The id of the placement an agreement makes for a worker: the same on every delivery of the event. */
export function sharingPlacementId(agreementId: string, workerId: string): string {
  return deterministicUuid(`dispatch.sharing-placement:${agreementId}:${workerId}`);
}

/**
 * 共享用工 (二): a SharingAgreed places each named worker with the borrowing employer (`source`
 * sharing, `concurrent`: the worker keeps the lending employer's job and returns to it), from the
 * start date to the return date, when the expiry sweeper ends it (`contract_end`).
 *
 * Exactly once per (agreement, worker): the placement id derives from both, and the agreement's
 * placements already made are skipped, under the workers' locks, in one transaction with their
 * PlacementStarted (outbox) — a redelivered event changes nothing, a crash halfway leaves nothing.
 * A worker dispatch's view does not know is skipped with a warning (ids only, no personal data)
 * rather than holding up the others or dead-lettering the agreement.
 */
@Injectable()
export class SharingPlacementsService {
  private readonly logger = new Logger(SharingPlacementsService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async applyAgreement(agreement: SharingAgreedData): Promise<void> {
    const workerIds = [...new Set(agreement.workerIds)];
    if (!workerIds.length) return;
    if (agreement.returnDate < agreement.startDate) {
      this.logger.warn({ agreementId: agreement.agreementId }, 'sharing agreement returns before it starts: nobody placed');
      return;
    }
    const unknown: string[] = [];
    const placed = await this.dataSource.transaction(async (manager) => {
      await lockWorkers(manager, workerIds);
      const workers = new Map((await manager.findBy(WorkerViewEntity, { workerId: In(workerIds) })).map((w) => [w.workerId, w]));
      const already = new Set(
        (await manager.find(PlacementEntity, { select: { workerId: true }, where: { agreementId: agreement.agreementId, workerId: In(workerIds) } })).map(
          (p) => p.workerId,
        ),
      );
      const events: EventEnvelope[] = [];
      for (const workerId of workerIds) {
        if (already.has(workerId)) continue;
        const worker = workers.get(workerId);
        if (!worker) {
          unknown.push(workerId);
          continue;
        }
        events.push(await insertPlacement(manager, sharingPlacement(agreement, worker), this.producer));
      }
      await appendToOutbox(manager, SCHEMA, TOPICS.dispatch, events);
      return events.length;
    });
    if (unknown.length) {
      this.logger.warn({ agreementId: agreement.agreementId, workerIds: unknown }, 'sharing agreement names workers dispatch does not know: not placed');
    }
    if (placed) this.logger.log({ agreementId: agreement.agreementId, placed }, 'sharing agreement placed its workers');
  }
}

function sharingPlacement(agreement: SharingAgreedData, worker: WorkerViewEntity): PlacementEntity {
  const { borrower } = agreement;
  return {
    id: sharingPlacementId(agreement.agreementId, worker.workerId),
    workerId: worker.workerId,
    jobId: null,
    matchId: null,
    batchId: null,
    source: 'sharing',
    agencyId: agreement.agencyId,
    stationId: worker.stationId,
    employerId: borrower.employerId,
    agreementId: agreement.agreementId,
    employerName: borrower.name,
    employerCreditCode: borrower.creditCode,
    regionCode: borrower.regionCode,
    workerRegionCode: worker.residenceRegionCode,
    jobKind: null,
    priorityGroups: worker.priorityGroups,
    concurrent: true,
    wage: null,
    startDate: agreement.startDate,
    plannedEndDate: agreement.returnDate,
    endDate: null,
    endReason: null,
    active: true,
    createdBy: `agreement:${agreement.agreementId}`,
    createdAt: new Date(),
    endedAt: null,
  };
}
