import { makeResidentId } from '@laowu/domain';
import { randomInt } from 'node:crypto';
import { bearer } from '../../../../test/support/tokens';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import type { DestinationStream } from 'pino';
import { ABOUT, AppModule } from '../../src/app.module';
import { WorkerProfilesConfig } from '../../src/worker-profiles.config';

export const SPEC = { configClass: WorkerProfilesConfig, about: ABOUT, module: AppModule.forRoot };

export function startWorkerProfiles(
  options: { env?: Record<string, string>; consume?: boolean; logDestination?: DestinationStream } = {},
): Promise<TestApp<WorkerProfilesConfig>> {
  return startTestApp(SPEC, { consume: false, ...options });
}

/** A fresh, valid resident ID number (random birth date and sequence, so runs don't collide). */
export function freshIdNumber(regionCode = '513401', gender: 'male' | 'female' = 'male', birthYear?: number): string {
  const year = birthYear ?? randomInt(1966, 2004);
  const birthDate = `${year}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
  const sequence = randomInt(0, 500) * 2 + (gender === 'male' ? 1 : 0);
  return makeResidentId({ regionCode, birthDate, gender, sequence });
}

export function freshPhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** A station of 凉山 西昌 (513401) by default. */
export function stationToken(sub = 'station-513401-01', region = '513401'): string {
  return bearer({ sub, role: 'station', region });
}

export function bureauToken(region: string): string {
  return bearer({ sub: `bureau-${region}`, role: 'bureau', region });
}

export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    idNumber: freshIdNumber(),
    name: '张三丰',
    phone: freshPhone(),
    homeRegionCode: '513401',
    residenceRegionCode: '513401',
    location: { lat: 27.88, lon: 102.27 },
    stationId: 'station-513401-01',
    skills: [{ code: 'welding', level: 3 }],
    certificates: [{ code: 'welder-cert', level: 4 }],
    priorityGroups: ['poverty_alleviated'],
    preferences: {
      kinds: ['gig', 'fulltime'],
      willingToMigrate: true,
      targetRegionCodes: ['440000'],
      maxCommuteKm: 30,
      minWage: { amount: 200, unit: 'day' },
      availableFrom: '2026-12-01',
    },
    ...overrides,
  };
}

/** A writable the app's logger (pino) writes to, so a test can read every log line. */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
}
