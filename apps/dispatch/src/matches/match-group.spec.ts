import { createEnvelope, MatchesFound, type MatchesFoundData, MatchFound, type MatchFoundData } from '@laowu/contracts';
import { matchGroupOf } from './match-group';

const job: MatchFoundData['job'] = {
  title: '电子厂普工',
  kind: 'gig',
  agencyId: 'agency-1',
  wage: { min: 180, max: 240, unit: 'day' },
  location: { regionCode: '440306', lat: 22.55, lon: 113.88 },
  instant: true,
  headcountLeft: 3,
};

describe('matchGroupOf', () => {
  it('takes a MatchesFound as it is', () => {
    const data: MatchesFoundData = {
      stationId: 'station-1', trigger: 'cross_region_job', lane: 'standard', jobId: '5b7f3c2e-1d4a-4b8e-9f6a-2c3d4e5f6a7b', jobMaterialVersion: 2, job,
      matches: [{ matchId: '0f1e2d3c-4b5a-4968-8776-655443322110', workerId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', score: 3.5, reasons: [] }],
      createdAt: '2026-11-01T08:00:00.000Z',
    };
    expect(matchGroupOf(createEnvelope(MatchesFound, data, { producer: 'matching' }))).toBe(data);
  });

  it('makes a legacy MatchFound a group of one: an instant job in the instant lane', () => {
    const found: MatchFoundData = {
      matchId: '0f1e2d3c-4b5a-4968-8776-655443322110', jobId: '5b7f3c2e-1d4a-4b8e-9f6a-2c3d4e5f6a7b', jobMaterialVersion: 1,
      workerId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', stationId: 'station-1', score: 0.87,
      reasons: [{ factor: 'distance', contribution: 0.4, detail: '12 km' }], job, createdAt: '2026-11-01T08:00:00.000Z',
    };
    expect(matchGroupOf(createEnvelope(MatchFound, found, { producer: 'matching' }))).toEqual({
      stationId: 'station-1', trigger: 'instant_job', lane: 'instant', jobId: found.jobId, jobMaterialVersion: 1, job,
      matches: [{ matchId: found.matchId, workerId: found.workerId, score: 0.87, reasons: found.reasons }],
      createdAt: found.createdAt,
    });
  });
});
