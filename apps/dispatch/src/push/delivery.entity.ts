import { Lane, PushTrigger } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

export const WEBHOOK_STATUSES = ['none', 'pending', 'delivered', 'dead'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

/**
 * What the station receives for a match: on SSE (id = SSE event id) and, if it has one, its
 * webhook. Built by Postgres from the stored match (MatchInboxService), so the stream and the
 * match list say the same.
 */
export interface DeliveryPayload {
  matchId: string;
  jobId: string;
  workerId: string;
  score: number;
  reasons: unknown[];
  job: unknown;
  trigger: PushTrigger;
  lane: Lane;
  createdAt: string;
  /** The ranking weights version matching ranked the match with; absent for matches pushed before it recorded one. */
  weightsVersion?: number;
}

@Entity({ name: 'deliveries', schema: SCHEMA })
export class DeliveryEntity {
  /** bigserial: a string in JS so ids beyond 2^53 stay exact. */
  @PrimaryColumn('bigint') id: string;
  @Column({ name: 'station_id', type: 'text' }) stationId: string;
  @Column({ name: 'match_id', type: 'uuid' }) matchId: string;
  @Column('jsonb') payload: DeliveryPayload;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'webhook_status', type: 'text' }) webhookStatus: WebhookStatus;
  @Column('int') attempts: number;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
}
