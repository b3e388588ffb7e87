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

const AGE_SCRIPT = `
  double outside = 0;
  if (doc[params.minField].size() > 0 && params.age < doc[params.minField].value) outside = doc[params.minField].value - params.age;
  if (doc[params.maxField].size() > 0 && params.age > doc[params.maxField].value) outside = params.age - doc[params.maxField].value;
  return Math.pow(0.5, outside / params.halfLife);`;

const WAGE_SCRIPT = `
  if (params.jobMax < 0 || params.workerMin < 0) return params.neutral;
  if (params.workerMin == 0) return 1.0;
  double ratio = params.jobMax / params.workerMin;
  return Math.min(1.0, Math.max(0.0, (ratio - params.floor) / params.span));`;

/** Hard filters on jobs (the only ones, ARCHITECTURE.md): open, headcount left, kind, not started. */
export function openJobFilters(kinds: readonly string[] | undefined, now: Date): Json[] {
  const iso = now.toISOString();
  const notPassed = (field: string) => ({
    bool: { should: [{ bool: { must_not: { exists: { field } } } }, { range: { [field]: { gte: iso } } }], minimum_should_match: 1 },
  });
  return [
    { term: { status: 'open' } },
    { range: { headcountLeft: { gt: 0 } } },
    ...(kinds ? [{ terms: { kind: kinds } }] : []),
    notPassed('startAt'),
    notPassed('endAt'),
  ];
}

/** Jobs for one worker. */
export function jobsForWorkerQuery(worker: WorkerDocument, now: Date): Json {
  const functions: Json[] = [
    {
      script_score: {
        script: {
          source: `
            long n = doc['skillCount'].size() == 0 ? 0 : doc['skillCount'].value;
            if (n == 0) return params.neutral;
            int met = 0;
            for (def key : doc['skillReqs']) { if (params.have.contains(key)) met++; }
            return met / (double) n;`,
          params: { have: worker.skillKeys, neutral: RANKING.neutral },
        },
      },
      weight: w.skills,
    },
    { gauss: { location: { origin: worker.location, scale: `${commuteScaleKm(worker)}km`, decay: 0.5 } }, weight: w.distance },
    {
      script_score: {
        script: { source: AGE_SCRIPT, params: { age: worker.ageYears, minField: 'ageMin', maxField: 'ageMax', halfLife: RANKING.ageHalfLifeYears } },
      },
      weight: w.age,
    },
    {
      script_score: {
        script: {
          source: WAGE_SCRIPT.replace('params.jobMax < 0', "doc['wagePerDayMax'].size() == 0")
            .replace(/params\.jobMax/g, "doc['wagePerDayMax'].value"),
          params: { workerMin: worker.minWagePerDay ?? -1, neutral: RANKING.neutral, floor: RANKING.wageRatioFloor, span: RANKING.wageRatioSpan },
        },
      },
      weight: w.wage,
    },
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
      query: { bool: { filter: openJobFilters(worker.kinds, now) } },
      functions,
      score_mode: 'sum',
      boost_mode: 'replace',
    },
  };
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
  const filters: Json[] = [{ bool: { should: reachable, minimum_should_match: 1 } }];
  if (job.wagePerDayMax !== undefined) {
    filters.push({
      bool: {
        should: [{ bool: { must_not: { exists: { field: 'minWagePerDay' } } } }, { range: { minWagePerDay: { lte: job.wagePerDayMax } } }],
        minimum_should_match: 1,
      },
    });
  }
  return filters;
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
