import { TOPICS, TrainingCourseChanged, type TrainingCourseChangedData } from '@laowu/contracts';
import { eventually, inDays, jobData, workerData } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { caughtUp, type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';

/**
 * Training suggestions (职业技能培训, 十): courses from TrainingCourseChanged events on the real
 * Kafka, the worker's best jobs from the real index, suggestions over HTTP.
 */
describe('training suggestions for a worker (real Kafka, OpenSearch, PostgreSQL)', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;
  const day = (n: number) => inDays(n).slice(0, 10);

  // 西昌 (凉山, 四川): the workers, their station and the jobs.
  const at = { lat: 27.89, lon: 102.26 };
  const home = { stationId: `station-513401-${prefix}`, homeRegionCode: '513401', residenceRegionCode: '513401', location: at };
  const lacksWelding = workerData({ ...home });
  const welder = workerData({ ...home, skills: [{ code: 'welding', level: 5 }] });
  /** Welds, but below the level the job asks for. */
  const novice = workerData({ ...home, skills: [{ code: 'welding', level: 1 }] });

  const weldingJob = jobData({ title: '钢结构焊工', location: { regionCode: '513401', ...at }, skills: [{ code: 'welding', minLevel: 2 }], wage: { min: 260, max: 320, unit: 'day' } });
  const plainJob = jobData({ title: '建筑普工', location: { regionCode: '513401', ...at }, wage: { min: 180, max: 220, unit: 'day' } });

  const course = (overrides: Partial<TrainingCourseChangedData>): TrainingCourseChangedData => ({
    courseId: randomUUID(),
    version: 1,
    status: 'open',
    title: '焊工（初级）培训班',
    skillCode: 'welding',
    regionCode: '513401',
    startDate: day(7),
    endDate: day(37),
    seats: 30,
    subsidized: true,
    postedBy: 'station:station-513401-01',
    updatedAt: new Date().toISOString(),
    ...overrides,
  });
  /** In 西昌; published at version 2 (a new title), then a stale version 1. */
  const welding = course({ version: 2, title: '焊工（中级）培训班' });
  /** In 昭觉 (58 km), not subsidized: after the one in 西昌. */
  const weldingFarther = course({ regionCode: '513431', subsidized: false });
  const ended = course({ startDate: day(-40), endDate: day(-2) });
  const closed = course({ status: 'closed' });
  /** In 深圳, 1,300 km away and another province. */
  const far = course({ regionCode: '440306' });
  /** A skill none of the jobs asks for. */
  const masonry = course({ skillCode: 'masonry', title: '砌筑工培训班' });
  const courses = [welding, weldingFarther, ended, closed, far, masonry];
  const ours = new Set(courses.map((c) => c.courseId));

  type Suggestion = { courseId: string; title: string; skill: { code: string; name?: string }; opensJobs: { jobId: string; title: string }[]; opensJobCount: number; sameProvince: boolean; distanceKm: number };
  const get = (workerId: string, token = asAdmin()) => request(matching.running.url).get(`/v1/workers/${workerId}/training-suggestions?limit=200`).set('Authorization', token);
  const suggestions = async (workerId: string, token = asAdmin()) => ((await get(workerId, token).expect(200)).body.items as Suggestion[]).filter((s) => ours.has(s.courseId));

  beforeAll(async () => {
    matching = await startMatching(prefix, 'training-suggestions');
    await matching.publish([weldingJob, plainJob], [lacksWelding, welder, novice]);
    await matching.producer.events(TOPICS.reference, TrainingCourseChanged, courses);
    await eventually(async () => {
      const found = await suggestions(lacksWelding.workerId);
      if (found.length < 2) throw new Error(`${found.length} of our courses suggested so far`);
    }, 60_000);
    // Version 1 of a course stored at version 2, delivered late: changes nothing.
    await matching.producer.events(TOPICS.reference, TrainingCourseChanged, [{ ...welding, version: 1, title: '焊工旧班' }]);
    await caughtUp(matching.running.config.KAFKA_GROUP_ID!, TOPICS.reference);
  });
  afterAll(() => matching?.close());

  it('suggests the open courses near a worker who lacks the skill, with the job each opens, nearer and subsidized first', async () => {
    const found = await suggestions(lacksWelding.workerId);
    expect(found.map((s) => s.courseId)).toEqual([welding.courseId, weldingFarther.courseId]);
    expect(found[0]).toMatchObject({
      title: '焊工（中级）培训班',
      skill: { code: 'welding', name: '焊工' },
      sameProvince: true,
    });
    // Jobs other specs publish on the shared topic meanwhile may ask for welding too; ours, at the worker's place, leads.
    expect(found[0].opensJobs[0]).toEqual({ jobId: weldingJob.jobId, title: '钢结构焊工' });
    expect(found[0].opensJobs.map((j) => j.jobId)).not.toContain(plainJob.jobId);
    expect(found[0].opensJobCount).toBeGreaterThanOrEqual(1);
    expect(found[0].distanceKm).toBeLessThan(2);
    expect(found[1].distanceKm).toBeGreaterThan(50);
    expect(found[1].distanceKm).toBeLessThan(65);
  });

  it('suggests it to a worker below the job’s level, and not to one who has the skill', async () => {
    expect((await suggestions(novice.workerId)).map((s) => s.courseId)).toEqual([welding.courseId, weldingFarther.courseId]);
    expect(await suggestions(welder.workerId)).toEqual([]);
  });

  it('lets the worker’s station read them; refuses another station with 403; 404 for an unknown worker', async () => {
    const own = bearer({ sub: home.stationId, role: 'station', region: '513401' });
    expect((await suggestions(lacksWelding.workerId, own)).map((s) => s.courseId)[0]).toBe(welding.courseId);
    const other = await get(lacksWelding.workerId, bearer({ sub: 'station-440306-01', role: 'station', region: '440306' })).expect(403);
    expect(other.body.code).toBe('WORKER.FORBIDDEN');
    await get(lacksWelding.workerId, bearer({ sub: 'agency-x', role: 'agency', region: '510000' })).expect(403);
    expect((await get(randomUUID()).expect(404)).body.code).toBe('WORKER.NOT_FOUND');
    expect((await get('nope').expect(400)).body.details).toEqual([{ field: 'id', problem: 'id must be a UUID' }]);
  });
});
