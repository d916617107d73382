import { invalidInput } from "../errors/invalid-input.js";
import type { CustomerGroups } from "./customer-groups.js";
import { RfmScoreTable } from "./rfm-score-table.js";

/**
 * One row of the segment table a marketer reads.
 *
 * @example
 * ```ts
 * import type { SegmentSummaryRow } from "crmkit/segmentation";
 * const row: SegmentSummaryRow = {
 *   segment: "Champions", customers: 158, customerShare: 0.16, customersWithPurchases: 158,
 *   revenue: 120_178, revenueShare: 0.31, orders: 1_234, averageOrderValue: 97.39, revenuePerCustomer: 760.6,
 *   meanRecencyDays: 21.4, medianRecencyDays: 18,
 * };
 * ```
 */
export interface SegmentSummaryRow {
  readonly segment: string;
  /** Customers in the segment. */
  readonly customers: number;
  /** `customers` / all customers covered by the grouping. */
  readonly customerShare: number;
  /** Members found in the RFM scores (customers with a purchase up to `asOf`). */
  readonly customersWithPurchases: number;
  /** Total revenue of the members. */
  readonly revenue: number;
  /** `revenue` / the revenue of all customers covered; undefined when that total is 0. */
  readonly revenueShare: number | undefined;
  /** Orders (or transactions) behind `revenue`. */
  readonly orders: number;
  /** `revenue / orders`; undefined without orders. */
  readonly averageOrderValue: number | undefined;
  /** `revenue / customers`; undefined for an empty segment. */
  readonly revenuePerCustomer: number | undefined;
  /** Mean days since the last purchase, over members with purchases. */
  readonly meanRecencyDays: number | undefined;
  /** Median days since the last purchase, over members with purchases. */
  readonly medianRecencyDays: number | undefined;
}

/**
 * The segment table: one row per group (in the grouping's order) and the totals.
 *
 * @example
 * ```ts
 * import type { SegmentSummary } from "crmkit/segmentation";
 * function top(summary: SegmentSummary) {
 *   return [...summary.rows].sort((a, b) => b.revenue - a.revenue)[0]?.segment;
 * }
 * ```
 */
export interface SegmentSummary {
  /** The currency of every revenue figure. */
  readonly currency: string | undefined;
  /** True when each customer is in exactly one row (the customer and revenue shares then sum to 1). */
  readonly partition: boolean;
  /** Customers covered by the grouping. */
  readonly customers: number;
  /** Revenue of all customers covered. */
  readonly revenue: number;
  /** Orders of all customers covered. */
  readonly orders: number;
  readonly rows: readonly SegmentSummaryRow[];
}

function median(sorted: Float64Array): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const h = (n - 1) / 2;
  const lo = Math.floor(h);
  return h === lo ? sorted[lo] : (sorted[lo]! + sorted[lo + 1]!) / 2;
}

/**
 * Summarises customer groups — RFM segments, value tiers or rule-based segments — into
 * the table a marketer reads: size and share, revenue and its share, orders and
 * average order value, revenue per customer, mean and median recency (the `rfm`
 * package's `rfm_segment_summary`, plus shares and recency).
 *
 * Revenue, orders and recency come from `scores` (an `RfmScoreTable`); groupings built
 * from scores (`rfmSegments`, `valueTiers` on scores) carry them, others need them
 * passed. Members without purchases count as customers with no revenue and no
 * recency.
 *
 * @example
 * ```ts
 * import { rfmScores, rfmSegments, summarizeSegments } from "crmkit/segmentation";
 * const scores = rfmScores(
 *   [
 *     { customerId: "a", at: "2024-05-30", amount: 500 },
 *     { customerId: "a", at: "2024-04-01", amount: 200 },
 *     { customerId: "b", at: "2023-06-01", amount: 20 },
 *   ],
 *   { asOf: new Date("2024-06-01T00:00:00Z") },
 * );
 * const table = summarizeSegments(rfmSegments(scores));
 * table.rows.filter((r) => r.customers > 0).map((r) => [r.segment, r.revenue, r.averageOrderValue]);
 * // [["Champions", 700, 350], ["Lost", 20, 20]]
 * ```
 */
export function summarizeSegments(groups: CustomerGroups, scores?: RfmScoreTable): SegmentSummary {
  if (typeof groups !== "object" || groups === null || typeof groups.forEachMember !== "function" || !Array.isArray(groups.groupNames)) {
    throw invalidInput("groups", groups, "customer groups (from rfmSegments, valueTiers or segmentCustomers)");
  }
  const carried = (groups as { scores?: unknown }).scores;
  const s = scores ?? (carried instanceof RfmScoreTable ? carried : undefined);
  if (!(s instanceof RfmScoreTable)) {
    throw invalidInput("scores", scores, "an RfmScoreTable (from rfmScores) to take revenue, orders and recency from");
  }
  const ids = groups.customerIds;
  const n = ids.length;
  const k = groups.groupNames.length;
  // row of each grouped customer in the scores (-1: no purchases)
  const row = new Int32Array(n);
  if (ids === s.customerIds) for (let i = 0; i < n; i++) row[i] = i;
  else for (let i = 0; i < n; i++) row[i] = s.indexOf(ids[i]!);
  const customers = new Float64Array(k);
  const buyers = new Float64Array(k);
  const revenue = new Float64Array(k);
  const orders = new Float64Array(k);
  const recencySum = new Float64Array(k);
  groups.forEachMember((i, g) => {
    customers[g]!++;
    const r = row[i]!;
    if (r >= 0) {
      buyers[g]!++;
      revenue[g]! += s.revenue[r]!;
      orders[g]! += s.orders[r]!;
      recencySum[g]! += s.recencyDays[r]!;
    }
  });
  const recency = Array.from(buyers, (b) => new Float64Array(b));
  const filled = new Uint32Array(k);
  groups.forEachMember((i, g) => {
    const r = row[i]!;
    if (r >= 0) recency[g]![filled[g]!++] = s.recencyDays[r]!;
  });
  let totalRevenue = 0;
  let totalOrders = 0;
  for (let i = 0; i < n; i++) {
    const r = row[i]!;
    if (r >= 0) {
      totalRevenue += s.revenue[r]!;
      totalOrders += s.orders[r]!;
    }
  }
  const rows = groups.groupNames.map(
    (segment, g): SegmentSummaryRow =>
      Object.freeze({
        segment,
        customers: customers[g]!,
        customerShare: customers[g]! / n,
        customersWithPurchases: buyers[g]!,
        revenue: revenue[g]!,
        revenueShare: totalRevenue === 0 ? undefined : revenue[g]! / totalRevenue,
        orders: orders[g]!,
        averageOrderValue: orders[g]! > 0 ? revenue[g]! / orders[g]! : undefined,
        revenuePerCustomer: customers[g]! > 0 ? revenue[g]! / customers[g]! : undefined,
        meanRecencyDays: buyers[g]! > 0 ? recencySum[g]! / buyers[g]! : undefined,
        medianRecencyDays: median(recency[g]!.sort()),
      }),
  );
  return Object.freeze({ currency: s.currency, partition: groups.partition, customers: n, revenue: totalRevenue, orders: totalOrders, rows: Object.freeze(rows) });
}
