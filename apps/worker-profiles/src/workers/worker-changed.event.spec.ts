import { parseEvent, TOPICS, WorkerChangedData } from '@laowu/contracts';
import { getMetadataStorage } from 'class-validator';
import { workerChangedEvent } from './worker-changed.event';
import { Worker } from './worker.entity';

/** The fields a contract class declares (every one carries a class-validator decorator). */
const declaredKeys = (contract: new () => object): string[] =>
  [...new Set(getMetadataStorage().getTargetValidationMetadatas(contract, '', true, false).map((m) => m.propertyName))].sort();

const worker = (): Worker =>
  Object.assign(new Worker(), {
    id: '0b8f6d2e-3c4a-4e5f-8a9b-1c2d3e4f5a6b', version: 2, stationId: 'station-1',
    idNumberEnc: 'enc', idNumberHash: Buffer.from('h'), idNumberMasked: '5134**********1234', nameEnc: 'enc', nameMasked: '张*',
    phoneEnc: 'enc', phoneMasked: '138****0000', phoneHash: Buffer.from('p'), piiKeyId: 'k1', birthDate: '1980-06-15', gender: 'male',
    homeRegionCode: '513401', residenceRegionCode: '440306', lat: 22.5531, lon: 113.8842,
    skills: [{ code: 'welding', level: 3 }], certificates: [{ code: 'forklift', level: 1, issuedOn: '2028-03-01', validUntil: '2032-02-29' }], laborBrand: 'chuan-mei-zi', priorityGroups: ['poverty_alleviated'],
    preferences: {
      kinds: ['gig'], willingToMigrate: true, targetRegionCodes: ['440300'], maxCommuteKm: 30,
      minWage: { amount: 200, unit: 'day' }, availableFrom: '2030-01-01',
    },
    willingToMigrate: true, employmentStatus: 'seeking', statusEffectiveDate: '2029-12-01', statusRegionCode: '513401',
    statusRegisteredAt: 'residence', employer: '某电子厂', createdAt: new Date('2029-11-01T00:00:00Z'), updatedAt: new Date('2029-12-01T00:00:00Z'),
  } satisfies Worker);

describe('workerChangedEvent', () => {
  const now = new Date('2030-06-15T00:00:00Z');

  it('carries exactly the fields the WorkerChanged contract declares, whatever else the row has', () => {
    const { data } = workerChangedEvent(worker(), now, 'worker-profiles');
    expect(Object.keys(data).sort()).toEqual(declaredKeys(WorkerChangedData));
  });

  it('passes the contract as consumers read it (unknown fields refused), with the app as producer', () => {
    const read = parseEvent<WorkerChangedData>(TOPICS.workers, JSON.stringify(workerChangedEvent(worker(), now, 'worker-profiles')));
    expect(read.producer).toBe('worker-profiles');
    expect(read.data).toMatchObject({ ageYears: 50, location: { lat: 22.55, lon: 113.88 }, available: true });
  });

  it('carries the 劳务品牌 code and each certificate with validUntil, never issuedOn; none when the worker has no brand', () => {
    const { data } = workerChangedEvent(worker(), now, 'worker-profiles');
    expect(data.laborBrand).toBe('chuan-mei-zi');
    expect(data.certificates).toEqual([{ code: 'forklift', level: 1, validUntil: '2032-02-29' }]);
    const plain = Object.assign(worker(), { laborBrand: null, certificates: [{ code: 'forklift', level: 1 }] });
    const read = parseEvent<WorkerChangedData>(TOPICS.workers, JSON.stringify(workerChangedEvent(plain, now, 'worker-profiles')));
    expect('laborBrand' in read.data).toBe(false);
    expect(read.data.certificates).toEqual([{ code: 'forklift', level: 1 }]);
  });

  it('says an employed worker is not available', () => {
    const employed = Object.assign(worker(), { employmentStatus: 'employed' });
    expect(workerChangedEvent(employed, now, 'worker-profiles').data.available).toBe(false);
  });
});
