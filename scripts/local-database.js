// The local database `laowu` belongs to one local Kafka: the apps' rows say which events they
// already published (outbox rows marked sent) and consumed (inbox rows). Against a brand-new
// Kafka (a new clone, or .stack removed) those events are gone, so registered workers and posted
// jobs would never reach the new search index. This pairs the database with the running Kafka
// cluster and starts the database afresh, saying so, when it belonged to another one.
const { Client } = require('pg');
const { Kafka, logLevel } = require('kafkajs');

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432';
const LOCAL_DATABASE = 'laowu';
const PAIRING_TABLE = 'public.laowu_local_stack';

async function kafkaClusterId(brokers) {
  const admin = new Kafka({ clientId: 'laowu-local-stack', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.describeCluster()).clusterId;
  } finally {
    await admin.disconnect();
  }
}

async function withClient(serverUrl, database, work) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The Kafka cluster the database was paired with, and whether any app has written to it. */
async function pairingOf(client) {
  const { rows: [row] } = await client.query(
    // Each app writes only in a schema of its own (its migrations table too).
    `SELECT (SELECT count(*) FROM pg_namespace
              WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%')::int AS app_schemas,
            to_regclass($1) IS NOT NULL AS paired`,
    [PAIRING_TABLE],
  );
  const recorded = row.paired ? (await client.query(`SELECT kafka_cluster_id FROM ${PAIRING_TABLE}`)).rows[0] : undefined;
  return { appSchemas: row.app_schemas, clusterId: recorded?.kafka_cluster_id };
}

async function recordPairing(client, clusterId) {
  await client.query(`CREATE TABLE IF NOT EXISTS ${PAIRING_TABLE} (kafka_cluster_id text NOT NULL)`);
  await client.query(`TRUNCATE ${PAIRING_TABLE}`);
  await client.query(`INSERT INTO ${PAIRING_TABLE} VALUES ($1)`, [clusterId]);
}

/**
 * Pairs `database` on the PostgreSQL server at `serverUrl` with the Kafka cluster at `brokers`.
 * Returns what it did: 'paired' (nothing to do), 'recorded' (first use of an empty database) or
 * 'recreated'.
 */
async function pairDatabaseWithKafka({ serverUrl, database, brokers, say }) {
  const clusterId = await kafkaClusterId(brokers);
  const pairing = await withClient(serverUrl, database, pairingOf);
  if (pairing.clusterId === clusterId) return 'paired';
  if (pairing.clusterId === undefined && pairing.appSchemas === 0) {
    await withClient(serverUrl, database, (client) => recordPairing(client, clusterId));
    return 'recorded';
  }
  say(
    `database ${database} holds the state of another local Kafka (${pairing.clusterId ?? 'unrecorded'}), whose events are gone; ` +
      `starting it afresh so that PostgreSQL, Kafka (${clusterId}) and the search index agree`,
  );
  await withClient(serverUrl, 'postgres', async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
  await withClient(serverUrl, database, (client) => recordPairing(client, clusterId));
  return 'recreated';
}

/** The local default database only: one given by DATABASE_URL is left alone. */
function pairLocalDatabase({ say }) {
  if (process.env.DATABASE_URL) return Promise.resolve('paired');
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  return pairDatabaseWithKafka({ serverUrl: LOCAL_SERVER, database: LOCAL_DATABASE, brokers, say });
}

module.exports = { pairLocalDatabase, pairDatabaseWithKafka };
