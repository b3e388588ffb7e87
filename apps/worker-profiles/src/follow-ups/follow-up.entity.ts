import { Column, Entity, PrimaryColumn } from 'typeorm';

export const FOLLOW_UP_KINDS = ['call', 'visit'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** What the call or visit found; `unstable`: 就业不稳, `unreachable`: nobody answered or was met. */
export const FOLLOW_UP_OUTCOMES = ['employed', 'unemployed', 'unstable', 'unreachable'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/**
 * One entry of the follow-up ledger (帮扶台账, 十三): a station called or visited a worker at `at`
 * and found `outcome`; the next follow-up is due at `nextDueAt` (none set: the monthly one).
 * The note exists here only as ciphertext (PiiCipher, field `followUpNote`, bound to the
 * follow-up's id), written after phone and ID-like numbers in it were masked. Only ever added.
 */
@Entity({ name: 'follow_ups' })
export class FollowUp {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'worker_id' }) workerId: string;
  @Column('text') kind: FollowUpKind;
  @Column('timestamptz') at: Date;
  @Column('text') outcome: FollowUpOutcome;
  @Column('text', { name: 'note_enc', nullable: true }) noteEnc: string | null;
  @Column('timestamptz', { name: 'next_due_at', nullable: true }) nextDueAt: Date | null;
  /** The principal that recorded it (`station:<id>`, `admin:<id>`). */
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
