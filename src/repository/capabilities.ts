/**
 * What a store supports, declared by its adapter. The conformance kit runs every rule
 * whose capability is declared and skips — saying why — only the rules of a
 * capability declared `false`.
 *
 * @example
 * ```ts
 * import type { StoreCapabilities } from "crmkit/repository";
 * const caps: StoreCapabilities = {
 *   multiTenant: true,
 *   optimisticConcurrency: true,
 *   consistentPagingUnderWrites: true,
 *   purchaseSummary: false,
 * };
 * ```
 */
export interface StoreCapabilities {
  /** Tenants are isolated from each other. `false` only for an adapter that serves one fixed tenant. */
  readonly multiTenant: boolean;
  /** Writes honour `expectedVersion` (no lost updates). */
  readonly optimisticConcurrency: boolean;
  /** Paging neither skips nor repeats pre-existing rows while rows are inserted concurrently. */
  readonly consistentPagingUnderWrites: boolean;
  /** `transactions.summarizePurchases` computes per-customer purchase summaries in the store. */
  readonly purchaseSummary: boolean;
}

/**
 * The capabilities of a fully conforming store (what the memory store declares,
 * except the purchase-summary pushdown, which is optional).
 *
 * @example
 * ```ts
 * import { FULL_CAPABILITIES } from "crmkit/repository";
 * const caps = { ...FULL_CAPABILITIES, purchaseSummary: true };
 * ```
 */
export const FULL_CAPABILITIES: StoreCapabilities = {
  multiTenant: true,
  optimisticConcurrency: true,
  consistentPagingUnderWrites: true,
  purchaseSummary: false,
};
