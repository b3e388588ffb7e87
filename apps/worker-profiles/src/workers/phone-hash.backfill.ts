import { PiiDecryptionError } from '@laowu/platform';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PiiCipher } from '../pii/pii-cipher';
import { SCHEMA } from '../schema';

const BATCH_SIZE = 500;

/**
 * Fills `phone_hash` on workers registered before the phone blind index existed (a migration cannot
 * decrypt, the app can). Started with the app, in the background: until it is done a phone lookup
 * may miss such a worker. Batches of 500 in id order, each one transaction: the batch's rows locked
 * (SKIP LOCKED, so instances started together share the work), decrypted, and their hash written
 * only where still null. Idempotent: after a crash the next start carries on with what is left; once
 * every row has its hash a start costs one indexed query. Rows whose phone was written with a key that
 * is no longer configured are not read at all (the key id prefixes the ciphertext), so they cost no
 * start anything; they are filled once their key is configured again. A row that still fails to
 * decrypt (corrupt) is counted, left null and passed over.
 */
@Injectable()
export class PhoneHashBackfill implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PhoneHashBackfill.name);
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.runAndLog();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Fills every missing phone hash it can; returns how many rows it filled and how many it could not decrypt. */
  async run(): Promise<{ filled: number; undecryptable: number }> {
    const total = { filled: 0, undecryptable: 0 };
    for (let after = '00000000-0000-0000-0000-000000000000'; !this.stopping; ) {
      const batch = await this.fillBatch(after);
      if (!batch.last) break;
      total.filled += batch.filled;
      total.undecryptable += batch.undecryptable;
      after = batch.last;
    }
    return total;
  }

  private async runAndLog(): Promise<void> {
    try {
      const { filled, undecryptable } = await this.run();
      if (filled || undecryptable) this.logger.log({ filled, undecryptable }, 'phone hash backfill done');
    } catch (error) {
      this.logger.warn(`phone hash backfill stopped (${(error as Error).message}); the next start carries on`);
    }
  }

  /** One batch after the id `after`; `last` is the batch's last id (none: nothing left). */
  private async fillBatch(after: string): Promise<{ last?: string; filled: number; undecryptable: number }> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; phone_enc: string }[] = await manager.query(
        `SELECT id, phone_enc FROM "${SCHEMA}".workers
          WHERE phone_hash IS NULL AND id > $1 AND split_part(phone_enc, ':', 1) = ANY($2::text[])
          ORDER BY id LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED`,
        [after, this.cipher.keyIds],
      );
      const ids: string[] = [];
      const hashes: Buffer[] = [];
      for (const row of rows) {
        const hash = this.hashOf(row.id, row.phone_enc);
        if (!hash) continue;
        ids.push(row.id);
        hashes.push(hash);
      }
      if (ids.length) {
        await manager.query(
          `UPDATE "${SCHEMA}".workers w SET phone_hash = v.hash FROM unnest($1::uuid[], $2::bytea[]) AS v(id, hash) WHERE w.id = v.id AND w.phone_hash IS NULL`,
          [ids, hashes],
        );
      }
      return { last: rows.at(-1)?.id, filled: ids.length, undecryptable: rows.length - ids.length };
    });
  }

  private hashOf(workerId: string, phoneEnc: string): Buffer | undefined {
    try {
      return this.cipher.phoneIndex(this.cipher.decrypt(phoneEnc, workerId, 'phone'));
    } catch (error) {
      if (error instanceof PiiDecryptionError) return undefined;
      throw error;
    }
  }
}
