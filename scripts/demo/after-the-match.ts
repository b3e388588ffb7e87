// After the match (issue 16), in 西昌 (513401): a local employer hires workers directly, some of
// them months ago, so that retention checks fall due; the station calls and visits its
// poverty-alleviated workers (帮扶台账); the county posts forest-ranger posts (乡村公益性岗位), which
// only poverty-alleviated workers and monitoring targets are offered, and a worker in one whose
// flexible income passes the county's monitoring line is flagged for exit (十六).
import { chinaDate } from '@laowu/domain';
import { APP_URLS, call, expectCall, sleep, tokenFor } from '@laowu/testkit';
import { stationIdOf } from './scenario';
import { statusLine } from './station-screen';

const { say } = require('../lib.js');

const COUNTY = '513401';
const AGENCY = `agency-${COUNTY}-hr`;
/** 统一社会信用代码 of the demo's vegetable-processing plant, flagged as a 就业帮扶车间. */
const WORKSHOP_CREDIT_CODE = '91513401MA62X0XX1Q';
const DAY_MS = 86_400_000;

const station = tokenFor({ sub: stationIdOf(COUNTY), role: 'station', region: COUNTY });
const agency = tokenFor({ sub: AGENCY, role: 'agency', region: COUNTY });
const bureau = tokenFor({ sub: 'bureau-liangshan', role: 'bureau', region: '513400' });
const admin = tokenFor({ sub: 'admin-demo', role: 'admin', region: '000000' });

type Group = 'poverty_alleviated' | 'monitoring_target' | 'relocated';

interface Worker {
  id: string;
  priorityGroups: Group[];
}

export interface AfterTheMatch {
  placedDirectly: number;
  placedByAgency: number;
  checks: number;
  notRetained: number;
  dueBefore: number;
  followUps: number;
  dueAfter: number;
  workshop?: { povertyAlleviatedNow: number; employedNow: number };
  welfareCandidates: { total: number; priority: number };
  welfarePlaced: number;
  exitRequired: number;
  needsAttention: number;
  monitored: number;
  outcomes: Record<'placed' | 'checked3m' | 'retained3m', { total: number; byPriorityGroup: Record<string, number> }>;
}

const daysAgo = (days: number) => chinaDate(new Date(Date.now() - days * DAY_MS));
const monthsAgo = (months: number) => {
  const at = new Date();
  at.setUTCDate(15);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at.toISOString().slice(0, 7);
};

async function postJob(run: string, body: Record<string, unknown>): Promise<string> {
  const { id } = await expectCall<{ id: string }>([201], 'POST', `${APP_URLS.jobs}/v1/jobs`, agency, {
    externalId: `after-the-match-${body.kind}-${run}`,
    location: { regionCode: COUNTY, address: '西昌市' },
    ...body,
  });
  return id;
}

/** dispatch learns of a new job or worker through Kafka: a placement made at once may meet a view behind (403, 422). */
async function place(token: string, body: Record<string, unknown>): Promise<{ status: number; id?: string }> {
  for (let attempt = 0; ; attempt++) {
    const { status, body: answer } = await call<{ id: string; code?: string }>('POST', `${APP_URLS.dispatch}/v1/placements`, token, body);
    if (status === 201) return { status, id: answer.id };
    if ((status !== 403 && status !== 422) || attempt >= 60) return { status };
    await sleep(500);
  }
}

/** Workers of the 西昌 station with no active placement (a re-run of the demo meets last run's placements). */
async function unplacedWorkers(ids: string[], wanted: number): Promise<Worker[]> {
  const found: Worker[] = [];
  for (const id of ids) {
    if (found.length >= wanted) break;
    const active = await expectCall<{ total: number }>([200], 'GET', `${APP_URLS.dispatch}/v1/placements?workerId=${id}&active=true`, station);
    if (active.total) continue;
    const worker = await expectCall<{ priorityGroups: Group[] }>([200], 'GET', `${APP_URLS.workers}/v1/workers/${id}`, station);
    found.push({ id, priorityGroups: worker.priorityGroups ?? [] });
  }
  return found;
}

/** `count` workers, priority workers at the even places (the back-dated hires, whose retention is checked) as far as there are some. */
function backDatedFirst(workers: Worker[], count: number): Worker[] {
  const isPriority = (w: Worker) => w.priorityGroups.length > 0;
  const priority = workers.filter(isPriority);
  const others = workers.filter((w) => !isPriority(w));
  const arranged: Worker[] = [];
  while (arranged.length < count && (priority.length || others.length)) {
    const wantPriority = arranged.length % 2 === 0;
    arranged.push(((wantPriority ? priority : others).shift() ?? (wantPriority ? others : priority).shift())!);
  }
  return arranged;
}

async function dueCount(): Promise<number> {
  return (await expectCall<{ total: number }>([200], 'GET', `${APP_URLS.workers}/v1/follow-ups/due?regionCode=${COUNTY}&pageSize=1`, bureau)).total;
}

/** Direct hires at the plant: half of them four months ago (their 1- and 3-month checks are due), one by the agency itself. */
async function hireAtThePlant(jobId: string, workers: Worker[], result: AfterTheMatch): Promise<void> {
  for (const [i, worker] of workers.entries()) {
    const byAgency = i === 0;
    const backDated = i % 2 === 0;
    const { id, status } = await place(byAgency ? agency : station, {
      workerId: worker.id,
      jobId,
      employer: { name: '西昌市某蔬菜加工厂', creditCode: WORKSHOP_CREDIT_CODE },
      startDate: backDated ? daysAgo(125) : daysAgo(1),
      wage: { amount: 3600, unit: 'month' },
      source: 'direct',
    });
    if (!id) {
      say(`  placing worker ${worker.id} answered ${status}; left out`);
      continue;
    }
    if (byAgency) result.placedByAgency++;
    else result.placedDirectly++;
    if (!backDated) continue;
    const stillEmployed = i % 4 !== 2;
    await expectCall([201], 'POST', `${APP_URLS.dispatch}/v1/placements/${id}/checks`, station, { afterMonths: 1, stillEmployed: true });
    await expectCall([201], 'POST', `${APP_URLS.dispatch}/v1/placements/${id}/checks`, station, {
      afterMonths: 3,
      stillEmployed,
      note: stillEmployed ? '在岗，工资按月发放' : '已离职回乡，本人电话 13800001234',
    });
    result.checks += 2;
    if (!stillEmployed) {
      await expectCall([200, 201], 'POST', `${APP_URLS.dispatch}/v1/placements/${id}/end`, station, { endDate: daysAgo(40), reason: 'quit' });
      result.notRetained++;
    }
  }
}

/** The station works through its due list: a call or a visit each, with what it found and when to come back. */
async function followUp(result: AfterTheMatch): Promise<void> {
  const due = await expectCall<{ items: { workerId: string }[] }>([200], 'GET', `${APP_URLS.workers}/v1/follow-ups/due?pageSize=40`, station);
  const outcomes = ['employed', 'employed', 'unemployed', 'unstable', 'unreachable'] as const;
  for (const [i, { workerId }] of due.items.entries()) {
    await expectCall([201], 'POST', `${APP_URLS.workers}/v1/workers/${workerId}/follow-ups`, station, {
      kind: i % 3 === 0 ? 'visit' : 'call',
      at: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
      outcome: outcomes[i % outcomes.length],
      nextDueAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
    });
    result.followUps++;
  }
}

/** The county's forest-ranger posts: who matching offers them to, one ranger placed, a year of income against the line. */
async function publicWelfare(run: string, ownWorkers: ReadonlySet<string>, result: AfterTheMatch): Promise<void> {
  const jobId = await postJob(run, {
    title: '护林员（乡村公益性岗位）',
    kind: 'public_welfare',
    headcount: 3,
    wage: { min: 800, max: 800, unit: 'month' },
    startAt: new Date(Date.now() - 60 * DAY_MS).toISOString(),
    endAt: new Date(Date.now() + 300 * DAY_MS).toISOString(),
    benefits: { injuryInsurance: true },
  });
  const waitingSince = Date.now();
  const waited = () => `waiting for matching to rank the forest-ranger posts (${Math.round((Date.now() - waitingSince) / 1000)}s)`;
  let candidates: { workerId: string; worker: { priorityGroups?: Group[] } }[] = [];
  while (!candidates.length && Date.now() - waitingSince < 300_000) {
    statusLine(waited());
    const answer = await call<{ items: typeof candidates }>('GET', `${APP_URLS.matching}/v1/jobs/${jobId}/candidates?limit=20`, admin);
    if (answer.status === 200) candidates = answer.body.items;
    if (!candidates.length) await sleep(1000);
  }
  statusLine(waited(), true);
  const isPriority = (groups: Group[] = []) => groups.includes('poverty_alleviated') || groups.includes('monitoring_target');
  result.welfareCandidates = { total: candidates.length, priority: candidates.filter((c) => isPriority(c.worker.priorityGroups)).length };

  await expectCall([200, 201], 'PUT', `${APP_URLS.workers}/v1/reference/monitoring-lines/${COUNTY}`, bureau, { annualIncome: 8000 });
  // The station places its own workers (tests sharing the local Kafka may have left others in the index).
  for (const [i, candidate] of candidates.filter((c) => ownWorkers.has(c.workerId)).slice(0, 2).entries()) {
    const body = { workerId: candidate.workerId, jobId, employer: { name: '西昌市林业和草原局' }, startDate: daysAgo(30), source: 'direct' };
    // A part-time post may be held beside other flexible work (十六): a worker already placed elsewhere holds it concurrently.
    const placed = (await place(station, body)).id ?? (await place(station, { ...body, concurrent: true })).id;
    if (!placed) continue;
    result.welfarePlaced++;
    // The first ranger earns well on the side (over the line within 12 months), the second does not.
    const monthly = i === 0 ? 900 : 300;
    for (let m = 1; m <= 12; m++) {
      await expectCall([200, 201], 'POST', `${APP_URLS.workers}/v1/workers/${candidate.workerId}/income`, station, { month: monthsAgo(m), flexibleIncome: monthly });
    }
  }
}

async function monitoring(result: AfterTheMatch): Promise<void> {
  const month = chinaDate().slice(0, 7);
  for (let page = 1; ; page++) {
    const { items, total } = await expectCall<{ items: { exitRequired: boolean; needsAttention: boolean }[]; total: number }>(
      [200], 'GET', `${APP_URLS.workers}/v1/monitoring/monthly?month=${month}&regionCode=${COUNTY}&page=${page}&pageSize=500`, bureau,
    );
    result.monitored = total;
    result.exitRequired += items.filter((i) => i.exitRequired).length;
    result.needsAttention += items.filter((i) => i.needsAttention).length;
    if (page * 500 >= total) return;
  }
}

export async function afterTheMatch(workerIds: string[]): Promise<AfterTheMatch> {
  const run = Date.now().toString(36);
  const zero = () => ({ total: 0, byPriorityGroup: {} });
  const result: AfterTheMatch = {
    placedDirectly: 0, placedByAgency: 0, checks: 0, notRetained: 0, dueBefore: 0, followUps: 0, dueAfter: 0,
    welfareCandidates: { total: 0, priority: 0 }, welfarePlaced: 0, exitRequired: 0, needsAttention: 0, monitored: 0,
    outcomes: { placed: zero(), checked3m: zero(), retained3m: zero() },
  };
  const plantJob = await postJob(run, {
    title: '蔬菜加工厂 分拣包装工',
    kind: 'fulltime',
    headcount: 12,
    wage: { min: 3200, max: 4000, unit: 'month' },
  });
  const workers = backDatedFirst(await unplacedWorkers(workerIds, 16), 8);
  await hireAtThePlant(plantJob, workers, result);
  say(`  a local plant hired ${result.placedDirectly + result.placedByAgency} workers directly (${result.placedByAgency} recorded by the agency, the rest by the station); ` +
    `${result.checks} retention checks, ${result.notRetained} left before three months`);
  await expectCall([200], 'PUT', `${APP_URLS.dispatch}/v1/workshops/${WORKSHOP_CREDIT_CODE}`, bureau, { name: '西昌市某蔬菜加工厂（就业帮扶车间）', regionCode: COUNTY });
  result.workshop = await expectCall([200], 'GET', `${APP_URLS.dispatch}/v1/workshops/${WORKSHOP_CREDIT_CODE}`, bureau);

  result.dueBefore = await dueCount();
  await followUp(result);
  result.dueAfter = await dueCount();
  say(`  帮扶台账: ${result.dueBefore} priority workers of 西昌 due a follow-up; the station called or visited ${result.followUps}; ${result.dueAfter} still due`);

  await publicWelfare(run, new Set(workerIds), result);
  await monitoring(result);
  const stats = await expectCall<{ totals: AfterTheMatch['outcomes'] }>([200], 'GET', `${APP_URLS.dispatch}/v1/dispatch/stats`, bureau);
  result.outcomes = stats.totals;
  return result;
}
