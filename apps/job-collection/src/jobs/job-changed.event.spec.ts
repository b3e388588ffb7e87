import { JobChangedData, parseEvent, TOPICS } from '@laowu/contracts';
import { getMetadataStorage } from 'class-validator';
import { jobChangedEvent } from './job-changed.event';
import { JobEntity } from './job.entity';
import { toJobResponse } from './job.response.dto';

// The response grows a field only the API has: the event must not notice.
jest.mock('./job.response.dto', () => {
  const actual = jest.requireActual('./job.response.dto');
  return { ...actual, toJobResponse: (job: JobEntity) => ({ ...actual.toJobResponse(job), apiOnly: 'for HTTP callers' }) };
});

/** The fields a contract class declares (every one carries a class-validator decorator). */
const declaredKeys = (contract: new () => object): string[] =>
  [...new Set(getMetadataStorage().getTargetValidationMetadatas(contract, '', true, false).map((m) => m.propertyName))].sort();

const everyField = (): JobEntity =>
  Object.assign(new JobEntity(), {
    id: '6f1c2a4e-8d3b-4f6a-9c1e-2b7d5e8f0a13', agencyId: 'agency-1', externalId: 'SZ-1', requestHash: 'r', materialHash: 'm',
    title: '电子厂普工', description: '包吃住', kind: 'gig', occupationCode: '6-18-02-04', skills: [{ code: 'welding', minLevel: 2 }],
    headcount: 30, filled: 4, wageMin: 180, wageMax: 240, wageUnit: 'day', regionCode: '440306', lat: 22.55, lon: 113.88, address: '宝安',
    sourceRegionCodes: ['510000'], ageMin: 18, ageMax: 55, olderWorkerFriendly: true,
    startAt: new Date('2030-01-01T00:00:00Z'), endAt: new Date('2030-01-03T00:00:00Z'), instant: true,
    benefits: { housing: true, meals: false, transport: true, injuryInsurance: true }, relocationQuotaPct: 20, laborBrand: 'chuan-mei-zi',
    laborBrandName: '川妹子', requiredCertificates: ['welder-cert', 'work-at-height-cert'], placementsStarted: 5,
    employerId: '0b8e4f5a-3c2d-4e1f-8a9b-7c6d5e4f3a21', status: 'open', version: 3, materialVersion: 2, postedAt: new Date('2029-12-01T00:00:00Z'), updatedAt: new Date('2029-12-02T00:00:00Z'),
  } satisfies JobEntity);

describe('jobChangedEvent', () => {
  it('carries exactly the fields the JobChanged contract declares', () => {
    const { data } = jobChangedEvent(everyField(), 'updated', 'job-collection');
    expect(Object.keys(data).sort()).toEqual(declaredKeys(JobChangedData));
  });

  it('is built from the row, so a field only the HTTP response has never reaches the event', () => {
    const job = everyField();
    expect(toJobResponse(job)).toHaveProperty('apiOnly');
    expect(jobChangedEvent(job, 'updated', 'job-collection').data).not.toHaveProperty('apiOnly');
  });

  it('passes the contract as consumers read it (unknown fields refused), with the app as producer', () => {
    const event = jobChangedEvent(everyField(), 'created', 'job-collection');
    const read = parseEvent<JobChangedData>(TOPICS.jobs, JSON.stringify(event));
    expect(read.producer).toBe('job-collection');
    expect(read.data).toEqual({
      jobId: '6f1c2a4e-8d3b-4f6a-9c1e-2b7d5e8f0a13', version: 3, change: 'created', status: 'open', agencyId: 'agency-1', externalId: 'SZ-1',
      title: '电子厂普工', description: '包吃住', kind: 'gig', occupationCode: '6-18-02-04', skills: [{ code: 'welding', minLevel: 2 }],
      headcount: 30, filled: 4, wage: { min: 180, max: 240, unit: 'day' }, location: { regionCode: '440306', lat: 22.55, lon: 113.88, address: '宝安' },
      crossRegion: { sourceRegionCodes: ['510000'] }, ageRange: { min: 18, max: 55 }, olderWorkerFriendly: true,
      startAt: '2030-01-01T00:00:00.000Z', endAt: '2030-01-03T00:00:00.000Z', instant: true,
      benefits: { housing: true, meals: false, transport: true, injuryInsurance: true }, relocationQuotaPct: 20, laborBrand: 'chuan-mei-zi',
      requiredCertificates: ['welder-cert', 'work-at-height-cert'], employerId: '0b8e4f5a-3c2d-4e1f-8a9b-7c6d5e4f3a21',
      materialVersion: 2, postedAt: '2029-12-01T00:00:00.000Z', updatedAt: '2029-12-02T00:00:00.000Z',
    });
  });

  it('leaves absent optional fields out', () => {
    const job = Object.assign(everyField(), {
      externalId: null, description: null, occupationCode: null, address: null, sourceRegionCodes: null, ageMin: null, ageMax: null,
      startAt: null, endAt: null, benefits: null, relocationQuotaPct: null, laborBrand: null, laborBrandName: null, requiredCertificates: [], employerId: null,
    });
    const json = JSON.parse(JSON.stringify(jobChangedEvent(job, 'updated', 'job-collection').data));
    expect(Object.keys(json).sort()).toEqual([
      'agencyId', 'change', 'filled', 'headcount', 'instant', 'jobId', 'kind', 'location', 'materialVersion', 'olderWorkerFriendly',
      'postedAt', 'skills', 'status', 'title', 'updatedAt', 'version', 'wage',
    ]);
    expect(json.location).toEqual({ regionCode: '440306', lat: 22.55, lon: 113.88 });
  });
});
