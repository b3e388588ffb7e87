import { jobData, workerData } from '@laowu/testkit';
import { Logger } from '@nestjs/common';
import { type DataSource } from 'typeorm';
import { toJobDocument } from '../indexing/job.document';
import { toWorkerDocument } from '../indexing/worker.document';
import { type MatchingConfig } from '../matching.config';
import { LiveRankingWeights } from './live-ranking-weights';
import { type CurrentWeights, type RankingWeightVersionsStore } from './ranking-weight-versions.store';
import { DEFAULT_WEIGHTS } from '../ranking/ranking-weights';

const D = DEFAULT_WEIGHTS.weights;
const global = { version: 3, weights: { ...D, distance: 6 } };
const guangdong = { version: 5, weights: { ...D, skills: 0.5 } };
const read = (latest: number, provinces: [string, typeof global][] = []): CurrentWeights => ({
  snapshot: { global, provinces: new Map(provinces) },
  global: undefined,
  provinces: [],
  latest,
});

function live(reads: (() => Promise<CurrentWeights>)[]): LiveRankingWeights {
  const store = { current: jest.fn(() => reads.shift()!()) } as unknown as RankingWeightVersionsStore;
  return new LiveRankingWeights(store, {} as DataSource, { RANKING_WEIGHTS_REFRESH_SECONDS: 60 } as MatchingConfig);
}

describe('LiveRankingWeights', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  it('picks the worker’s residence province for a worker ranking and the job’s province for a job ranking', async () => {
    const weights = live([() => Promise.resolve(read(5, [['440000', guangdong]]))]);
    await weights.onModuleInit();
    // A worker living in Shenzhen (广东) whose home is Sichuan, and the other way round.
    const inGuangdong = toWorkerDocument(workerData({ homeRegionCode: '511502', residenceRegionCode: '440306' }));
    const inSichuan = toWorkerDocument(workerData({ homeRegionCode: '440306', residenceRegionCode: '511502' }));
    expect(weights.forWorker(inGuangdong)).toBe(guangdong);
    expect(weights.forWorker(inSichuan)).toBe(global);
    expect(weights.forJob(toJobDocument(jobData({ location: { regionCode: '440306', lat: 22.55, lon: 113.88 } })))).toBe(guangdong);
    expect(weights.forJob(toJobDocument(jobData({ location: { regionCode: '511502', lat: 28.77, lon: 104.63 } })))).toBe(global);
  });

  it('keeps the last good weights when a reload fails, and takes the next good one', async () => {
    const newer = { version: 9, weights: { ...D, wage: 4 } };
    const weights = live([
      () => Promise.resolve(read(3)),
      () => Promise.reject(new Error('invalid ranking weights: weights.skills must be between 0 and 100')),
      () => Promise.resolve({ ...read(9), snapshot: { global: newer, provinces: new Map() } }),
    ]);
    await weights.onModuleInit();
    await expect(weights.reload()).resolves.toBe(false);
    expect(weights.forJob({ provinceCode: '440000' })).toBe(global);
    await expect(weights.reload()).resolves.toBe(true);
    expect(weights.forJob({ provinceCode: '440000' })).toBe(newer);
  });

  it('drops a read older than the weights it holds (two reloads crossing)', async () => {
    const older = { version: 2, weights: { ...D, age: 3 } };
    const weights = live([() => Promise.resolve(read(3)), () => Promise.resolve({ ...read(2), snapshot: { global: older, provinces: new Map() } })]);
    await weights.onModuleInit();
    await weights.reload();
    expect(weights.forJob({ provinceCode: undefined })).toBe(global);
  });

  it('does not start when the first read fails', async () => {
    await expect(live([() => Promise.reject(new Error('database down'))]).onModuleInit()).rejects.toThrow('database down');
  });
});
