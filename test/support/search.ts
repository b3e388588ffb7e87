import { createSearchClient, type SearchClient } from '@laowu/search';
import { eventually } from '@laowu/testkit';
import { testInfra } from './infra';

export function searchClient(): SearchClient {
  const infra = testInfra();
  return createSearchClient({ node: infra.searchUrl, engine: infra.searchEngine });
}

/**
 * Waits until the documents `ids` are found by a search of `index`, not only by a get: a get finds
 * a document before the engine's next refresh (1 s), a search does not, and a job announced in
 * between does not see the worker among its candidates (a product fact, docs/PUSH-ENGINE.md).
 */
export async function untilSearchable(index: string, ids: string[], timeoutMs = 120_000): Promise<void> {
  const search = searchClient();
  try {
    await eventually(async () => {
      const count = await search.count(index, { ids: { values: ids } });
      if (count !== ids.length) throw new Error(`${count} of ${ids.length} documents searchable in ${index}`);
    }, timeoutMs, 200);
  } finally {
    await search.close();
  }
}
