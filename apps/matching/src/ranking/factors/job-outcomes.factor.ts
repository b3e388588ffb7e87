import { rateFactor } from './rate-factor';

/**
 * The job's own record with stations: acceptance and arrival of its matches, smoothed towards the
 * global rates and centred like the agency's (rate-factor.ts): a job stations keep declining sinks
 * below a new one.
 */
export const jobOutcomes = rateFactor({ name: 'jobOutcomes', defaultWeight: 0.5, idField: 'jobId', rates: (context) => context.jobRates, subject: '该岗位' });
