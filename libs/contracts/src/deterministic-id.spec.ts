import { isUUID } from 'class-validator';
import { deterministicUuid } from './deterministic-id';

describe('deterministicUuid', () => {
  it('gives the same valid v5 UUID for the same name and different ones for different names', () => {
    const a = deterministicUuid('job-1:worker-1:1');
    expect(isUUID(a, 5)).toBe(true);
    expect(deterministicUuid('job-1:worker-1:1')).toBe(a);
    expect(deterministicUuid('job-1:worker-1:2')).not.toBe(a);
  });
});
