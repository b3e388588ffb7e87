import { type Principal } from '@laowu/auth';
import { makeCreditCode } from '@laowu/domain';
import { inDays } from '@laowu/testkit';
import { randomInt, randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { bearer } from '../../../test/support/tokens';
import { ABOUT, AppModule } from '../src/app.module';
import { JobCollectionConfig } from '../src/job-collection.config';
import { SCHEMA } from '../src/schema';

export const SPEC = { configClass: JobCollectionConfig, about: ABOUT, module: AppModule.forRoot };

export const asAgency = (sub: string, region = '440300') => bearer({ sub, role: 'agency', region });
export const as = (principal: Principal) => bearer(principal);

/** A fresh agency id per test, so counts and listings see only what the test made. */
export const newAgencyId = () => `agency-${randomUUID().slice(0, 8)}`;

/** A valid gig job (零工) in 深圳市宝安区 that tests vary one field at a time. */
export function gigJob(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: `EXT-${randomUUID()}`,
    title: '电子厂普工',
    description: '流水线装配，包吃住',
    kind: 'gig',
    occupationCode: '6-18-02-04',
    skills: [{ code: 'welding', minLevel: 2 }],
    headcount: 3,
    wage: { min: 180, max: 240, unit: 'day' },
    location: { regionCode: '440306', lat: 22.55, lon: 113.88, address: '宝安区福永街道' },
    crossRegion: { sourceRegionCodes: ['510000', '513400'] },
    ageRange: { min: 18, max: 55 },
    olderWorkerFriendly: false,
    startAt: inDays(10),
    endAt: inDays(12),
    instant: true,
    benefits: { housing: true, meals: true, transport: false, injuryInsurance: true },
    relocationQuotaPct: 20,
    laborBrand: '川妹子',
    ...overrides,
  };
}

export function publicWelfareJob(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { ageRange: _ageRange, ...job } = gigJob({ kind: 'public_welfare', title: '乡村保洁员', startAt: inDays(5), endAt: inDays(300) });
  return { ...job, ...overrides };
}

export async function jobRows(dataSource: DataSource, where: { agencyId?: string; externalId?: string }): Promise<number> {
  const [{ count }] = await dataSource.query(
    `SELECT count(*)::int AS count FROM "${SCHEMA}".jobs WHERE ($1::text IS NULL OR agency_id = $1) AND ($2::text IS NULL OR external_id = $2)`,
    [where.agencyId ?? null, where.externalId ?? null],
  );
  return count;
}

/** Outbox rows (sent or not) about jobs with this externalId: an event the write produced. */
export async function outboxRowsFor(dataSource: DataSource, externalId: string): Promise<number> {
  const [{ count }] = await dataSource.query(
    `SELECT count(*)::int AS count FROM "${SCHEMA}".outbox WHERE payload->'data'->>'externalId' = $1`,
    [externalId],
  );
  return count;
}

/** A 统一社会信用代码 of an enterprise registered in `regionCode`, with a random organisation code (unique per call, in practice). */
export const freshCreditCode = (regionCode: string): string => makeCreditCode(regionCode, String(randomInt(0, 100_000_000)).padStart(8, '0'));

export function employerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: '深圳市宝安区某电子厂', creditCode: freshCreditCode('440300'), regionCode: '440306', ...overrides };
}

/** A calendar day in China `n` days from today (YYYY-MM-DD). */
export const chinaDay = (n: number): string => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
