import { invalidInput } from "../../errors/invalid-input.js";
import type { EntityCollection } from "../../model/entities.js";
import type { CrmStore } from "../../repository/store.js";
import type { EntityInput } from "../../repository/stored.js";
import type { DatasetCollections } from "./generate-dataset.js";

/**
 * The order {@link seedStore} writes collections in: referenced entities first
 * (pipelines and accounts before deals and customers, campaigns before their members).
 *
 * @example
 * ```ts
 * import { SEED_ORDER } from "crmkit/testing";
 * SEED_ORDER[0]; // "pipelines"
 * ```
 */
export const SEED_ORDER: readonly EntityCollection[] = [
  "pipelines",
  "accounts",
  "customers",
  "campaigns",
  "campaignMembers",
  "leads",
  "deals",
  "subscriptions",
  "transactions",
  "tickets",
  "interactions",
  "surveyResponses",
];

/**
 * Options of {@link seedStore}.
 *
 * @example
 * ```ts
 * import type { SeedStoreOptions } from "crmkit/testing";
 * const o: SeedStoreOptions = { batchSize: 500, onProgress: (c, n) => console.log(c, n) };
 * ```
 */
export interface SeedStoreOptions {
  /** Entities per `upsertMany` call (1–100,000); default 1,000. */
  readonly batchSize?: number;
  /** Called after each batch with the collection and how many of it are written so far. */
  readonly onProgress?: (collection: EntityCollection, written: number) => void;
}

/**
 * Writes a dataset into a store, collection by collection in {@link SEED_ORDER},
 * with `upsertMany` in batches (every entity is validated by the store as usual).
 * Returns how many entities of each collection were written.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from "crmkit/repository";
 * import { generateDataset, seedStore } from "crmkit/testing";
 * const store = createMemoryStore().forTenant("demo");
 * const data = generateDataset({ seed: 1, customers: 500, asOf: new Date("2025-01-01T00:00:00Z") });
 * const counts = await seedStore(store, data);
 * counts.customers; // 500
 * ```
 */
export async function seedStore(store: CrmStore, dataset: DatasetCollections, options: SeedStoreOptions = {}): Promise<Record<EntityCollection, number>> {
  if (typeof store !== "object" || store === null) throw invalidInput("seedStore(store)", store, "a CrmStore");
  if (typeof dataset !== "object" || dataset === null) throw invalidInput("seedStore(dataset)", dataset, "a dataset from generateDataset");
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw invalidInput("options.batchSize", batchSize, "an integer from 1 to 100,000");
  const counts = {} as Record<EntityCollection, number>;
  for (const collection of SEED_ORDER) {
    const items = dataset[collection];
    if (!Array.isArray(items)) throw invalidInput(`seedStore(dataset).${collection}`, items, "an array of entities");
    const repo = store[collection] as unknown as { upsertMany(entities: readonly EntityInput<typeof collection>[]): Promise<unknown[]> };
    for (let i = 0; i < items.length; i += batchSize) {
      await repo.upsertMany(items.slice(i, i + batchSize) as EntityInput<typeof collection>[]);
      options.onProgress?.(collection, Math.min(i + batchSize, items.length));
    }
    counts[collection] = items.length;
  }
  return counts;
}
