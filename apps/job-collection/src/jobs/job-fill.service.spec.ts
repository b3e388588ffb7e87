import { type JobChangedData, type PlacementEndedData, type PlacementStartedData, TOPICS } from '@laowu/contracts';
import { type DataSource, type EntityManager } from 'typeorm';
import { JobFillService } from './job-fill.service';
import { JobEntity } from './job.entity';

const JOB_ID = '00000000-0000-4000-8000-0000000000aa';

/** A stand-in for one Postgres: an inbox of processed ids, one job row, and the outbox rows written. */
function fakeDatabase(job?: Partial<JobEntity>) {
  const processed = new Set<string>();
  const outbox: { topic: string; data: JobChangedData }[] = [];
  const saved: JobEntity[] = [];
  const row = job && Object.assign(new JobEntity(), {
    id: JOB_ID, agencyId: 'agency-1', title: '保洁', kind: 'fulltime', skills: [], headcount: 2, filled: 0, status: 'open', version: 1,
    materialVersion: 1, wageMin: 1, wageMax: 2, wageUnit: 'day', regionCode: '440306', lat: 22.5, lon: 113.9, olderWorkerFriendly: false,
    instant: false, requiredCertificates: [], placementsStarted: 0, postedAt: new Date(), updatedAt: new Date(), ...job,
  });
  const manager = {
    query: jest.fn(async (sql: string, params: unknown[]) => {
      if (sql.includes('processed_events')) {
        const id = params[0] as string;
        if (processed.has(id)) return [];
        processed.add(id);
        return [{ event_id: id }];
      }
      if (sql.includes('.outbox')) outbox.push({ topic: params[1] as string, data: JSON.parse(params[4] as string).data });
      return [];
    }),
    findOne: jest.fn(async () => (row ? Object.assign(new JobEntity(), row) : null)),
    save: jest.fn(async (entity: JobEntity) => {
      saved.push({ ...entity });
      if (row) Object.assign(row, entity);
      return entity;
    }),
  } as unknown as EntityManager;
  const dataSource = { transaction: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) } as unknown as DataSource;
  return { dataSource, outbox, saved, row, processed };
}

const started = (overrides: Partial<PlacementStartedData> = {}): PlacementStartedData => ({
  placementId: '00000000-0000-4000-8000-000000000001', workerId: '00000000-0000-4000-8000-000000000002', jobId: JOB_ID, source: 'direct',
  employerName: '某保洁公司', regionCode: '440306', concurrent: false, startDate: '2026-12-01', priorityGroups: [], ...overrides,
});
const ended = (overrides: Partial<PlacementEndedData> = {}): PlacementEndedData => ({
  placementId: '00000000-0000-4000-8000-000000000001', workerId: '00000000-0000-4000-8000-000000000002', jobId: JOB_ID,
  endDate: '2026-12-20', reason: 'quit', otherActivePlacements: 0, ...overrides,
});

describe('JobFillService', () => {
  it('counts a started placement once per envelope id, with a version and a filled_count event', async () => {
    const db = fakeDatabase({ headcount: 2, filled: 1, placementsStarted: 3 });
    const fills = new JobFillService(db.dataSource, 'job-collection');
    expect(await fills.recordPlacementStarted('e-1', started())).toBe('changed');
    expect(await fills.recordPlacementStarted('e-1', started())).toBe('duplicate');
    expect(db.row).toMatchObject({ filled: 2, placementsStarted: 4, status: 'filled', version: 2, materialVersion: 1 });
    expect(db.outbox.filter((o) => o.topic === TOPICS.jobs).map((o) => [o.data.change, o.data.filled, o.data.status, o.data.version])).toEqual([
      ['filled_count', 2, 'filled', 2],
    ]);
  });

  it('frees the seat of a placement that ended early, once; a filled job is open again', async () => {
    const db = fakeDatabase({ headcount: 2, filled: 2, status: 'filled' });
    const fills = new JobFillService(db.dataSource, 'job-collection');
    expect(await fills.recordPlacementEnded('e-2', ended({ reason: 'dismissed' }))).toBe('changed');
    expect(await fills.recordPlacementEnded('e-2', ended({ reason: 'dismissed' }))).toBe('duplicate');
    expect(db.row).toMatchObject({ filled: 1, status: 'open', version: 2 });
    expect(db.outbox.map((o) => [o.data.change, o.data.filled, o.data.status])).toEqual([['filled_count', 1, 'open']]);
  });

  it('writes nothing for a contract that ran its term or a placement without a job', async () => {
    const db = fakeDatabase({ headcount: 1, filled: 1, status: 'filled' });
    const fills = new JobFillService(db.dataSource, 'job-collection');
    expect(await fills.recordPlacementEnded('e-3', ended({ reason: 'contract_end' }))).toBe('no_seat');
    expect(await fills.recordPlacementEnded('e-4', ended({ jobId: undefined }))).toBe('no_seat');
    expect(await fills.recordPlacementStarted('e-5', started({ jobId: undefined }))).toBe('no_seat');
    expect(db.dataSource.transaction).not.toHaveBeenCalled();
    expect(db.row).toMatchObject({ filled: 1, status: 'filled', version: 1 });
  });

  it('marks but does not change a job whose filled is already 0, and skips an unknown job', async () => {
    const empty = fakeDatabase({ filled: 0 });
    expect(await new JobFillService(empty.dataSource, 'job-collection').recordPlacementEnded('e-6', ended())).toBe('unchanged');
    expect([empty.saved, empty.outbox, [...empty.processed]]).toEqual([[], [], ['e-6']]);
    const unknown = fakeDatabase();
    expect(await new JobFillService(unknown.dataSource, 'job-collection').recordPlacementStarted('e-7', started())).toBe('unknown_job');
    expect([unknown.saved, unknown.outbox, [...unknown.processed]]).toEqual([[], [], ['e-7']]);
  });
});
