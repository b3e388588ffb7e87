import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { BatchStateChanged, BatchStateChangedData } from './dispatch/batch-state-changed/batch-state-changed.event';
import { PlacementEnded, PlacementEndedData } from './dispatch/placement-ended/placement-ended.event';
import { PlacementStarted, PlacementStartedData } from './dispatch/placement-started/placement-started.event';
import { WorkerArrived, WorkerArrivedData } from './dispatch/worker-arrived/worker-arrived.event';
import { type EventDefinition } from './envelope/create-envelope';
import { EventEnvelope } from './envelope/event-envelope';
import { JobChanged, JobChangedData } from './jobs/job-changed/job-changed.event';
import { MatchFound, MatchFoundData } from './matches/match-found/match-found.event';
import { MatchesFound, MatchesFoundData } from './matches/matches-found/matches-found.event';
import { MatchStatusChanged, MatchStatusChangedData } from './dispatch/match-status-changed/match-status-changed.event';
import { EmployerRegistered, EmployerRegisteredData } from './reference/employer-registered/employer-registered.event';
import { LaborBrandChanged, LaborBrandChangedData } from './reference/labor-brand-changed/labor-brand-changed.event';
import { TrainingCourseChanged, TrainingCourseChangedData } from './reference/training-course-changed/training-course-changed.event';
import { SharingAgreed, SharingAgreedData } from './sharing/sharing-agreed/sharing-agreed.event';
import { SharingPostChanged, SharingPostChangedData } from './sharing/sharing-post-changed/sharing-post-changed.event';
import { TOPICS } from './topics';
import { WorkerChanged, WorkerChangedData } from './workers/worker-changed/worker-changed.event';

interface Contract {
  definition: EventDefinition<any>;
  dataClass: new () => object;
}

/** Which event types may appear on which topic, and the class their `data` must satisfy. */
export const CONTRACTS: Record<string, readonly Contract[]> = {
  [TOPICS.jobs]: [{ definition: JobChanged, dataClass: JobChangedData }],
  [TOPICS.jobsInstant]: [{ definition: JobChanged, dataClass: JobChangedData }],
  [TOPICS.workers]: [{ definition: WorkerChanged, dataClass: WorkerChangedData }],
  // MatchFound (one pair per event) is what matching published before v1.1; still read, never written.
  [TOPICS.matches]: [
    { definition: MatchesFound, dataClass: MatchesFoundData },
    { definition: MatchFound, dataClass: MatchFoundData },
  ],
  [TOPICS.matchesInstant]: [{ definition: MatchesFound, dataClass: MatchesFoundData }],
  [TOPICS.dispatch]: [
    { definition: WorkerArrived, dataClass: WorkerArrivedData },
    { definition: BatchStateChanged, dataClass: BatchStateChangedData },
    { definition: MatchStatusChanged, dataClass: MatchStatusChangedData },
    { definition: PlacementStarted, dataClass: PlacementStartedData },
    { definition: PlacementEnded, dataClass: PlacementEndedData },
  ],
  [TOPICS.sharing]: [
    { definition: SharingPostChanged, dataClass: SharingPostChangedData },
    { definition: SharingAgreed, dataClass: SharingAgreedData },
  ],
  [TOPICS.reference]: [
    { definition: EmployerRegistered, dataClass: EmployerRegisteredData },
    { definition: LaborBrandChanged, dataClass: LaborBrandChangedData },
    { definition: TrainingCourseChanged, dataClass: TrainingCourseChangedData },
  ],
};

export class EventValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid event: ${problems.slice(0, 10).join('; ')}`);
  }
}

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true } as const;

function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/**
 * Parses and validates a raw message read from `topic`: the envelope, then `data` against the
 * contract of its type. Throws EventValidationError naming every problem.
 */
export function parseEvent<TData = unknown>(topic: string, raw: Buffer | string | null): EventEnvelope<TData> {
  if (raw === null) throw new EventValidationError(['message has no value']);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch {
    throw new EventValidationError(['value is not JSON']);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new EventValidationError(['value is not a JSON object']);
  }
  // The envelope's own fields first; `data` (the bulk of the message) is transformed once, below,
  // into its contract's class: here a stand-in of the same shape keeps the envelope's checks on it.
  const { data: rawData, ...head } = json as Record<string, unknown>;
  const isObject = typeof rawData === 'object' && rawData !== null && !Array.isArray(rawData);
  const envelope = plainToInstance(EventEnvelope, { ...head, data: isObject ? {} : rawData });
  const envelopeProblems = describe(validateSync(envelope, { forbidUnknownValues: false }));
  if (envelopeProblems.length) throw new EventValidationError(envelopeProblems);

  const contract = (CONTRACTS[topic] ?? []).find(
    (c) => c.definition.type === envelope.type && c.definition.schemaVersion === envelope.schemaVersion,
  );
  if (!contract) {
    throw new EventValidationError([`type ${envelope.type} v${envelope.schemaVersion} is not a contract of ${topic}`]);
  }
  const data = plainToInstance(contract.dataClass, rawData);
  const dataProblems = describe(validateSync(data, VALIDATION), 'data');
  if (dataProblems.length) throw new EventValidationError(dataProblems);
  const expectedKey = contract.definition.keyOf(data);
  if (expectedKey !== envelope.key) {
    throw new EventValidationError([`key ${envelope.key} is not the aggregate id ${expectedKey}`]);
  }
  return { ...(json as EventEnvelope<TData>), data: (json as EventEnvelope<TData>).data };
}
