import { bestDeviation, rateDetail, rateDeviationOf, rateFunctions, type RateClasses } from '../../outcomes/outcome-rates';
import { type RankingContext } from '../../outcomes/ranking-context';
import { constantBound, contribution, type RankingFactor } from './factor';

interface RateFactorSpec<Name extends string> {
  name: Name;
  defaultWeight: number;
  /** The job document field the classes are keyed by. */
  idField: 'agencyId' | 'jobId';
  /** Which classes of the context it reads. */
  rates(context: RankingContext): RateClasses;
  /** Whose record the reason names (该机构, 该岗位). */
  subject: string;
}

/**
 * A centred factor on a smoothed record with stations (outcomes/outcome-rates.ts): up to weight × ½
 * for a good record, as much off for a poor one, nothing and no reason at the prior. The same for
 * every candidate of a job, so the candidates query leaves it out (the reasons keep it: they add
 * up to the score shown, and no order changes); its bound is the best class's lift, a constant.
 */
export function rateFactor<Name extends string>(spec: RateFactorSpec<Name>): RankingFactor<Name> {
  return {
    name: spec.name,
    defaultWeight: spec.defaultWeight,
    value(job, _worker, _now, context) {
      const rates = spec.rates(context);
      const found = rateDeviationOf(rates, job[spec.idField]);
      return found && { value: found.value, detail: rateDetail(spec.subject, found.rating, rates.prior) };
    },
    jobFunctions: (_worker, _now, weight, context) => rateFunctions(spec.idField, spec.rates(context), weight),
    workerFunctions: () => [],
    workerCeiling: (job, weight, context) => contribution(weight, rateDeviationOf(spec.rates(context), job[spec.idField])?.value ?? 0),
    bound: (weights, context) => constantBound(() => contribution(weights[spec.name], bestDeviation(spec.rates(context)))),
  };
}
