import { sleep } from '@laowu/platform';
import { type Json, type SearchClient } from './search-client';

export interface IndexDefinition {
  /** The alias every reader and writer uses; the concrete index behind it is versioned. */
  alias: string;
  settings: Json;
  mappings: Json;
}

const concreteName = (alias: string) => `${alias}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

export function indicesBehind(client: SearchClient, alias: string): Promise<string[]> {
  return client.aliasTargets(alias);
}

/**
 * Creates the first concrete index and its alias when the alias does not exist yet. When it does,
 * puts the definition's mappings on the index behind it: fields a new release added are mapped at
 * once (writes carrying them are not refused by a strict mapping); documents written before get
 * them only from a rebuild (rebuildIndex). A changed field type is refused (400): that takes a rebuild first.
 */
export async function ensureIndex(client: SearchClient, definition: IndexDefinition): Promise<string> {
  const current = await indicesBehind(client, definition.alias);
  if (current.length) {
    for (const index of current) await client.putMapping(index, definition.mappings);
    return current[0];
  }
  const index = concreteName(definition.alias);
  await client.createIndex(index, { settings: definition.settings, mappings: definition.mappings, aliases: { [definition.alias]: { is_write_index: true } } });
  return index;
}

export interface RebuildOptions {
  /** Runs once the alias points to the new index, before the old ones are dropped (a catch-up through the alias). */
  afterSwap?: () => Promise<void>;
  /** How long a replaced index stays after the swap, so queries already running on it finish. */
  dropAfterMs?: number;
}

/**
 * Builds a fresh index, lets `fill` write into it, then swaps the alias in one atomic call and
 * drops the old index: readers see the old index until the new one is complete. A failed fill
 * drops the new index and leaves the alias as it was.
 */
export async function rebuildIndex(
  client: SearchClient,
  definition: IndexDefinition,
  fill: (index: string) => Promise<void>,
  options: RebuildOptions = {},
): Promise<{ index: string; replaced: string[] }> {
  const index = concreteName(definition.alias);
  await client.createIndex(index, { settings: definition.settings, mappings: definition.mappings });
  try {
    await fill(index);
    await client.refresh(index);
  } catch (error) {
    await client.deleteIndex(index).catch(() => undefined);
    throw error;
  }
  const replaced = await swapAlias(client, definition.alias, index);
  await options.afterSwap?.();
  if (replaced.length) {
    if (options.dropAfterMs) await sleep(options.dropAfterMs);
    await client.deleteIndex(replaced);
  }
  return { index, replaced };
}

/** Points the alias (its writes too) at `index` alone, in one atomic call; returns the indices it left. */
async function swapAlias(client: SearchClient, alias: string, index: string): Promise<string[]> {
  const replaced = await indicesBehind(client, alias);
  await client.updateAliases([
    ...replaced.map((old) => ({ remove: { index: old, alias } })),
    { add: { index, alias, is_write_index: true } },
  ]);
  return replaced;
}
