import { EmploymentStatusEntry } from './workers/employment-status-entry.entity';
import { Worker } from './workers/worker.entity';

/** Every TypeORM entity of this app. */
export const ENTITIES: Function[] = [Worker, EmploymentStatusEntry];
