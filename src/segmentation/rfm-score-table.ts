import type { RfmBinning, RfmDimension } from "./rfm-binning.js";

/**
 * One customer's RFM row (the per-customer view of an {@link RfmScoreTable}).
 *
 * @example
 * ```ts
 * import type { RfmCustomerScore } from "crmkit/segmentation";
 * const row: RfmCustomerScore = {
 *   customerId: "c-1", recencyDays: 12, frequency: 4, monetary: 310, revenue: 310, orders: 4,
 *   lastPurchaseAt: new Date("2024-05-20T00:00:00Z"), recencyScore: 5, frequencyScore: 4, monetaryScore: 4, rfmScore: 544,
 * };
 * ```
 */
export interface RfmCustomerScore {
  readonly customerId: string;
  /** Days from the last purchase to `asOf` (fractional: exact milliseconds / 86 400 000). */
  readonly recencyDays: number;
  /** Purchases, as counted by the `frequency` option (transactions, orders or periods). */
  readonly frequency: number;
  /** Total or mean spend, per the `monetary` option. */
  readonly monetary: number;
  /** Total spend (net of refunds when asked). */
  readonly revenue: number;
  /** Orders behind `revenue`, for average order value: distinct orders with `frequency: "orders"`, else transactions. */
  readonly orders: number;
  /** The last purchase. */
  readonly lastPurchaseAt: Date;
  readonly recencyScore: number;
  readonly frequencyScore: number;
  readonly monetaryScore: number;
  /** `100·R + 10·F + M`, e.g. 543 (the `rfm` package's `rfm_score`). */
  readonly rfmScore: number;
}

/**
 * The columns an {@link RfmScoreTable} holds (one entry per customer).
 *
 * @example
 * ```ts
 * import type { RfmColumns } from "crmkit/segmentation";
 * const topMonetary = (c: RfmColumns) => c.customerIds.filter((_, i) => c.monetaryScore[i] === 5);
 * ```
 */
export interface RfmColumns {
  readonly customerIds: readonly string[];
  readonly recencyDays: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly revenue: Float64Array;
  readonly orders: Float64Array;
  readonly lastPurchaseAt: Float64Array;
  readonly recencyScore: Uint8Array;
  readonly frequencyScore: Uint8Array;
  readonly monetaryScore: Uint8Array;
  readonly rfmScore: Uint16Array;
}

/**
 * What went into an {@link RfmScoreTable}: rows read and what was left out.
 *
 * @example
 * ```ts
 * import type { RfmInputCounts } from "crmkit/segmentation";
 * const counts: RfmInputCounts = { rows: 10, ignored: 1, skippedAfterAsOf: 0, refundOnlyCustomers: 0 };
 * ```
 */
export interface RfmInputCounts {
  /** Rows read (transactions or per-customer rows). */
  readonly rows: number;
  /** Transactions of other kinds than the purchase kinds (refunds unless netted, adjustments…). */
  readonly ignored: number;
  /** Rows after `asOf` left out because `afterAsOf: "skip"`. */
  readonly skippedAfterAsOf: number;
  /** Customers with refunds but no purchase (netted refunds only), left out. */
  readonly refundOnlyCustomers: number;
}

/**
 * RFM values and scores of every customer, columnar (typed arrays, one entry per
 * customer, in order of first appearance in the input), with a per-customer view
 * (`at`, `get`, iteration) for convenience. Built by `rfmScores`.
 *
 * @example
 * ```ts
 * import { rfmScores } from "crmkit/segmentation";
 * const scores = rfmScores(
 *   [
 *     { customerId: "a", at: "2024-05-30", amount: 120 },
 *     { customerId: "b", at: "2024-01-10", amount: 40 },
 *     { customerId: "a", at: "2024-04-02", amount: 80 },
 *   ],
 *   { asOf: new Date("2024-06-01T00:00:00Z"), bins: 2 },
 * );
 * scores.get("a")?.rfmScore; // 222
 * scores.monetary; // Float64Array [200, 40]
 * ```
 */
export class RfmScoreTable implements Iterable<RfmCustomerScore> {
  /** The reference instant recency is measured to. */
  readonly asOf: Date;
  /** The currency of `monetary` and `revenue` (undefined when the input had none). */
  readonly currency: string | undefined;
  /** Customer ids, one per row of every column. */
  readonly customerIds: readonly string[];
  /** Days from the last purchase to `asOf`. */
  readonly recencyDays: Float64Array;
  /** Purchases per the `frequency` option. */
  readonly frequency: Float64Array;
  /** Total or mean spend per the `monetary` option. */
  readonly monetary: Float64Array;
  /** Total spend. */
  readonly revenue: Float64Array;
  /** Orders behind `revenue`. */
  readonly orders: Float64Array;
  /** Last purchase, epoch milliseconds. */
  readonly lastPurchaseAt: Float64Array;
  readonly recencyScore: Uint8Array;
  readonly frequencyScore: Uint8Array;
  readonly monetaryScore: Uint8Array;
  /** `100·R + 10·F + M`. */
  readonly rfmScore: Uint16Array;
  /** How each dimension was binned (cut points, ties, collapsed bins). */
  readonly binning: Readonly<Record<RfmDimension, RfmBinning>>;
  /** What the input held. */
  readonly input: RfmInputCounts;
  #index: Map<string, number> | undefined;

  /** @internal Built by `rfmScores`. */
  constructor(asOf: Date, currency: string | undefined, columns: RfmColumns, binning: Readonly<Record<RfmDimension, RfmBinning>>, input: RfmInputCounts) {
    this.asOf = new Date(asOf.getTime());
    this.currency = currency;
    this.customerIds = columns.customerIds;
    this.recencyDays = columns.recencyDays;
    this.frequency = columns.frequency;
    this.monetary = columns.monetary;
    this.revenue = columns.revenue;
    this.orders = columns.orders;
    this.lastPurchaseAt = columns.lastPurchaseAt;
    this.recencyScore = columns.recencyScore;
    this.frequencyScore = columns.frequencyScore;
    this.monetaryScore = columns.monetaryScore;
    this.rfmScore = columns.rfmScore;
    this.binning = Object.freeze({ ...binning });
    this.input = Object.freeze({ ...input });
  }

  /** Number of customers. */
  get size(): number {
    return this.customerIds.length;
  }

  /** Row of a customer id, or -1. */
  indexOf(customerId: string): number {
    this.#index ??= new Map(this.customerIds.map((id, i) => [id, i]));
    return this.#index.get(customerId) ?? -1;
  }

  /** The customer at row `i` (undefined outside 0..size−1). */
  at(i: number): RfmCustomerScore | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) return undefined;
    return {
      customerId: this.customerIds[i]!,
      recencyDays: this.recencyDays[i]!,
      frequency: this.frequency[i]!,
      monetary: this.monetary[i]!,
      revenue: this.revenue[i]!,
      orders: this.orders[i]!,
      lastPurchaseAt: new Date(this.lastPurchaseAt[i]!),
      recencyScore: this.recencyScore[i]!,
      frequencyScore: this.frequencyScore[i]!,
      monetaryScore: this.monetaryScore[i]!,
      rfmScore: this.rfmScore[i]!,
    };
  }

  /** A customer's row by id (undefined for a customer without purchases). */
  get(customerId: string): RfmCustomerScore | undefined {
    return this.at(this.indexOf(customerId));
  }

  /** Iterates the per-customer rows (one object each: for display, not hot loops). */
  *[Symbol.iterator](): Iterator<RfmCustomerScore> {
    for (let i = 0; i < this.size; i++) yield this.at(i)!;
  }
}
