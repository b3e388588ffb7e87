import {
  type BatchState, BatchStateChanged, type BatchStateChangedData, createEnvelope, deterministicUuid, type EventEnvelope, WorkerArrived, type WorkerArrivedData,
} from '@laowu/contracts';
import { type BatchWorkerEntity } from './batch-worker.entity';
import { type BatchEntity } from './batch.entity';

/** A worker of the batch arrived at the destination (the job's `filled` count and the worker's status follow it). */
export function workerArrivedEvent(batch: BatchEntity, seat: BatchWorkerEntity, producer: string): EventEnvelope<WorkerArrivedData> {
  return createEnvelope(
    WorkerArrived,
    {
      batchId: batch.id,
      jobId: seat.jobId,
      workerId: seat.workerId,
      agencyId: seat.agencyId,
      employer: batch.employer ?? undefined,
      regionCode: batch.destinationRegionCode,
      priorityGroups: seat.priorityGroups,
      arrivedAt: new Date(seat.arrivedAt!).toISOString(),
    },
    // One arrival per worker and batch: the same id whatever happens, so readers dedupe on it.
    { producer, id: deterministicUuid(`dispatch.worker-arrived:${batch.id}:${seat.workerId}`) },
  );
}

/** The batch moved from `batch.state` to `next`, carrying whoever is on board (no-shows left out). */
export function batchStateChangedEvent(
  batch: BatchEntity,
  next: BatchState,
  onBoard: BatchWorkerEntity[],
  producer: string,
): EventEnvelope<BatchStateChangedData> {
  return createEnvelope(
    BatchStateChanged,
    {
      batchId: batch.id,
      state: next,
      previousState: batch.state,
      workerIds: onBoard.map((s) => s.workerId),
      seatsTaken: onBoard.length,
      at: new Date().toISOString(),
    },
    { producer },
  );
}
