import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/** An employment service station (就业服务站点) that receives matches. */
@Entity({ name: 'stations', schema: SCHEMA })
export class StationEntity {
  @PrimaryColumn('text') id: string;
  @Column('text') name: string;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  @Column('double precision') lat: number;
  @Column('double precision') lon: number;
  @Column({ name: 'webhook_url', type: 'text', nullable: true }) webhookUrl: string | null;
  /** AES-256-GCM ciphertext; the plain secret is never returned by the API. */
  @Column({ name: 'webhook_secret_encrypted', type: 'text', nullable: true }) webhookSecretEncrypted: string | null;
  /** During a rotation: the secret before the current one, which still signs until it expires. */
  @Column({ name: 'webhook_previous_secret_encrypted', type: 'text', nullable: true }) webhookPreviousSecretEncrypted: string | null;
  @Column({ name: 'webhook_previous_secret_expires_at', type: 'timestamptz', nullable: true }) webhookPreviousSecretExpiresAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
