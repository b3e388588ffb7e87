import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 19: a batch's escort (带队联系人), printed on the manifest. The phone only as ciphertext
 * (FieldCipher, field `contactPhone`, bound to the batch id); both or neither.
 */
export class BatchContact1765230000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "${SCHEMA}".batches ADD COLUMN contact_name text, ADD COLUMN contact_phone_enc text`);
    await runner.query(
      `ALTER TABLE "${SCHEMA}".batches ADD CONSTRAINT batches_contact_whole CHECK ((contact_name IS NULL) = (contact_phone_enc IS NULL))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "${SCHEMA}".batches DROP CONSTRAINT batches_contact_whole, DROP COLUMN contact_name, DROP COLUMN contact_phone_enc`);
  }
}
