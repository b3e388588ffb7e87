import { randomUUID } from 'node:crypto';
import { createEnvelope } from './envelope/create-envelope';
import { parseEvent } from './registry';
import { TOPICS } from './topics';
import { WorkerArrived, type WorkerArrivedData } from './dispatch/worker-arrived/worker-arrived.event';

const arrival = (): WorkerArrivedData => ({
  batchId: randomUUID(),
  jobId: randomUUID(),
  workerId: randomUUID(),
  agencyId: 'agency-1',
  regionCode: '440306',
  priorityGroups: [],
  arrivedAt: new Date().toISOString(),
});

describe('parseEvent', () => {
  it('accepts a valid envelope and returns it as sent', () => {
    const envelope = createEnvelope(WorkerArrived, arrival(), { producer: 'test' });
    expect(parseEvent(TOPICS.dispatch, JSON.stringify(envelope))).toEqual(envelope);
  });

  it('names every problem of a bad message', () => {
    const envelope = createEnvelope(WorkerArrived, { ...arrival(), regionCode: 'x', jobId: 'nope' }, { producer: 'test' });
    expect(() => parseEvent(TOPICS.dispatch, JSON.stringify(envelope))).toThrow(/data\.jobId.*data\.regionCode|data\.regionCode.*data\.jobId/);
  });

  it('refuses unknown fields, unknown types, wrong keys and non-JSON', () => {
    const envelope = createEnvelope(WorkerArrived, arrival(), { producer: 'test' });
    expect(() => parseEvent(TOPICS.dispatch, JSON.stringify({ ...envelope, data: { ...envelope.data, idNumber: '1' } }))).toThrow(/idNumber/);
    expect(() => parseEvent(TOPICS.jobs, JSON.stringify(envelope))).toThrow(/not a contract/);
    expect(() => parseEvent(TOPICS.dispatch, JSON.stringify({ ...envelope, key: 'other' }))).toThrow(/aggregate id/);
    expect(() => parseEvent(TOPICS.dispatch, '{')).toThrow(/not JSON/);
    expect(() => parseEvent(TOPICS.dispatch, null)).toThrow(/no value/);
  });
});
