// The worker-profiles app as the export benchmark runs it: HTTP only (no Kafka consumer, so that
// nothing but the export runs in the measured process). Started by export-workers.ts.
import 'reflect-metadata';
import { loadConfigOrExit, startApp } from '@laowu/platform';
import { ABOUT, AppModule } from '../apps/worker-profiles/src/app.module';
import { WorkerProfilesConfig } from '../apps/worker-profiles/src/worker-profiles.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(WorkerProfilesConfig, ABOUT.name);
  await startApp(AppModule.forRoot(config), config, ABOUT);
  process.send?.('ready');
}

void main();
