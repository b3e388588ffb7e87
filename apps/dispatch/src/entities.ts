import { BatchWorkerEntity } from './batches/batch-worker.entity';
import { BatchEntity } from './batches/batch.entity';
import { MatchEntity } from './matches/match.entity';
import { PlacementCheckEntity } from './placements/placement-check.entity';
import { PlacementEntity } from './placements/placement.entity';
import { DeliveryEntity } from './push/delivery.entity';
import { PushSettingsEntity } from './stations/push-settings.entity';
import { StationEntity } from './stations/station.entity';
import { EmployerViewEntity } from './views/employer-view.entity';
import { JobViewEntity } from './views/job-view.entity';
import { WorkerViewEntity } from './views/worker-view.entity';
import { WorkshopEntity } from './workshops/workshop.entity';

/** Every TypeORM entity of this app. */
export const ENTITIES: Function[] = [
  StationEntity, PushSettingsEntity, JobViewEntity, WorkerViewEntity, MatchEntity, DeliveryEntity, BatchEntity, BatchWorkerEntity,
  PlacementEntity, PlacementCheckEntity,
  WorkshopEntity, EmployerViewEntity,
];
