import { createServer, type Server, type Socket } from 'node:net';
import { Client, DatabaseError, Pool } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isTransient, TransientError } from './transient-error';

/**
 * The errors are produced by the real libraries where they can be without a database: a pg Pool
 * and Client against a local server that accepts connections and never answers (an overloaded or
 * unreachable PostgreSQL), and TypeORM's own QueryFailedError around pg's DatabaseError.
 */
describe('isTransient', () => {
  let silent: Server;
  let port: number;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as { port: number }).port;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  const databaseError = (message: string, code: string) => Object.assign(new DatabaseError(message, message.length, 'error'), { code, severity: 'ERROR' });
  const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

  it('classes pg-pool’s acquisition timeout (every connection busy) as transient', async () => {
    const pool = new Pool({ host: '127.0.0.1', port, user: 'x', database: 'x', max: 1, connectionTimeoutMillis: 50 });
    pool.on('error', () => undefined);
    const first = pool.connect().catch((error: Error) => error);
    const second = await pool.connect().catch((error: Error) => error);
    await first;
    await pool.end().catch(() => undefined);
    expect((second as Error).message).toBe('timeout exceeded when trying to connect');
    expect(isTransient(second)).toBe(true);
  });

  it('classes pg-pool’s connect timeout (the server never answers) as transient', async () => {
    const pool = new Pool({ host: '127.0.0.1', port, user: 'x', database: 'x', max: 1, connectionTimeoutMillis: 50 });
    pool.on('error', () => undefined);
    const error = await pool.connect().catch((e: Error) => e);
    await pool.end().catch(() => undefined);
    expect((error as Error).message).toBe('Connection terminated due to connection timeout');
    expect(isTransient(error)).toBe(true);
  });

  it('classes pg’s own connect timeout and its client-side query timeout as transient', async () => {
    const client = new Client({ host: '127.0.0.1', port, user: 'x', database: 'x', connectionTimeoutMillis: 100 });
    client.on('error', () => undefined);
    const connecting = client.connect().catch((e: Error) => e);
    const query = await (client.query({ text: 'SELECT 1', query_timeout: 30 } as never) as Promise<unknown>).catch((e: Error) => e);
    const connect = await connecting;
    expect((query as Error).message).toBe('Query read timeout');
    expect(isTransient(query)).toBe(true);
    expect((connect as Error).message).toMatch(/timeout expired|Connection terminated/);
    expect(isTransient(connect)).toBe(true);
  });

  it('classes a statement timeout (57014), lock timeout and idle-in-transaction timeout as transient, bare and wrapped by TypeORM', () => {
    const timeouts = [
      databaseError('canceling statement due to statement timeout', '57014'),
      databaseError('canceling statement due to lock timeout', '55P03'),
      databaseError('terminating connection due to idle-in-transaction timeout', '25P03'),
      databaseError('sorry, too many clients already', '53300'),
    ];
    for (const error of timeouts) {
      expect(isTransient(error)).toBe(true);
      expect(isTransient(wrapped(error))).toBe(true);
    }
  });

  it('looks through the wrapper to the driver error, a cause, or an AggregateError', () => {
    // A wrapper that copied nothing of its cause (unlike QueryFailedError, which copies the code).
    const bare = Object.assign(new Error('query failed'), { driverError: new Error('timeout exceeded when trying to connect') });
    expect(isTransient(bare)).toBe(true);
    expect(isTransient(new Error('outer', { cause: databaseError('canceling statement due to statement timeout', '57014') }))).toBe(true);
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(isTransient(new AggregateError([refused], ''))).toBe(true);
  });

  it('keeps errors about the message itself permanent, bare and wrapped', () => {
    const permanent = [
      databaseError('duplicate key value violates unique constraint "workers_pkey"', '23505'),
      databaseError('insert or update on table "deliveries" violates foreign key constraint', '23503'),
      databaseError('invalid input syntax for type uuid: "x"', '22P02'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new Error('worker w-1 not found'),
    ];
    for (const error of permanent) {
      expect(isTransient(error)).toBe(false);
      expect(isTransient(wrapped(error))).toBe(false);
    }
    expect(isTransient(undefined)).toBe(false);
    expect(isTransient('timeout exceeded when trying to connect')).toBe(false);
  });

  it('honours TransientError and a cycle of causes ends', () => {
    expect(isTransient(new TransientError('search down'))).toBe(true);
    const cyclic = new Error('a') as Error & { cause?: unknown };
    cyclic.cause = cyclic;
    expect(isTransient(cyclic)).toBe(false);
  });
});
