import { DomainError } from '@laowu/platform';
import { BULK_MAX_WORKERS, readBulkRequest } from './register-workers-bulk.request.dto';

const refusal = (body: unknown): DomainError => {
  try {
    readBulkRequest(body);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
};

describe('readBulkRequest', () => {
  it('takes 1 to 1,000 rows as they are (each is checked on its own later) and an optional dryRun', () => {
    const rows = [{ any: 'thing' }, 'not even an object'];
    expect(readBulkRequest({ workers: rows })).toMatchObject({ workers: rows });
    expect(readBulkRequest({ workers: [{}], dryRun: true }).dryRun).toBe(true);
    expect(readBulkRequest({ workers: Array.from({ length: BULK_MAX_WORKERS }, () => ({})) }).workers).toHaveLength(BULK_MAX_WORKERS);
  });

  it.each([
    ['a body that is not an object', 'workers', [{}]],
    ['no workers', 'workers', {}],
    ['workers not an array', 'workers', { workers: 'rows' }],
    ['no rows', 'workers', { workers: [] }],
    ['1,001 rows', 'workers', { workers: Array.from({ length: BULK_MAX_WORKERS + 1 }, () => ({})) }],
    ['a dryRun that is not a boolean', 'dryRun', { workers: [{}], dryRun: 'true' }],
    ['an unknown field', 'force', { workers: [{}], force: true }],
  ])('refuses %s: 400 naming %s', (_, field, body) => {
    const error = refusal(body);
    expect(error.status).toBe(400);
    expect(new Set(error.details?.map((d) => d.field))).toEqual(new Set([field]));
  });
});
