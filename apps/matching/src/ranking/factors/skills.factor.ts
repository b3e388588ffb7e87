import { bonus, contribution, has, NEUTRAL, not, type RankingFactor } from './factor';

/** Share of the job's required skills the worker has at the required level; neutral when none are required. */
export const skills: RankingFactor<'skills'> = {
  name: 'skills',
  weight: 3,
  value(job, worker) {
    const required = [...new Set(job.skillReqs)];
    if (!required.length) return { value: NEUTRAL, detail: '无技能要求' };
    const met = required.filter((key) => worker.skillKeys.includes(key));
    return { value: met.length / required.length, detail: `技能符合 ${met.length}/${required.length}` };
  },
  /** Met requirements ÷ required: each of the worker's keys a job asks for adds 1 ÷ skillCount. */
  jobFunctions(worker) {
    const perKey = worker.skillKeys.map((key) => ({
      filter: { term: { skillReqs: key } },
      field_value_factor: { field: 'skillCount', modifier: 'reciprocal', missing: 1 },
      weight: skills.weight,
    }));
    return [...perKey, { filter: { bool: { must_not: { range: { skillCount: { gt: 0 } } } } }, weight: skills.weight * NEUTRAL }];
  },
  workerFunctions(job) {
    const required = [...new Set(job.skillReqs)];
    if (!required.length) return [{ weight: skills.weight * NEUTRAL }];
    const source = `int met = 0; for (def key : params.required) { if (doc['skillKeys'].contains(key)) met++; } return met / (double) params.required.size();`;
    return [{ script_score: { script: { source, params: { required } } }, weight: skills.weight }];
  },
  bound: {
    split: 'skills',
    classes(worker) {
      const theirs = worker.skillKeys.length ? [bonus(contribution(skills, 1), { terms: { skillReqs: worker.skillKeys } })] : [];
      return [...theirs, bonus(contribution(skills, NEUTRAL), not(has('skillReqs')))];
    },
  },
};
