import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { testInfra } from '../test/support/infra';

const { pairDatabaseWithKafka } = require('./local-database.js');

/** The demo's and `npm start`'s local database, paired with the Kafka whose events it published. */
describe('the local database follows its Kafka', () => {
  const server = new URL(testInfra().databaseUrl);
  const database = `${server.pathname.slice(1)}_pairing`;
  const brokers = testInfra().kafkaBrokers.split(',');
  const said: string[] = [];
  const pair = () => pairDatabaseWithKafka({ serverUrl: server.toString(), database, brokers, say: (m: string) => said.push(m) });

  async function query<T = Record<string, unknown>>(db: string, sql: string): Promise<T[]> {
    const url = new URL(server.toString());
    url.pathname = `/${db}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await query('postgres', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await query('postgres', `CREATE DATABASE "${database}"`);
  });

  afterAll(async () => {
    await query('postgres', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it('records the Kafka cluster on first use and then leaves the database as it is', async () => {
    expect(await pair()).toBe('recorded');
    await query(database, 'CREATE SCHEMA worker_profiles; CREATE TABLE worker_profiles.workers (id int); INSERT INTO worker_profiles.workers VALUES (1)');

    expect(await pair()).toBe('paired');
    expect(await query(database, 'SELECT id FROM worker_profiles.workers')).toEqual([{ id: 1 }]);
    expect(said).toEqual([]);
  });

  it('starts the database afresh, saying so, when its rows were published to another Kafka', async () => {
    await query(database, `UPDATE public.laowu_local_stack SET kafka_cluster_id = 'gone-${randomUUID()}'`);

    expect(await pair()).toBe('recreated');

    expect(await query(database, "SELECT nspname FROM pg_namespace WHERE nspname = 'worker_profiles'")).toEqual([]);
    expect(await pair()).toBe('paired');
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`database ${database} holds the state of another local Kafka`);
  });

  it('starts afresh a database that apps wrote to before pairing was recorded', async () => {
    await query(database, 'DROP TABLE public.laowu_local_stack; CREATE SCHEMA dispatch');

    expect(await pair()).toBe('recreated');
    expect(await query(database, "SELECT nspname FROM pg_namespace WHERE nspname = 'dispatch'")).toEqual([]);
  });
});
