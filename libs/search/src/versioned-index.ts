import type { Indices_Create_RequestBody } from '@opensearch-project/opensearch/api/index.js';
import { SearchClient } from './search.module';

export interface IndexDefinition {
  /** The alias every reader and writer uses; the concrete index behind it is versioned. */
  alias: string;
  settings: NonNullable<Indices_Create_RequestBody['settings']>;
  mappings: NonNullable<Indices_Create_RequestBody['mappings']>;
}

const concreteName = (alias: string) => `${alias}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

export async function indicesBehind(client: SearchClient, alias: string): Promise<string[]> {
  const { body: exists } = await client.indices.existsAlias({ name: alias });
  if (!exists) return [];
  const { body } = await client.indices.getAlias({ name: alias });
  return Object.keys(body);
}

/** Creates the first concrete index and its alias when the alias does not exist yet. */
export async function ensureIndex(client: SearchClient, definition: IndexDefinition): Promise<string> {
  const current = await indicesBehind(client, definition.alias);
  if (current.length) return current[0];
  const index = concreteName(definition.alias);
  await client.indices.create({
    index,
    body: { settings: definition.settings, mappings: definition.mappings, aliases: { [definition.alias]: { is_write_index: true } } },
  });
  return index;
}

/**
 * Builds a fresh index, lets `fill` write into it, then swaps the alias in one atomic call and
 * drops the old index: readers see the old index until the new one is complete.
 */
export async function rebuildIndex(
  client: SearchClient,
  definition: IndexDefinition,
  fill: (index: string) => Promise<void>,
): Promise<{ index: string; replaced: string[] }> {
  const index = concreteName(definition.alias);
  await client.indices.create({ index, body: { settings: definition.settings, mappings: definition.mappings } });
  try {
    await fill(index);
    await client.indices.refresh({ index });
  } catch (error) {
    await client.indices.delete({ index }).catch(() => undefined);
    throw error;
  }
  const replaced = await indicesBehind(client, definition.alias);
  await client.indices.updateAliases({
    body: {
      actions: [
        ...replaced.map((old) => ({ remove: { index: old, alias: definition.alias } })),
        { add: { index, alias: definition.alias, is_write_index: true } },
      ],
    },
  });
  if (replaced.length) await client.indices.delete({ index: replaced });
  return { index, replaced };
}
