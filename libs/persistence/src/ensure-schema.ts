import { Client } from 'pg';

/**
 * Creates the app's schema if needed, then runs `migrate` while holding a session advisory lock
 * on the schema's name: replicas starting together migrate one after the other, and the later
 * ones find nothing pending. (TypeORM keeps its migrations table inside the schema, so the
 * schema must exist before it connects.)
 */
export async function withSchemaMigrationLock<T>(url: string, schema: string, migrate: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`laowu.migrations.${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    return await migrate();
  } finally {
    await client.end(); // ends the session, which releases the lock
  }
}

/** Creates the database named in `url` when missing (development and test databases). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/i.test(database)) throw new Error(`refusing to create database ${JSON.stringify(database)}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile
  } finally {
    await client.end();
  }
}
