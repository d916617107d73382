import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { mrrAt, readSubscriptions, type MrrSegments, type SubscriptionSource } from "./subscription-mrr.js";
import { checkValidDate } from "../model/timestamp.js";

/**
 * Options of {@link revenueRetention}.
 *
 * @example
 * ```ts
 * import type { RevenueRetentionOptions } from "crmkit/retention";
 * // Trailing-twelve-month NRR as of July 1st.
 * const o: RevenueRetentionOptions = { from: new Date("2023-07-01T00:00:00Z"), to: new Date("2024-07-01T00:00:00Z") };
 * ```
 */
export interface RevenueRetentionOptions {
  /** Start of the window: the cohort is the customers paying at this instant. */
  readonly from: Date;
  /** End of the window. */
  readonly to: Date;
}

/**
 * Revenue retention of one currency over a window.
 *
 * @example
 * ```ts
 * import type { RevenueRetentionResult } from "crmkit/retention";
 * const healthy = (r: RevenueRetentionResult) => (r.netRevenueRetention ?? 0) >= 1;
 * ```
 */
export interface RevenueRetentionResult {
  readonly currency: string;
  /** MRR at `from` of the customers paying then. */
  readonly startingMrr: number;
  /** MRR at `to` of those same customers (new customers excluded). */
  readonly endingMrr: number;
  /** Σ max(0, end − start) over the cohort. */
  readonly expansion: number;
  /** Σ (start − end) over cohort customers still paying but less. */
  readonly contraction: number;
  /** Starting MRR of cohort customers paying nothing at `to`. */
  readonly churned: number;
  /** Σ min(end, start) / Σ start: in [0, 1]; `null` without starting MRR. */
  readonly grossRevenueRetention: number | null;
  /** Σ end / Σ start; `null` without starting MRR. */
  readonly netRevenueRetention: number | null;
  /** Customers paying at `from`. */
  readonly startingCustomers: number;
  /** Of those, customers still paying at `to`. */
  readonly retainedCustomers: number;
  /** retainedCustomers / startingCustomers (logo retention); `null` without starting customers. */
  readonly customerRetention: number | null;
}

/**
 * Gross and net revenue retention of a window, cohort style (the definition used
 * for "annual NRR" in SaaS benchmarks such as SaaS Capital's and KeyBanc's): take
 * the customers paying at `from`, compare each one's MRR at `to` with their MRR at
 * `from`. NRR = Σ MRR_to / Σ MRR_from (expansion counts, new customers do not; a
 * cohort customer who churned and came back counts at their `to` MRR);
 * GRR = Σ min(MRR_to, MRR_from) / Σ MRR_from (expansion cannot offset losses).
 * One result per currency, in currency-code order.
 *
 * @example
 * ```ts
 * import { revenueRetention } from "crmkit/retention";
 * const d = (s: string) => new Date(s);
 * const eur = (amount: number) => ({ amount, currency: "EUR" });
 * const [r] = await revenueRetention(
 *   [
 *     { customerId: "a", status: "active", mrr: eur(120), startedAt: d("2023-01-01T00:00:00Z"),
 *       mrrHistory: [{ effectiveAt: d("2023-01-01T00:00:00Z"), mrr: eur(100) }, { effectiveAt: d("2023-09-01T00:00:00Z"), mrr: eur(120) }] },
 *     { customerId: "b", status: "canceled", mrr: eur(100), startedAt: d("2023-01-01T00:00:00Z"), endedAt: d("2023-10-01T00:00:00Z") },
 *   ],
 *   { from: d("2023-07-01T00:00:00Z"), to: d("2024-07-01T00:00:00Z") },
 * );
 * r?.netRevenueRetention; // 0.6 = 120 / 200
 * r?.grossRevenueRetention; // 0.5 = 100 / 200
 * ```
 */
export async function revenueRetention(subscriptions: SubscriptionSource, options: RevenueRetentionOptions): Promise<RevenueRetentionResult[]> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object { from, to }");
  const fromMs = checkValidDate("options.from", options.from);
  const toMs = checkValidDate("options.to", options.to);
  if (toMs <= fromMs) throw invalidInput("options.to", options.to, `an instant after from (${new Date(fromMs).toISOString()})`);
  const rows = new Map<string, { currency: string; start: number; end: number }>();
  const read = await readSubscriptions(subscriptions, (seg: MrrSegments) => {
    const key = `${seg.currency}\u0000${seg.customerId}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { currency: seg.currency, start: 0, end: 0 };
      rows.set(key, row);
    }
    row.start += mrrAt(seg, fromMs);
    row.end += mrrAt(seg, toMs);
  });
  if (read === 0) throw new CrmkitError("INSUFFICIENT_DATA", "revenueRetention: no subscriptions to report on");
  const byCurrency = new Map<string, { start: number; end: number; capped: number; expansion: number; contraction: number; churned: number; customers: number; retained: number }>();
  for (const row of rows.values()) {
    let acc = byCurrency.get(row.currency);
    if (acc === undefined) {
      acc = { start: 0, end: 0, capped: 0, expansion: 0, contraction: 0, churned: 0, customers: 0, retained: 0 };
      byCurrency.set(row.currency, acc);
    }
    if (row.start <= 0) continue;
    acc.customers++;
    acc.start += row.start;
    acc.end += row.end;
    acc.capped += Math.min(row.start, row.end);
    if (row.end === 0) acc.churned += row.start;
    else {
      acc.retained++;
      if (row.end > row.start) acc.expansion += row.end - row.start;
      else acc.contraction += row.start - row.end;
    }
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, a]) => ({
      currency,
      startingMrr: a.start,
      endingMrr: a.end,
      expansion: a.expansion,
      contraction: a.contraction,
      churned: a.churned,
      grossRevenueRetention: a.start > 0 ? a.capped / a.start : null,
      netRevenueRetention: a.start > 0 ? a.end / a.start : null,
      startingCustomers: a.customers,
      retainedCustomers: a.retained,
      customerRetention: a.customers > 0 ? a.retained / a.customers : null,
    }));
}
