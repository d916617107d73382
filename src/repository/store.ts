import type { EntityCollection } from "../model/entities.js";
import type { StoreCapabilities } from "./capabilities.js";
import type { Repository, TransactionRepository } from "./repository.js";

/**
 * The repositories of one tenant: one per collection. Everything read or written
 * through it belongs to `tenantId`; nothing of another tenant is ever visible.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type CrmStore } from "crmkit/repository";
 * const store: CrmStore = createMemoryStore().forTenant("acme");
 * await store.deals.count({ status: "open" }); // 0
 * ```
 */
export type CrmStore = { readonly [K in Exclude<EntityCollection, "transactions">]: Repository<K> } & {
  /** The transactions, with the optional aggregation pushdown (capability `purchaseSummary`). */
  readonly transactions: TransactionRepository;
  /** The tenant every call of this store is scoped to. */
  readonly tenantId: string;
  /** What the underlying adapter supports. */
  readonly capabilities: StoreCapabilities;
};

/**
 * What an adapter (or the memory store) provides: tenant-scoped stores. The host
 * picks the tenant once per request — `provider.forTenant(session.tenantId)` — and
 * hands the scoped store to crmkit's functions.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type CrmStoreProvider } from "crmkit/repository";
 * const provider: CrmStoreProvider = createMemoryStore();
 * const acme = provider.forTenant("acme");
 * const globex = provider.forTenant("globex"); // cannot see acme's data
 * ```
 */
export interface CrmStoreProvider {
  /** The store scoped to one tenant; throws `INVALID_INPUT` for an invalid tenant id. */
  forTenant(tenantId: string): CrmStore;
  /** What the adapter supports. */
  readonly capabilities: StoreCapabilities;
  /** Releases connections, if the adapter holds any. */
  close?(): Promise<void>;
}
