import { rateFactor } from './rate-factor';

/**
 * The job's agency's record with stations (issue 18, learning from outcomes): how often its
 * matches were accepted and its accepted workers arrived, smoothed with a prior so that a new
 * agency scores exactly as one at the global rates (outcomes/outcome-rates.ts). A poor record
 * shows as a negative contribution in the reasons (rate-factor.ts).
 */
export const agencyOutcomes = rateFactor({ name: 'agencyOutcomes', defaultWeight: 1, idField: 'agencyId', rates: (context) => context.agencyRates, subject: '该机构' });
