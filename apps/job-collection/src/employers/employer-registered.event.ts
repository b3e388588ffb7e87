import { createEnvelope, deterministicUuid, EmployerRegistered, type EmployerRegisteredData, TOPICS } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
import { type EmployerEntity } from './employer.entity';

/** The employer's whole state, field by field from the row (never from a response). */
export function employerRegisteredData(employer: EmployerEntity): EmployerRegisteredData {
  return {
    employerId: employer.id,
    version: employer.version,
    agencyId: employer.agencyId,
    name: employer.name,
    creditCode: employer.creditCode,
    regionCode: employer.regionCode,
    workshop: employer.workshop,
    updatedAt: employer.updatedAt.toISOString(),
  };
}

/** Appends the employer's EmployerRegistered (id derived from employer and version) in the caller's transaction. */
export async function appendEmployerRegistered(manager: EntityManager, employer: EmployerEntity, producer: string): Promise<void> {
  const event = createEnvelope(EmployerRegistered, employerRegisteredData(employer), {
    producer,
    id: deterministicUuid(`employer:${employer.id}:v${employer.version}`),
    occurredAt: employer.updatedAt,
  });
  await appendToOutbox(manager, SCHEMA, TOPICS.reference, [event]);
}
