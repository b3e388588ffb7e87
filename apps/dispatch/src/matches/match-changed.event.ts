import { createEnvelope, type EventEnvelope, MatchStatusChanged, type MatchStatusChangedData } from '@laowu/contracts';
import { type MatchEntity } from './match.entity';

/** The match's status after a station's action: matching never pushes or lists a declined pair again. */
export function matchStatusChangedEvent(match: MatchEntity, producer: string): EventEnvelope<MatchStatusChangedData> {
  return createEnvelope(
    MatchStatusChanged,
    {
      matchId: match.id,
      jobId: match.jobId,
      workerId: match.workerId,
      stationId: match.stationId,
      status: match.status,
      changedAt: match.statusChangedAt.toISOString(),
    },
    { producer },
  );
}
