import { coarseLocation, createEnvelope, type EventEnvelope, WorkerChanged, type WorkerChangedData } from '@laowu/contracts';
import { ageOn } from '@laowu/domain';
import { isAvailable, type Worker } from './worker.entity';

/**
 * The projection matching needs and nothing more (WorkerChangedData): never the name, ID number,
 * phone or birth date — age in whole years only; the location snapped to the ≈ 1 km grid
 * (coarseLocation), the exact point staying here. Built field by field so that a new column on
 * Worker can never leak into events by accident.
 */
function workerChangedData(worker: Worker, now: Date): WorkerChangedData {
  const { preferences } = worker;
  return {
    workerId: worker.id,
    version: worker.version,
    stationId: worker.stationId,
    ageYears: ageOn(worker.birthDate, now),
    gender: worker.gender,
    homeRegionCode: worker.homeRegionCode,
    residenceRegionCode: worker.residenceRegionCode,
    location: coarseLocation({ lat: worker.lat, lon: worker.lon }),
    skills: worker.skills.map(({ code, level }) => ({ code, level })),
    certificates: worker.certificates.map(({ code, level, validUntil }) => ({ code, level, ...(validUntil ? { validUntil } : {}) })),
    ...(worker.laborBrand ? { laborBrand: worker.laborBrand } : {}),
    priorityGroups: [...worker.priorityGroups],
    preferences: {
      kinds: [...preferences.kinds],
      willingToMigrate: preferences.willingToMigrate,
      targetRegionCodes: [...preferences.targetRegionCodes],
      maxCommuteKm: preferences.maxCommuteKm,
      ...(preferences.minWage ? { minWage: { amount: preferences.minWage.amount, unit: preferences.minWage.unit } } : {}),
      ...(preferences.availableFrom ? { availableFrom: preferences.availableFrom } : {}),
    },
    employmentStatus: worker.employmentStatus,
    available: isAvailable(worker),
    updatedAt: worker.updatedAt.toISOString(),
  };
}

export function workerChangedEvent(worker: Worker, now: Date, producer: string): EventEnvelope<WorkerChangedData> {
  return createEnvelope(WorkerChanged, workerChangedData(worker, now), { producer, occurredAt: now });
}
