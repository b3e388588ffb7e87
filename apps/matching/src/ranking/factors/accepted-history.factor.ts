import { type JobDocument } from '../../indexing/job.document';
import { type AcceptedHistory } from '../../outcomes/ranking-context';
import { bonus, contribution, type RankingFactor } from './factor';

/** Half the weight for a kind the worker accepted before, half for a city they accepted work in. */
const SHARE = 0.5;

function matched(job: JobDocument, history: AcceptedHistory) {
  return { kind: history.kinds.includes(job.kind), city: !!job.cityCode && history.cityCodes.includes(job.cityCode) };
}

/**
 * A worker's accepted jobs lift similar ones (issue 18): jobs of a kind they accepted (or arrived
 * at) before, and in a city where they did. The history is read from matching's database at query
 * time for matches-for-worker (one small read), never written into the worker's index document;
 * candidates-for-job has no history (ranking-context.ts), so there this factor neither scores nor
 * shows a reason, and the reasons still add up.
 */
export const acceptedHistory: RankingFactor<'acceptedHistory'> = {
  name: 'acceptedHistory',
  defaultWeight: 1,
  value(job, worker, _now, context) {
    const history = context.histories.get(worker.workerId);
    if (!history) return undefined;
    const { kind, city } = matched(job, history);
    const detail = [kind && '曾接受同类工作', city && '曾在同一城市就业'].filter(Boolean).join('，');
    return kind || city ? { value: (kind ? SHARE : 0) + (city ? SHARE : 0), detail } : undefined;
  },
  jobFunctions(worker, _now, weight, context) {
    const history = context.histories.get(worker.workerId);
    if (!history) return [];
    return [
      ...(history.kinds.length ? [{ filter: { terms: { kind: history.kinds } }, weight: weight * SHARE }] : []),
      ...(history.cityCodes.length ? [{ filter: { terms: { cityCode: history.cityCodes } }, weight: weight * SHARE }] : []),
    ];
  },
  workerFunctions: () => [],
  workerCeiling: (_job, weight, context) => (context.histories.size ? contribution(weight, 1) : 0),
  // Jobs of an accepted kind and city earn the whole weight, of either half: classes of one split (score-bound.ts).
  bound: ({ acceptedHistory: weight }, context) => ({
    split: 'acceptedHistory',
    classes(worker) {
      const history = context.histories.get(worker.workerId);
      if (!history) return [];
      const kind = history.kinds.length ? [{ terms: { kind: history.kinds } }] : [];
      const city = history.cityCodes.length ? [{ terms: { cityCode: history.cityCodes } }] : [];
      const both = kind.length && city.length ? [bonus(contribution(weight, 1), ...kind, ...city)] : [];
      return [...both, ...[...kind, ...city].map((filter) => bonus(contribution(weight, SHARE), filter))];
    },
  }),
};
