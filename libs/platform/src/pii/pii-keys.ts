import { createHash } from 'node:crypto';
import type { CipherKeyring } from './field-cipher';

/**
 * The PII_KEYS and PII_ACTIVE_KEY_ID settings of the apps that keep personal data (worker-profiles,
 * dispatch). Development/test keys are derived from fixed strings so that local data stays
 * readable across restarts; with NODE_ENV=production each app refuses to start without real keys.
 */
export const devPiiKey = (label: string): string => createHash('sha256').update(`laowu-dev-pii-${label}`).digest('base64');
export const DEV_PII_KEYS = `dev1:${devPiiKey('dev1')}`;
export const DEV_PII_ACTIVE_KEY_ID = 'dev1';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `k1:<base64 32 bytes>,k2:<base64 32 bytes>` (unset: the development key) and the active key id (default: the first). */
export function piiKeyringOf(keysSpec: string | undefined, activeKeyId: string | undefined): CipherKeyring {
  const keys = parseKeys(keysSpec ?? DEV_PII_KEYS);
  return { keys, activeKeyId: activeKeyId ?? (keysSpec ? [...keys.keys()][0] : DEV_PII_ACTIVE_KEY_ID) };
}

/** What is wrong with the two settings, each problem naming its variable (never a key). */
export function piiKeyProblems(keysSpec: string | undefined, activeKeyId: string | undefined): string[] {
  const problems: string[] = [];
  if (keysSpec !== undefined) {
    for (const entry of keysSpec.split(',').map((s) => s.trim())) {
      const colon = entry.indexOf(':');
      const id = colon > 0 ? entry.slice(0, colon) : '';
      if (!KEY_ID.test(id)) problems.push(`PII_KEYS: entry must be <id>:<base64 key>, id of [A-Za-z0-9_-]`);
      else if (Buffer.from(entry.slice(colon + 1), 'base64').length !== 32) problems.push(`PII_KEYS: key ${id} must be 32 bytes (base64)`);
    }
    if (activeKeyId !== undefined && !parseKeys(keysSpec).has(activeKeyId)) problems.push(`PII_ACTIVE_KEY_ID: ${activeKeyId} is not in PII_KEYS`);
  } else if (activeKeyId !== undefined && activeKeyId !== DEV_PII_ACTIVE_KEY_ID) {
    problems.push('PII_ACTIVE_KEY_ID: set PII_KEYS too');
  }
  return problems;
}

function parseKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    keys.set(entry.slice(0, colon), Buffer.from(entry.slice(colon + 1), 'base64'));
  }
  return keys;
}
