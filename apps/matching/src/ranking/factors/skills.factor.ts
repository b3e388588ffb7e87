import { JOB_LIMITS } from '@laowu/contracts';
import { type JobDocument } from '../../indexing/job.document';
import { type WorkerDocument } from '../../indexing/worker.document';
import { bonus, contribution, has, type Json, NEUTRAL, not, type RankingFactor } from './factor';

/**
 * Credit of a requirement the worker holds at a lower level: a skill step to learn (the graders'
 * "good offer with one drawback"), not a trade they lack.
 */
export const SKILL_STEP_CREDIT = 0.5;

const levelOf = (key: string) => Number(key.slice(key.lastIndexOf('@') + 1));
const codeOf = (key: string) => key.slice(0, key.lastIndexOf('@'));

/** A requirement's credit: held at its level 1, held at a lower level (within the levels a job may ask) a step's, else 0. */
function credit(key: string, worker: WorkerDocument): number {
  if (worker.skillKeys.includes(key)) return 1;
  return levelOf(key) <= JOB_LIMITS.skillLevel.max && worker.skillKeys.includes(`${codeOf(key)}@1`) ? SKILL_STEP_CREDIT : 0;
}

/** The levels above the worker's of each skill they hold, up to the highest a job may ask: requirements held at a lower level. */
export function stepKeys(worker: WorkerDocument): string[] {
  const held = worker.skillKeys.filter((key) => levelOf(key) === 1).map(codeOf);
  const keys: string[] = [];
  for (const code of held) for (let l = 2; l <= JOB_LIMITS.skillLevel.max; l++) if (!worker.skillKeys.includes(`${code}@${l}`)) keys.push(`${code}@${l}`);
  return keys;
}

/**
 * How well the worker fits the job's required skills, in [0, 1]: neutral when none is asked; else
 * the share of requirements met, one held at a lower level counting SKILL_STEP_CREDIT (a sewer of
 * level 2 is closer to a level-3 sewing job than a welder is), one not held at all 0.
 */
function skillsValue(job: Pick<JobDocument, 'skillReqs'>, worker: WorkerDocument): number {
  const required = [...new Set(job.skillReqs)];
  if (!required.length) return NEUTRAL;
  return required.reduce((sum, key) => sum + credit(key, worker), 0) / required.length;
}

function skillsDetail(job: JobDocument, worker: WorkerDocument): string {
  const required = [...new Set(job.skillReqs)];
  if (!required.length) return '无技能要求';
  const met = required.filter((key) => credit(key, worker) === 1).length;
  const steps = required.filter((key) => credit(key, worker) === SKILL_STEP_CREDIT).length;
  return `技能符合 ${met}/${required.length}${steps ? `，${steps} 项等级不足` : ''}`;
}

/** Each requirement the worker meets (or holds at a lower level) adds its credit ÷ skillCount. */
const perRequirement = (keys: string[], weight: number): Json[] =>
  keys.map((key) => ({
    filter: { term: { skillReqs: key } },
    field_value_factor: { field: 'skillCount', modifier: 'reciprocal', missing: 1 },
    weight,
  }));

function jobFunctions(worker: WorkerDocument, _now: Date, weight: number): Json[] {
  return [
    ...perRequirement(worker.skillKeys, weight),
    ...perRequirement(stepKeys(worker), weight * SKILL_STEP_CREDIT),
    { filter: { bool: { must_not: { range: { skillCount: { gt: 0 } } } } }, weight: weight * NEUTRAL },
  ];
}

function workerFunctions(job: JobDocument, _now: Date, weight: number): Json[] {
  const required = [...new Set(job.skillReqs)];
  if (!required.length) return [{ weight: weight * NEUTRAL }];
  const source = `
    double credit = 0;
    for (int i = 0; i < params.required.size(); i++) {
      if (doc['skillKeys'].contains(params.required[i])) credit += 1;
      else if (params.stepOk[i] && doc['skillKeys'].contains(params.firstLevel[i])) credit += params.step;
    }
    return credit / params.required.size();`;
  const params = {
    required,
    firstLevel: required.map((key) => `${codeOf(key)}@1`),
    stepOk: required.map((key) => levelOf(key) <= JOB_LIMITS.skillLevel.max),
    step: SKILL_STEP_CREDIT,
  };
  // Only workers holding a required skill at some level earn anything: the filter spares the others the script.
  const held = { terms: { skillKeys: [...new Set([...required, ...params.firstLevel])] } };
  return [{ filter: held, script_score: { script: { source, params } }, weight }];
}

/** Fit to the job's required skills (ARCHITECTURE.md: weighted overlap of skills and levels; certificates add). */
export const skills: RankingFactor<'skills'> = {
  name: 'skills',
  defaultWeight: 3,
  value: (job, worker) => ({ value: skillsValue(job, worker), detail: skillsDetail(job, worker) }),
  jobFunctions,
  workerFunctions,
  /** Jobs asking a skill the worker holds (at any level) may earn it all; jobs asking none half. */
  bound: ({ skills: weight }) => ({
    split: 'skills',
    classes(worker) {
      const near = [...worker.skillKeys, ...stepKeys(worker)];
      const theirs = near.length ? [bonus(contribution(weight, 1), { terms: { skillReqs: near } })] : [];
      return [...theirs, bonus(contribution(weight, NEUTRAL), not(has('skillReqs')))];
    },
  }),
};
