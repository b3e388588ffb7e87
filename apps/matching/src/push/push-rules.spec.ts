import { MatchesFound, type MatchesFoundData, parseEvent, TOPICS } from '@laowu/contracts';
import { inDays, jobData, workerData } from '@laowu/testkit';
import { toJobDocument } from '../indexing/job.document';
import { toWorkerDocument } from '../indexing/worker.document';
import { isCrossRegionCandidate, isInstantCandidate } from './job-pushes.service';
import { MATCHES_PER_EVENT, matchesFoundEnvelopes, matchIdOf } from './matches-found.event';
import { becameAvailable, becameAvailableWithin } from './worker-available-pushes.service';

const now = new Date();

describe('which jobs are pushed, and in which lane', () => {
  const crossRegion = { crossRegion: { sourceRegionCodes: ['513400'] } };

  it('pushes gig and instant jobs in the instant lane, never as cross-region pushes', () => {
    const gig = toJobDocument(jobData({ kind: 'gig', instant: false, startAt: inDays(1), endAt: inDays(2), ...crossRegion }));
    const flagged = toJobDocument(jobData({ kind: 'fulltime', instant: true, ...crossRegion }));
    for (const job of [gig, flagged]) {
      expect(isInstantCandidate(job, now)).toBe(true);
      expect(isCrossRegionCandidate(job, now)).toBe(false);
    }
  });

  it('pushes a job recruiting from named regions in the standard lane, and one without source regions not at all', () => {
    expect(isCrossRegionCandidate(toJobDocument(jobData({ kind: 'fulltime', instant: false, ...crossRegion })), now)).toBe(true);
    const local = toJobDocument(jobData({ kind: 'fulltime', instant: false }));
    expect(isCrossRegionCandidate(local, now)).toBe(false);
    expect(isInstantCandidate(local, now)).toBe(false);
  });

  it('pushes no job that is closed, full, or already started or ended', () => {
    const base = { kind: 'fulltime' as const, instant: false, ...crossRegion };
    for (const job of [
      jobData({ ...base, status: 'closed' }),
      jobData({ ...base, filled: 10, headcount: 10 }),
      jobData({ ...base, startAt: inDays(-1) }),
      jobData({ ...base, endAt: inDays(-1) }),
    ]) expect(isCrossRegionCandidate(toJobDocument(job), now)).toBe(false);
  });
});

describe('becameAvailable (转岗服务, 十四)', () => {
  const worker = (overrides: Parameters<typeof workerData>[0] = {}) => toWorkerDocument(workerData({ employmentStatus: 'unemployed', ...overrides }));

  it('is true for a newly registered worker looking for work, false for one registered employed or unavailable', () => {
    expect(becameAvailable(worker({ version: 1 }), undefined)).toBe(true);
    expect(becameAvailable(worker({ version: 1, employmentStatus: 'seeking' }), undefined)).toBe(true);
    expect(becameAvailable(worker({ version: 1, employmentStatus: 'employed', available: false }), undefined)).toBe(false);
    expect(becameAvailable(worker({ version: 1, available: false }), undefined)).toBe(false);
  });

  it('is true when the status changes to unemployed or seeking, false for a profile edit or a replayed version', () => {
    expect(becameAvailable(worker({ version: 4 }), { version: 3, employmentStatus: 'employed' })).toBe(true);
    expect(becameAvailable(worker({ version: 4, employmentStatus: 'seeking' }), { version: 3, employmentStatus: 'unemployed' })).toBe(true);
    expect(becameAvailable(worker({ version: 4 }), { version: 3, employmentStatus: 'unemployed' })).toBe(false);
    expect(becameAvailable(worker({ version: 4 }), { version: 4, employmentStatus: 'employed' })).toBe(false);
    expect(becameAvailable(worker({ version: 4, employmentStatus: 'employed', available: false }), { version: 3, employmentStatus: 'unemployed' })).toBe(false);
  });

  it('is false for a worker first seen at a later version (matching joined after the registration)', () => {
    expect(becameAvailable(worker({ version: 7 }), undefined)).toBe(false);
  });
});

describe('becameAvailableWithin: several states of one worker in one batch', () => {
  const workerId = crypto.randomUUID();
  const state = (version: number, employmentStatus: 'employed' | 'unemployed' | 'seeking', available = true) =>
    toWorkerDocument(workerData({ workerId, version, employmentStatus, available }));

  it('sees a registration as employed and the unemployment recorded a moment later, arriving together (and in any order)', () => {
    expect(becameAvailableWithin([state(1, 'employed', false), state(2, 'unemployed')], undefined)).toBe(true);
    expect(becameAvailableWithin([state(2, 'unemployed'), state(1, 'employed', false)], undefined)).toBe(true);
  });

  it('sees a registration looking for work followed by a profile edit', () => {
    expect(becameAvailableWithin([state(1, 'unemployed'), state(2, 'unemployed')], undefined)).toBe(true);
  });

  it('is false when the worker is no longer looking at the batch’s last state, or nothing changed since what was seen', () => {
    expect(becameAvailableWithin([state(1, 'unemployed'), state(2, 'employed', false)], undefined)).toBe(false);
    expect(becameAvailableWithin([state(4, 'unemployed'), state(5, 'unemployed')], { version: 3, employmentStatus: 'unemployed' })).toBe(false);
    expect(becameAvailableWithin([state(4, 'employed', false), state(5, 'seeking')], { version: 3, employmentStatus: 'seeking' })).toBe(true);
  });
});

describe('matchesFoundEnvelopes', () => {
  it('sends one valid event per (job, station), best first, keyed by the station, with ids shared by every trigger', () => {
    const job = toJobDocument(jobData({ materialVersion: 3 }));
    const at = (stationId: string) => ({ worker: { workerId: crypto.randomUUID(), stationId }, score: 0, reasons: [{ factor: 'skills' as const, contribution: 1, detail: 'x' }] });
    const ranked = [at('station-a'), at('station-b'), at('station-a')].map((r, i) => ({ ...r, score: 3 - i }));
    const envelopes = matchesFoundEnvelopes('cross_region_job', [{ job, weightsVersion: 7, workers: ranked }], now, 'matching');
    expect(envelopes.map((e) => e.key)).toEqual(['station-a', 'station-b']);
    const [a] = envelopes;
    expect(a.data).toMatchObject({ trigger: 'cross_region_job', lane: 'standard', jobId: job.jobId, jobMaterialVersion: 3, stationId: 'station-a', weightsVersion: 7 });
    expect(a.data.matches.map((m) => m.score)).toEqual([3, 1]);
    expect(a.data.matches[0].matchId).toBe(matchIdOf(job.jobId, ranked[0].worker.workerId, 3));
    const instant = matchesFoundEnvelopes('instant_job', [{ job, weightsVersion: 7, workers: ranked }], now, 'matching')[0];
    expect(instant.data.lane).toBe('instant');
    expect(instant.data.matches[0].matchId).toBe(a.data.matches[0].matchId);
    for (const envelope of envelopes) {
      expect(parseEvent<MatchesFoundData>(TOPICS.matches, JSON.stringify(envelope)).data).toEqual(envelope.data);
    }
    expect(envelopes[0].type).toBe(MatchesFound.type);
  });

  it('reads an event published before runtime weights (no weightsVersion), and refuses a malformed one', () => {
    const job = toJobDocument(jobData({ materialVersion: 3 }));
    const ranked = [{ worker: { workerId: crypto.randomUUID(), stationId: 'station-a' }, score: 1, reasons: [] }];
    const [envelope] = matchesFoundEnvelopes('cross_region_job', [{ job, weightsVersion: 7, workers: ranked }], now, 'matching');
    const { weightsVersion: _dropped, ...old } = envelope.data;
    expect(parseEvent<MatchesFoundData>(TOPICS.matches, JSON.stringify({ ...envelope, data: old })).data.weightsVersion).toBeUndefined();
    expect(() => parseEvent<MatchesFoundData>(TOPICS.matches, JSON.stringify({ ...envelope, data: { ...old, weightsVersion: -1 } }))).toThrow();
    expect(() => parseEvent<MatchesFoundData>(TOPICS.matches, JSON.stringify({ ...envelope, data: { ...old, weightsVersion: 'v2' } }))).toThrow();
  });

  it('splits a station’s matches of one job over several events past MATCHES_PER_EVENT, best first throughout', () => {
    const job = toJobDocument(jobData());
    const workers = Array.from({ length: MATCHES_PER_EVENT + 20 }, (_, i) => ({
      worker: { workerId: crypto.randomUUID(), stationId: 'station-a' }, score: 1000 - i, reasons: [],
    }));
    const envelopes = matchesFoundEnvelopes('cross_region_job', [{ job, weightsVersion: 0, workers }], now, 'matching');
    expect(envelopes.map((e) => e.data.matches.length)).toEqual([MATCHES_PER_EVENT, 20]);
    expect(envelopes.flatMap((e) => e.data.matches.map((m) => m.score))).toEqual(workers.map((w) => w.score));
  });
});
