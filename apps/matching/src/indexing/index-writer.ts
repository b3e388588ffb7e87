import { TransientError } from '@laowu/messaging';
import { type SearchClient } from '@laowu/search';

export interface VersionedDocument {
  id: string;
  /** The aggregate's version: written as an external version, so an older one changes nothing. */
  version: number;
  source: object;
}

const CHUNK = 1000;

/**
 * Writes documents with `version_type: external` through the bulk API, in chunks. A 409 (the
 * index already holds this or a newer version) counts as done; any other failed item throws, so
 * the consumer retries or dead-letters and its offset is not committed. Returns how many were
 * applied (not conflicts).
 */
export async function writeVersioned(client: SearchClient, index: string, documents: VersionedDocument[]): Promise<number> {
  let applied = 0;
  for (let i = 0; i < documents.length; i += CHUNK) {
    const chunk = documents.slice(i, i + CHUNK);
    const items = await client.bulk(chunk.map((d) => ({ index, id: d.id, version: d.version, source: d.source })));
    const failures: string[] = [];
    let busy = false;
    for (const outcome of items) {
      if (outcome.status < 300) applied++;
      else if (outcome.status === 409) continue;
      else {
        busy ||= outcome.status === 429 || outcome.status >= 500;
        failures.push(`${outcome.id}: ${outcome.status} ${outcome.error?.type ?? ''} ${outcome.error?.reason ?? ''}`.trim());
      }
    }
    if (failures.length) {
      const message = `bulk write to ${index} failed for ${failures.length} document(s): ${failures.slice(0, 3).join('; ')}`;
      throw busy ? new TransientError(message) : new Error(message);
    }
  }
  return applied;
}
