import { DomainError } from '@laowu/platform';
import { inDays } from '@laowu/testkit';
import { type DataSource } from 'typeorm';
import { BulkJobsService, FALLBACK_CONCURRENCY } from './bulk-jobs.service';
import { JobEntity } from './job.entity';
import { type JobsService } from './jobs.service';

const item = (headcount: number) => ({
  externalId: `X-${headcount}`, title: '普工', kind: 'fulltime', headcount, wage: { min: 1, max: 2, unit: 'day' }, location: { regionCode: '440306' }, endAt: inDays(5),
});

describe('BulkJobsService when a whole chunk fails', () => {
  it('writes the chunk’s items one by one, so one failing item does not fail the others', async () => {
    const dataSource = { transaction: jest.fn().mockRejectedValue(new Error('value out of range')) } as unknown as DataSource;
    const jobs = {
      create: jest.fn(async (_agency: string, request: { headcount: number }) => {
        if (request.headcount === 2) throw new Error('value out of range');
        if (request.headcount === 3) throw DomainError.conflict('JOB.EXTERNAL_ID_CONFLICT', 'used');
        return { job: Object.assign(new JobEntity(), { id: `id-${request.headcount}` }), created: true };
      }),
    } as unknown as JobsService;
    const results = await new BulkJobsService(dataSource, jobs, 'job-collection').create('agency-1', [item(1), item(2), item(3), { title: '' }]);
    expect(results.map((r) => [r.index, r.status, r.id, r.error?.code])).toEqual([
      [0, 201, 'id-1', undefined],
      [1, 500, undefined, 'JOB.NOT_SAVED'],
      [2, 409, undefined, 'JOB.EXTERNAL_ID_CONFLICT'],
      [3, 400, undefined, 'REQUEST.INVALID'],
    ]);
    expect(jobs.create).toHaveBeenCalledTimes(3);
  });
});

describe('BulkJobsService fallback concurrency', () => {
  it('writes a failed chunk’s items a few at a time, never all at once', async () => {
    const dataSource = { transaction: jest.fn().mockRejectedValue(new Error('value out of range')) } as unknown as DataSource;
    let running = 0;
    let peak = 0;
    const jobs = {
      create: jest.fn(async (_agency: string, request: { headcount: number }) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return { job: Object.assign(new JobEntity(), { id: `id-${request.headcount}` }), created: true };
      }),
    } as unknown as JobsService;
    const items = Array.from({ length: 200 }, (_, n) => item(n + 1));
    const results = await new BulkJobsService(dataSource, jobs, 'job-collection').create('agency-1', items);
    expect(results.map((r) => r.status)).toEqual(items.map(() => 201));
    expect(results.map((r) => r.id)).toEqual(items.map((_, n) => `id-${n + 1}`));
    expect(peak).toBe(FALLBACK_CONCURRENCY);
    expect(FALLBACK_CONCURRENCY).toBeLessThanOrEqual(4);
  });
});
