import { eastWestPartnersOf } from '@laowu/domain';
import { JobDocument } from '../indexing/job.document';
import { WorkerDocument } from '../indexing/worker.document';
import { commuteScaleKm, freshnessValue, isPriorityWorker, startSoonValue } from './pair-score';
import { RANKING } from './ranking.weights';

/**
 * The two ranking queries, one per direction: a function_score over the hard-filtered set, each
 * function `weight × value` summed (score_mode sum, boost_mode replace). The values follow
 * pair-score.ts exactly, which is what turns a hit back into reasons.
 */
type Json = Record<string, unknown>;
const w = RANKING.weights;

const WAGE_SCRIPT = `
  if (params.jobMax < 0 || params.workerMin < 0) return params.neutral;
  if (params.workerMin == 0) return 1.0;
  double ratio = params.jobMax / params.workerMin;
  return Math.min(1.0, Math.max(0.0, (ratio - params.floor) / params.span));`;

/** Hard filters on jobs (the only ones, ARCHITECTURE.md): open, headcount left, kind, not started. */
export function openJobFilters(kinds: readonly string[] | undefined, now: Date): Json[] {
  const iso = now.toISOString();
  // No date, or not before now: one clause, no scan of every document for the missing ones.
  const notPassed = (field: string) => ({ bool: { must_not: { range: { [field]: { lt: iso } } } } });
  return [
    { term: { status: 'open' } },
    { range: { headcountLeft: { gt: 0 } } },
    ...(kinds ? [{ terms: { kind: kinds } }] : []),
    notPassed('startAt'),
    notPassed('endAt'),
  ];
}

/**
 * Jobs for one worker; `candidates` narrows the jobs scored (score-bound.ts, declined pairs), not their scores.
 * Every factor is a native function, no script: the same values as pair-score.ts (equal engine
 * scores, measured), about 1.7× faster per job than the painless scripts were.
 */
export function jobsForWorkerQuery(worker: WorkerDocument, now: Date, candidates: Json[] = []): Json {
  const functions: Json[] = [
    ...skillFunctions(worker),
    { gauss: { location: { origin: worker.location, scale: `${commuteScaleKm(worker)}km`, decay: 0.5 } }, weight: w.distance },
    ...ageFunctions(worker.ageYears),
    ...wageFunctions(worker.minWagePerDay),
    { gauss: { postedAt: { origin: now.toISOString(), scale: `${RANKING.freshnessScaleDays}d`, decay: 0.5 } }, weight: w.freshness },
    {
      filter: { bool: { filter: [{ term: { kind: 'gig' } }, { exists: { field: 'startAt' } }] } },
      gauss: { startAt: { origin: now.toISOString(), scale: `${RANKING.startSoonScaleDays}d`, decay: 0.5 } },
      weight: w.startSoon,
    },
  ];
  if (worker.willingToMigrate) {
    const targetsHome = { terms: { crossSourceCodes: worker.homeCodes } };
    functions.push({ filter: targetsHome, weight: w.crossRegion });
    const partners = eastWestPartnersOf(worker.homeRegionCode);
    if (partners.length) functions.push({ filter: { bool: { filter: [targetsHome, { terms: { provinceCode: partners } }] } }, weight: w.eastWest });
  }
  if (worker.targetRegionCodes.length) functions.push({ filter: { terms: { regionCodes: worker.targetRegionCodes } }, weight: w.targetRegion });
  if (worker.ageYears >= RANKING.olderWorkerAge) functions.push({ filter: { term: { olderWorkerFriendly: true } }, weight: w.olderFriendly });
  if (isPriorityWorker(worker)) {
    functions.push({ weight: w.priority });
    functions.push({ filter: { terms: { kind: RANKING.assistanceKinds } }, weight: w.assistance });
  }
  if (worker.priorityGroups.includes('relocated')) functions.push({ filter: { range: { relocationQuotaPct: { gt: 0 } } }, weight: w.relocation });
  return {
    function_score: {
      query: { bool: { filter: [...openJobFilters(worker.kinds, now), ...candidates] } },
      functions,
      score_mode: 'sum',
      boost_mode: 'replace',
    },
  };
}

/** Met requirements ÷ required: each of the worker's keys a job asks for adds 1 ÷ skillCount. */
function skillFunctions(worker: WorkerDocument): Json[] {
  const perKey = worker.skillKeys.map((key) => ({
    filter: { term: { skillReqs: key } },
    field_value_factor: { field: 'skillCount', modifier: 'reciprocal', missing: 1 },
    weight: w.skills,
  }));
  return [...perKey, { filter: { bool: { must_not: { range: { skillCount: { gt: 0 } } } } }, weight: w.skills * RANKING.neutral }];
}

/** Halving every half-life outside the range: an exp decay on the bound the worker is beyond (ageMax first, as ageValue). */
function ageFunctions(age: number): Json[] {
  const aboveMax = { range: { ageMax: { lt: age } } };
  const belowMin = { range: { ageMin: { gt: age } } };
  const decay = (field: string) => ({ [field]: { origin: age, scale: RANKING.ageHalfLifeYears, decay: 0.5 } });
  return [
    { filter: aboveMax, exp: decay('ageMax'), weight: w.age },
    { filter: { bool: { filter: [belowMin], must_not: [aboveMax] } }, exp: decay('ageMin'), weight: w.age },
    { filter: { bool: { must_not: [aboveMax, belowMin] } }, weight: w.age },
  ];
}

/**
 * wageValue as functions: neutral without a known wage or minimum; over a positive minimum, 0 up
 * to floor × minimum, then linear (a linear decay reaching 0.5 at half the span) up to 1 at
 * (floor + span) × minimum.
 */
function wageFunctions(min: number | undefined): Json[] {
  const neutral = w.wage * RANKING.neutral;
  if (min === undefined) return [{ weight: neutral }];
  const unknown = { filter: { bool: { must_not: { exists: { field: 'wagePerDayMax' } } } }, weight: neutral };
  if (min <= 0) return [unknown, { filter: { exists: { field: 'wagePerDayMax' } }, weight: w.wage }];
  const full = min * (RANKING.wageRatioFloor + RANKING.wageRatioSpan);
  return [
    unknown,
    { filter: { range: { wagePerDayMax: { gte: full } } }, weight: w.wage },
    {
      filter: { range: { wagePerDayMax: { gte: min * RANKING.wageRatioFloor, lt: full } } },
      linear: { wagePerDayMax: { origin: full, scale: (min * RANKING.wageRatioSpan) / 2, decay: 0.5 } },
      weight: w.wage,
    },
  ];
}

/** Worker filters of the instant path (即时快招): who could take this job right now. */
export function instantWorkerFilters(job: JobDocument): Json[] {
  const reachable: Json[] = [
    { geo_shape: { reachArea: { shape: { type: 'point', coordinates: [job.location.lon, job.location.lat] }, relation: 'intersects' } } },
    { terms: { targetRegionCodes: job.regionCodes } },
  ];
  if (job.crossSourceCodes.length) {
    reachable.push({ bool: { filter: [{ term: { willingToMigrate: true } }, { terms: { homeCodes: job.crossSourceCodes } }] } });
  }
  return [{ bool: { should: reachable, minimum_should_match: 1 } }, ...acceptsWageOf(job)];
}

/**
 * Worker filters of a cross-region push (五: 跨区域就业岗位信息): workers from the job's source
 * regions who would accept it — willing to migrate, and, when they named target regions, one of
 * them covers the job; the wage meets their minimum. Kind and availability are the query's own filters.
 */
export function crossRegionWorkerFilters(job: JobDocument): Json[] {
  const noTargets = { bool: { must_not: { exists: { field: 'targetRegionCodes' } } } };
  return [
    { term: { willingToMigrate: true } },
    { terms: { homeCodes: job.crossSourceCodes } },
    { bool: { should: [noTargets, { terms: { targetRegionCodes: job.regionCodes } }], minimum_should_match: 1 } },
    ...acceptsWageOf(job),
  ];
}

/** A worker with no minimum wage, or one the job's best wage meets. */
function acceptsWageOf(job: JobDocument): Json[] {
  if (job.wagePerDayMax === undefined) return [];
  const noMinimum = { bool: { must_not: { exists: { field: 'minWagePerDay' } } } };
  return [{ bool: { should: [noMinimum, { range: { minWagePerDay: { lte: job.wagePerDayMax } } }], minimum_should_match: 1 } }];
}

/** Workers for one job; `extraFilters` narrows the set (the instant path). */
export function workersForJobQuery(job: JobDocument, now: Date, extraFilters: Json[] = []): Json {
  const required = [...new Set(job.skillReqs)];
  const functions: Json[] = [
    required.length
      ? {
          script_score: {
            script: {
              source: `int met = 0; for (def key : params.required) { if (doc['skillKeys'].contains(key)) met++; } return met / (double) params.required.size();`,
              params: { required },
            },
          },
          weight: w.skills,
        }
      : { weight: w.skills * RANKING.neutral },
    {
      script_score: {
        script: {
          source: `
            double km = doc['location'].arcDistance(params.lat, params.lon) / 1000.0;
            double scale = Math.max(doc['maxCommuteKm'].value, params.minScale);
            return Math.pow(0.5, (km / scale) * (km / scale));`,
          params: { lat: job.location.lat, lon: job.location.lon, minScale: RANKING.minCommuteScaleKm },
        },
      },
      weight: w.distance,
    },
    job.ageMin !== undefined || job.ageMax !== undefined
      ? {
          script_score: {
            script: {
              source: `
                double age = doc['ageYears'].value; double outside = 0;
                if (params.min >= 0 && age < params.min) outside = params.min - age;
                if (params.max >= 0 && age > params.max) outside = age - params.max;
                return Math.pow(0.5, outside / params.halfLife);`,
              params: { min: job.ageMin ?? -1, max: job.ageMax ?? -1, halfLife: RANKING.ageHalfLifeYears },
            },
          },
          weight: w.age,
        }
      : { weight: w.age },
    job.wagePerDayMax === undefined
      ? { weight: w.wage * RANKING.neutral }
      : {
          script_score: {
            script: {
              source: WAGE_SCRIPT.replace('params.workerMin < 0', "doc['minWagePerDay'].size() == 0").replace(
                /params\.workerMin/g,
                "doc['minWagePerDay'].value",
              ),
              params: { jobMax: job.wagePerDayMax, neutral: RANKING.neutral, floor: RANKING.wageRatioFloor, span: RANKING.wageRatioSpan },
            },
          },
          weight: w.wage,
        },
  ];
  const constant = (weight: number) => (weight > 0 ? [{ weight }] : []);
  functions.push(...constant(w.freshness * freshnessValue(job, now)), ...constant(w.startSoon * startSoonValue(job, now)));
  if (job.crossSourceCodes.length) {
    const targeted = [{ term: { willingToMigrate: true } }, { terms: { homeCodes: job.crossSourceCodes } }];
    functions.push({ filter: { bool: { filter: targeted } }, weight: w.crossRegion });
    const partners = job.provinceCode ? eastWestPartnersOf(job.provinceCode) : [];
    if (partners.length) functions.push({ filter: { bool: { filter: [...targeted, { terms: { homeCodes: partners } }] } }, weight: w.eastWest });
  }
  functions.push({ filter: { terms: { targetRegionCodes: job.regionCodes } }, weight: w.targetRegion });
  if (job.olderWorkerFriendly) functions.push({ filter: { range: { ageYears: { gte: RANKING.olderWorkerAge } } }, weight: w.olderFriendly });
  const priority = { terms: { priorityGroups: [...RANKING.priorityGroups] } };
  functions.push({ filter: priority, weight: w.priority });
  if (RANKING.assistanceKinds.includes(job.kind)) functions.push({ filter: priority, weight: w.assistance });
  if (job.relocationQuotaPct > 0) functions.push({ filter: { term: { priorityGroups: 'relocated' } }, weight: w.relocation });
  return {
    function_score: {
      query: { bool: { filter: [{ term: { available: true } }, { term: { kinds: job.kind } }, ...extraFilters] } },
      functions,
      score_mode: 'sum',
      boost_mode: 'replace',
    },
  };
}
