import { readFile } from "node:fs/promises";
import { ENTITY_COLLECTIONS, type EntityCollection } from "crmkit/model";
import {
  FULL_CAPABILITIES,
  validateId,
  withAdapterErrors,
  type CrmStore,
  type CrmStoreProvider,
  type Repository,
  type StoreCapabilities,
  type TransactionRepository,
} from "crmkit/repository";
import { summarizePurchasesSql } from "./purchase-summary.js";
import { postgresRepository } from "./repository.js";
import type { SqlClient } from "./sql-client.js";
import { tableFor } from "./tables.js";

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** What `provider.close()` does, e.g. `() => pool.end()`; by default nothing (the caller owns the client). */
  readonly close?: () => Promise<void>;
}

/** The SQL of schema.sql, split into statements (it has no semicolons inside statements). */
export async function schemaStatements(): Promise<string[]> {
  const text = await readFile(new URL("./schema.sql", import.meta.url), "utf8");
  return text
    .replace(/--.*$/gm, "")
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Creates the tables and indexes of schema.sql if they do not exist yet. */
export async function migrate(client: SqlClient): Promise<void> {
  for (const statement of await schemaStatements()) await withAdapterErrors("migrate", () => client.query(statement));
}

/** Deletes every row of every crmkit table, all tenants (for tests). */
export async function truncateAll(client: SqlClient): Promise<void> {
  const tables = ENTITY_COLLECTIONS.map((c) => tableFor(c).name).join(", ");
  await withAdapterErrors("truncate", () => client.query(`TRUNCATE ${tables}`));
}

/**
 * A crmkit store on PostgreSQL: every repository of the contract over the tables of
 * schema.sql (run {@link migrate} once first), with the purchase-summary pushdown on
 * `transactions`. `forTenant` does no I/O; each call of a repository method is one
 * statement (a conflict report reads the stored version once more).
 */
export function createPostgresStore(client: SqlClient, options: PostgresStoreOptions = {}): CrmStoreProvider {
  const capabilities: StoreCapabilities = { ...FULL_CAPABILITIES, purchaseSummary: true };
  const stores = new Map<string, CrmStore>();
  return {
    capabilities,
    forTenant(tenantId: string): CrmStore {
      validateId("forTenant(tenantId)", tenantId);
      let store = stores.get(tenantId);
      if (store === undefined) {
        const repos = Object.fromEntries(
          ENTITY_COLLECTIONS.filter((c) => c !== "transactions").map((c) => [c, postgresRepository(client, c, tenantId)]),
        ) as { [K in Exclude<EntityCollection, "transactions">]: Repository<K> };
        const transactions: TransactionRepository = {
          ...postgresRepository(client, "transactions", tenantId),
          summarizePurchases: (query) => summarizePurchasesSql(client, tenantId, query),
        };
        store = Object.freeze({ ...repos, transactions, tenantId, capabilities });
        stores.set(tenantId, store);
      }
      return store;
    },
    async close() {
      stores.clear();
      await options.close?.();
    },
  };
}
