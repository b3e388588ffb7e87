import { type JobDocument } from '../indexing/job.document';
import { skillKeysOf } from '../indexing/worker.document';
import { type Reason } from '../ranking/pair-score';
import { type CourseLike, jobsOpenedBySkill, missingSkills, NEAR_KM, suggestCourses, topJobsIgnoringSkills } from './training-suggestions';

type Job = Pick<JobDocument, 'jobId' | 'title' | 'skills'>;
const job = (jobId: string, skills: Job['skills'], title = `job ${jobId}`): Job => ({ jobId, title, skills });

// A worker in 西昌 (凉山, 四川) who welds at level 2.
const worker = { skillKeys: skillKeysOf([{ code: 'welding', level: 2 }]), location: { lat: 27.89, lon: 102.26 }, residenceRegionCode: '513401' };

let courseNo = 0;
const course = (overrides: Partial<CourseLike> = {}): CourseLike => ({
  courseId: `00000000-0000-4000-8000-${String(++courseNo).padStart(12, '0')}`,
  title: '培训班',
  skillCode: 'electrician',
  regionCode: '513401',
  startDate: '2026-12-10',
  endDate: '2027-01-10',
  seats: 30,
  subsidized: false,
  ...overrides,
});

describe('training suggestions (十)', () => {
  it('finds the skills a job asks for that the worker lacks or has below the minimum level', () => {
    expect(missingSkills(job('a', [{ code: 'welding', minLevel: 2 }]), worker)).toEqual([]);
    expect(missingSkills(job('a', [{ code: 'welding', minLevel: 3 }, { code: 'electrician', minLevel: 1 }]), worker)).toEqual(['welding', 'electrician']);
    expect(missingSkills(job('a', []), worker)).toEqual([]);
  });

  it('lists, per missing skill, the top jobs it would open in their order', () => {
    const jobs = [job('a', [{ code: 'electrician', minLevel: 1 }]), job('b', [{ code: 'welding', minLevel: 1 }]), job('c', [{ code: 'electrician', minLevel: 2 }, { code: 'welding', minLevel: 4 }])];
    const opened = jobsOpenedBySkill(jobs, worker);
    expect([...opened].map(([code, js]) => [code, js.map((j) => j.jobId)])).toEqual([
      ['electrician', ['a', 'c']],
      ['welding', ['c']],
    ]);
  });

  it('orders the top jobs by their score without the skills factor', () => {
    const ranked = (jobId: string, score: number, skills: number) => ({
      job: job(jobId, []),
      score,
      reasons: [...(skills ? [{ factor: 'skills', contribution: skills, detail: '' } as Reason] : []), { factor: 'distance', contribution: score - skills, detail: '' } as Reason],
    });
    // Without skills: a 4, b 6, c 5, d 5 (ties by id).
    const top = topJobsIgnoringSkills([ranked('a', 7, 3), ranked('b', 6, 0), ranked('c', 6.5, 1.5), ranked('d', 5, 0)], 3);
    expect(top.map((r) => r.job.jobId)).toEqual(['b', 'c', 'd']);
  });

  it('suggests a course only for a skill the worker lacks for a top job, with the jobs it opens', () => {
    const jobs = [job('a', [{ code: 'electrician', minLevel: 1 }], '电工'), job('b', [{ code: 'welding', minLevel: 2 }])];
    const electrician = course({ skillCode: 'electrician' });
    const welding = course({ skillCode: 'welding' });
    const masonry = course({ skillCode: 'masonry' });
    const suggested = suggestCourses(worker, jobs, [electrician, welding, masonry], 10);
    expect(suggested).toEqual([
      { course: electrician, skill: { code: 'electrician', name: '电工' }, distanceKm: expect.any(Number), sameProvince: true, opensJobs: [{ jobId: 'a', title: '电工' }], opensJobCount: 1 },
    ]);
  });

  it('orders by jobs opened, then the worker’s province, then distance, then subsidized, then start date', () => {
    const jobs = [job('a', [{ code: 'electrician', minLevel: 1 }, { code: 'masonry', minLevel: 1 }]), job('b', [{ code: 'electrician', minLevel: 1 }])];
    const opensTwo = course({ skillCode: 'electrician', regionCode: '510104' }); // 成都, 350 km, in the province
    const near = course({ skillCode: 'masonry', regionCode: '513401' });
    const farther = course({ skillCode: 'masonry', regionCode: '513431', subsidized: true }); // 昭觉, 58 km
    const sameSubsidized = course({ skillCode: 'masonry', regionCode: '513401', subsidized: true, startDate: '2027-01-05' });
    const sameSubsidizedSooner = course({ skillCode: 'masonry', regionCode: '513401', subsidized: true, startDate: '2026-12-20' });
    // 云南 昆明 五华区, out of the province but ≈ 320 km away: beyond NEAR_KM, not suggested.
    const outside = course({ skillCode: 'electrician', regionCode: '530102' });
    const suggested = suggestCourses(worker, jobs, [outside, farther, near, sameSubsidized, opensTwo, sameSubsidizedSooner], 10);
    expect(suggested.map((s) => s.course)).toEqual([opensTwo, sameSubsidizedSooner, sameSubsidized, near, farther]);
    expect(suggested[0].opensJobCount).toBe(2);
    expect(NEAR_KM).toBe(200);
  });

  it('suggests a course in a neighbouring province within reach, after the worker’s own province', () => {
    const jobs = [job('a', [{ code: 'electrician', minLevel: 1 }])];
    // 攀枝花 东区 (四川, 159 km from the worker) and 巧家县 (昭通, 云南, 128 km): both within 200 km, the province first.
    const inProvince = course({ regionCode: '510402' });
    const neighbour = course({ regionCode: '530622', subsidized: true });
    expect(suggestCourses(worker, jobs, [neighbour, inProvince], 10).map((s) => [s.course.regionCode, s.sameProvince])).toEqual([
      ['510402', true],
      ['530622', false],
    ]);
  });

  it('keeps at most 5 jobs per course and at most `limit` courses', () => {
    const jobs = Array.from({ length: 7 }, (_, k) => job(`j${k}`, [{ code: 'electrician', minLevel: 1 }]));
    const [only] = suggestCourses(worker, jobs, [course(), course()], 1);
    expect(only.opensJobCount).toBe(7);
    expect(only.opensJobs.map((j) => j.jobId)).toEqual(['j0', 'j1', 'j2', 'j3', 'j4']);
    expect(suggestCourses(worker, jobs, [course(), course()], 1)).toHaveLength(1);
  });
});
