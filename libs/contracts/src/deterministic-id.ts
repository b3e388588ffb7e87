import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('6f1d3c8e9a4b4c2d8e7f0a1b2c3d4e5f', 'hex');

/**
 * A name-based UUID (version 5, SHA-1): the same name always gives the same id. Used where a
 * replay must produce the identical id so readers can dedupe on it (e.g. a match's id from
 * job, worker and the job's material version).
 */
export function deterministicUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
