import {
  createEnvelope, deterministicUuid, type EventEnvelope, PlacementEnded, type PlacementEndedData, PlacementStarted, type PlacementStartedData,
} from '@laowu/contracts';
import { type PlacementEntity } from './placement.entity';

/**
 * The placement started: job-collection raises the job's `filled`, worker-profiles sets the worker
 * employed. Built field by field from the entity; the id is derived from the placement, so a
 * replay carries the same id and readers count it once.
 */
export function placementStartedEvent(placement: PlacementEntity, producer: string): EventEnvelope<PlacementStartedData> {
  return createEnvelope(
    PlacementStarted,
    {
      placementId: placement.id,
      workerId: placement.workerId,
      jobId: placement.jobId ?? undefined,
      agencyId: placement.agencyId ?? undefined,
      stationId: placement.stationId ?? undefined,
      batchId: placement.batchId ?? undefined,
      source: placement.source,
      employerId: placement.employerId ?? undefined,
      agreementId: placement.agreementId ?? undefined,
      employerName: placement.employerName,
      employerCreditCode: placement.employerCreditCode ?? undefined,
      regionCode: placement.regionCode,
      jobKind: placement.jobKind ?? undefined,
      concurrent: placement.concurrent,
      startDate: placement.startDate,
      plannedEndDate: placement.plannedEndDate ?? undefined,
      priorityGroups: placement.priorityGroups,
    },
    { producer, id: deterministicUuid(`dispatch.placement-started:${placement.id}`) },
  );
}

/** The placement ended (`endDate`, `endReason` set); `otherActivePlacements` counted after the end. */
export function placementEndedEvent(placement: PlacementEntity, otherActivePlacements: number, producer: string): EventEnvelope<PlacementEndedData> {
  return createEnvelope(
    PlacementEnded,
    {
      placementId: placement.id,
      workerId: placement.workerId,
      jobId: placement.jobId ?? undefined,
      agencyId: placement.agencyId ?? undefined,
      jobKind: placement.jobKind ?? undefined,
      endDate: placement.endDate!,
      reason: placement.endReason!,
      otherActivePlacements,
    },
    { producer, id: deterministicUuid(`dispatch.placement-ended:${placement.id}`) },
  );
}
