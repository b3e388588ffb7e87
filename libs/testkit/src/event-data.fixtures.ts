import { type JobChangedData, type WorkerChangedData } from '@laowu/contracts';
import { inDays } from './dates.fixtures';
import { randomUUID } from 'node:crypto';

/** Job and worker events for tests, unit and integration alike; nothing here touches the stack. */

/** A job as job-collection would publish it; override what a test is about. */
export function jobData(overrides: Partial<JobChangedData> = {}): JobChangedData {
  return {
    jobId: randomUUID(),
    version: 1,
    change: 'created',
    status: 'open',
    agencyId: 'agency-test',
    title: '电子厂普工',
    description: '流水线装配，包吃住',
    kind: 'fulltime',
    skills: [],
    headcount: 10,
    filled: 0,
    wage: { min: 200, max: 240, unit: 'day' },
    location: { regionCode: '440306', lat: 22.55, lon: 113.88 },
    olderWorkerFriendly: false,
    instant: false,
    relocationQuotaPct: 0,
    materialVersion: 1,
    postedAt: inDays(-1),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A worker as worker-profiles would publish it (no name, ID number or phone exist in it). */
export function workerData(overrides: Partial<WorkerChangedData> = {}, preferences: Partial<WorkerChangedData['preferences']> = {}): WorkerChangedData {
  return {
    workerId: randomUUID(),
    version: 1,
    stationId: 'station-440306-01',
    ageYears: 35,
    gender: 'male',
    homeRegionCode: '440306',
    residenceRegionCode: '440306',
    location: { lat: 22.56, lon: 113.9 },
    skills: [],
    certificates: [],
    priorityGroups: [],
    employmentStatus: 'seeking',
    available: true,
    updatedAt: new Date().toISOString(),
    ...overrides,
    preferences: { kinds: ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'], willingToMigrate: false, targetRegionCodes: [], maxCommuteKm: 30, ...preferences },
  };
}
