import type { Transaction, TransactionKind } from "./transaction.js";

/**
 * A purchase as a plain row, for feeding any purchase log (an export, a database
 * query, an event stream) to the analytics without building {@link Transaction}
 * records: who, when, and how much. `at` is a `Date`, epoch milliseconds or an ISO
 * 8601 date / date-time with offset. One row type for every module: CLV summaries,
 * RFM scores and cohort tables read the same rows.
 *
 * @example
 * ```ts
 * import type { PurchaseRow } from "crmkit/model";
 * const row: PurchaseRow = { customerId: "c-1", at: "2024-05-03T11:20:00Z", amount: 59.9, currency: "EUR", orderId: "o-77" };
 * ```
 */
export interface PurchaseRow {
  readonly customerId: string;
  readonly at: Date | string | number;
  /**
   * Amount in major units, >= 0 (the kind, not the sign, gives the direction).
   * Needed for spend (CLV's monetary value, RFM's monetary score); a CLV summary
   * of frequency and recency alone can do without.
   */
  readonly amount?: number | undefined;
  /** ISO 4217 code; rows without one take the currency of the others. */
  readonly currency?: string | undefined;
  /** Groups rows into orders (RFM's `frequency: "orders"`). */
  readonly orderId?: string | undefined;
  /** A transaction kind; treated as a `"purchase"` when omitted. */
  readonly kind?: TransactionKind | undefined;
}

/**
 * A purchase record as the analytics read it: a crmkit {@link Transaction} or a
 * plain {@link PurchaseRow}, mixed freely.
 *
 * @example
 * ```ts
 * import type { PurchaseInput } from "crmkit/model";
 * const rows: PurchaseInput[] = [{ customerId: "c-1", at: "2024-03-01T09:30:00Z", amount: 20 }];
 * ```
 */
export type PurchaseInput = Transaction | PurchaseRow;
