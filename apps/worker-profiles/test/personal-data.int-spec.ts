import { TOPICS } from '@laowu/contracts';
import { createKafka, ensureTopics, OutboxRelay } from '@laowu/messaging';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { type TestApp } from '../../../test/support/test-app';
import { PiiCipher } from '../src/pii/pii-cipher';
import { SCHEMA } from '../src/schema';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { freshIdNumber, freshPhone, LogCapture, registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

/**
 * The proof: after registering (and changing) a worker, the plain resident ID number,
 * phone and name appear nowhere — not in the raw Kafka messages, not in the app's log output, not
 * in any column of the worker's rows — while the encrypted columns decrypt back to them.
 */
describe('worker-profiles: personal data never leaves in plain', () => {
  let running: TestApp<WorkerProfilesConfig>;
  let recorder: TopicRecorder;
  const logs = new LogCapture();

  beforeAll(async () => {
    await ensureTopics(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'pii-test' }));
    recorder = await TopicRecorder.start([TOPICS.workers]);
    // info level: request logs and the service's own "worker registered" line are written
    running = await startWorkerProfiles({ env: { LOG_LEVEL: 'debug' }, logDestination: logs });
  });

  afterAll(async () => {
    await recorder?.stop();
    await running?.close();
  });

  it('finds the ID number, phone and name in no event, log line or database column', async () => {
    const idNumber = freshIdNumber('513401', 'male');
    const phone = freshPhone();
    const newPhone = freshPhone();
    const name = '欧阳铁柱';
    const station = stationToken();
    const created = await request(running.url).post('/v1/workers').set('Authorization', station).send(registration({ idNumber, phone, name })).expect(201);
    const id: string = created.body.id;
    await request(running.url).patch(`/v1/workers/${id}`).set('Authorization', station).send({ phone: newPhone }).expect(200);
    await request(running.url).get(`/v1/workers/${id}`).set('Authorization', station).expect(200);
    // a duplicate registration and a refused one are logged too
    await request(running.url).post('/v1/workers').set('Authorization', station).send(registration({ idNumber, phone, name })).expect(409);
    await request(running.url).post('/v1/workers').set('Authorization', station).send(registration({ idNumber: idNumber.slice(0, 17), phone })).expect(400);
    // the console's ways in: a bulk import (a row refused, a number already registered), lookups by either number, the list
    const [bulkIdNumber, bulkPhone] = [freshIdNumber('513401', 'female'), freshPhone()];
    const bulkRows = [registration({ idNumber: bulkIdNumber, phone: bulkPhone, name }), registration({ idNumber: bulkIdNumber.slice(0, 17), phone: bulkPhone }), registration({ idNumber, phone })];
    await request(running.url).post('/v1/workers/bulk').set('Authorization', station).send({ workers: bulkRows }).expect(200);
    await request(running.url).post('/v1/workers/lookup').set('Authorization', station).send({ idNumber }).expect(200);
    await request(running.url).post('/v1/workers/lookup').set('Authorization', station).send({ phone: `+86 ${newPhone}` }).expect(200);
    await request(running.url).post('/v1/workers/lookup').set('Authorization', station).send({ phone: `${bulkPhone}0` }).expect(400);
    await request(running.url).get('/v1/workers?pageSize=5').set('Authorization', station).expect(200);

    await running.app.get(OutboxRelay).drain();
    const messages = await recorder.waitFor((all) => all.filter((m) => m.key === id).length === 2);
    const secrets = [idNumber, phone, newPhone, name, idNumber.slice(6, 14) /* birth date */];

    const kafkaText = messages.map((m) => `${m.key}\n${m.value}\n${JSON.stringify(m.headers)}`).join('\n');
    expect(kafkaText).toContain(id);
    const logText = logs.text;
    expect(logText).toContain('worker registered');
    expect(logText).toContain(id);

    const db = running.app.get(DataSource);
    const rows = [
      ...(await db.query(`SELECT * FROM "${SCHEMA}".workers WHERE id = $1`, [id])),
      ...(await db.query(`SELECT * FROM "${SCHEMA}".employment_status_history WHERE worker_id = $1`, [id])),
      ...(await db.query(`SELECT * FROM "${SCHEMA}".outbox WHERE key = $1`, [id])),
    ];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const columnTexts = rows.flatMap((row) => Object.values(row).map(columnText));

    expect(logText).toContain('bulk registration');
    for (const secret of [bulkIdNumber, bulkPhone, bulkIdNumber.slice(0, 17)]) expect(logText).not.toContain(secret);
    for (const secret of secrets.slice(0, 4)) {
      expect(kafkaText).not.toContain(secret);
      expect(logText).not.toContain(secret);
      for (const text of columnTexts) expect(text).not.toContain(secret);
    }
    expect(kafkaText).not.toContain(idNumber.slice(6, 14));

    // the encrypted columns hold ciphertext that decrypts back (key id first, so keys can rotate)
    const [worker] = await db.query(`SELECT * FROM "${SCHEMA}".workers WHERE id = $1`, [id]);
    const cipher = running.app.get(PiiCipher);
    expect(worker.id_number_enc).toMatch(/^dev1:[A-Za-z0-9+/=]+$/);
    expect(cipher.decrypt(worker.id_number_enc, id, 'idNumber')).toBe(idNumber);
    expect(cipher.decrypt(worker.phone_enc, id, 'phone')).toBe(newPhone);
    expect(cipher.decrypt(worker.name_enc, id, 'name')).toBe(name);
    expect(worker.id_number_hash.equals(cipher.blindIndex(idNumber))).toBe(true);
    expect(worker.phone_hash.equals(cipher.phoneIndex(newPhone))).toBe(true);
    expect(worker.pii_key_id).toBe('dev1');
  });
});

/** Every representation a column value could leak through: text, JSON, hex and latin1 of bytes. */
function columnText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return `${value.toString('hex')}\n${value.toString('latin1')}\n${value.toString('utf8')}`;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
