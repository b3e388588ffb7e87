import { FollowUp } from './follow-ups/follow-up.entity';
import { LaborBrandEntity } from './labor-brands/labor-brand.entity';
import { EmploymentStatusEntry } from './workers/employment-status-entry.entity';
import { Worker } from './workers/worker.entity';
import { WorkerIncome } from './income/worker-income.entity';
import { MonitoringLine } from './monitoring-lines/monitoring-line.entity';

/** Every TypeORM entity of this app. */
export const ENTITIES: Function[] = [Worker, EmploymentStatusEntry, WorkerIncome, MonitoringLine, FollowUp, LaborBrandEntity];
