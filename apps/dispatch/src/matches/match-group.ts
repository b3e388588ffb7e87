import { type EventEnvelope, type MatchesFoundData, MatchFound, type MatchFoundData } from '@laowu/contracts';

/** What the inbox consumes: MatchesFound (v1.1), or the per-pair MatchFound still on laowu.matches.v1 from before it. */
export type InboxEventData = MatchesFoundData | MatchFoundData;

/** One job's matches at one station, best first: MatchesFound as it is, a legacy MatchFound as a group of one. */
export function matchGroupOf(envelope: EventEnvelope<InboxEventData>): MatchesFoundData {
  return envelope.type === MatchFound.type ? legacyGroup(envelope.data as MatchFoundData) : (envelope.data as MatchesFoundData);
}

/** Before v1.1 only instant hiring (即时快招) pushed, so a legacy pair is an instant job's match in the instant lane. */
function legacyGroup(found: MatchFoundData): MatchesFoundData {
  const { matchId, workerId, score, reasons, stationId, jobId, jobMaterialVersion, job, createdAt } = found;
  return {
    stationId,
    trigger: 'instant_job',
    lane: 'instant',
    jobId,
    jobMaterialVersion,
    job,
    matches: [{ matchId, workerId, score, reasons }],
    createdAt,
  };
}
