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
  /**
   * `transactions.summarizePurchases` computes per-customer purchase aggregates in the
   * store (the pushdown `summarizeTransactions` uses); it may still decline a query.
   */
  readonly purchaseSummary: boolean;
}

/**
 * The capabilities every conforming store should declare. The purchase-summary
 * pushdown is optional and `false` here; the memory store declares it `true`.
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
