import {
  EventEnvelope,
  MatchStatusChanged,
  MatchStatusChangedData,
  PlacementStarted,
  PlacementStartedData,
  WorkerArrived,
  WorkerArrivedData,
} from '@laowu/contracts';
import { cityCodeOf } from '@laowu/domain';
import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable } from '@nestjs/common';
import { type JobDocument } from '../indexing/job.document';
import { SearchIndices } from '../indexing/search-indices';
import { type Arrival, DispatchOutcomesStore, type MatchDecision } from './dispatch-outcomes.store';
import { OutcomeSignals } from './outcome-signals';

type JobFacts = Pick<JobDocument, 'agencyId' | 'kind' | 'cityCode'>;

const isDecision = (c: MatchStatusChangedData): c is MatchStatusChangedData & { status: MatchDecision['status'] } => c.status === 'accepted' || c.status === 'declined';

/**
 * Records a batch of laowu.dispatch.v1 events as outcomes (accepted and declined matches; arrivals
 * from WorkerArrived and PlacementStarted with a job) and refreshes the rate classes. `offered` and
 * `expired` are not outcomes of the job: an offer is not yet decided, an expiry is the station
 * not acting. The events name no agency, kind or city: they are read from the jobs index (a job
 * no longer there is recorded without them: it counts for its own rate only).
 *
 * Crash halfway: the write is one transaction, and the caller commits the batch's offsets only
 * after this resolves; a redelivered batch writes nothing twice (DispatchOutcomesStore's keys).
 */
@Injectable()
export class DispatchOutcomesRecorder {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
    private readonly store: DispatchOutcomesStore,
    private readonly signals: OutcomeSignals,
  ) {}

  async record(events: EventEnvelope[]): Promise<void> {
    const decided = events.filter((e) => e.type === MatchStatusChanged.type).map((e) => e.data as MatchStatusChangedData).filter(isDecision);
    const arrivals = events.flatMap((e) => arrivalOf(e));
    if (!decided.length && !arrivals.length) return;
    const facts = await this.jobFacts([...new Set(decided.map((d) => d.jobId))]);
    const decisions = decided.map((d): MatchDecision => {
      const job = facts.get(d.jobId);
      return { matchId: d.matchId, status: d.status, jobId: d.jobId, workerId: d.workerId, agencyId: job?.agencyId, jobKind: job?.kind, cityCode: job?.cityCode, changedAt: d.changedAt };
    });
    await this.store.record(decisions, arrivals);
    await this.signals.refreshSoon();
  }

  private async jobFacts(jobIds: string[]): Promise<Map<string, JobFacts>> {
    if (!jobIds.length) return new Map();
    await this.indices.ensured();
    const docs = await this.client.mget<JobFacts>(this.indices.jobs.alias, jobIds, { sourceIncludes: ['agencyId', 'kind', 'cityCode'] });
    return new Map(docs.flatMap((doc, i) => (doc ? [[jobIds[i], doc.source] as const] : [])));
  }
}

function arrivalOf(event: EventEnvelope): Arrival[] {
  if (event.type === WorkerArrived.type) {
    const data = event.data as WorkerArrivedData;
    return [{ jobId: data.jobId, workerId: data.workerId, cityCode: cityCodeOf(data.regionCode), arrivedAt: data.arrivedAt }];
  }
  if (event.type === PlacementStarted.type) {
    const data = event.data as PlacementStartedData;
    if (!data.jobId) return [];
    return [{ jobId: data.jobId, workerId: data.workerId, jobKind: data.jobKind, cityCode: cityCodeOf(data.regionCode), arrivedAt: `${data.startDate}T00:00:00+08:00` }];
  }
  return [];
}
