import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { checkCalendarPeriod, periodIndexOfMs, periodLabelOf, periodStartMs, type CalendarPeriod } from "../time/calendar-period.js";
import { firstPaidAt, mrrAt, readSubscriptions, type MrrSegments, type SubscriptionSource } from "./subscription-mrr.js";
import { checkValidDate } from "../model/timestamp.js";

/**
 * Options of {@link mrrMovements}.
 *
 * @example
 * ```ts
 * import type { MrrMovementsOptions } from "crmkit/retention";
 * const o: MrrMovementsOptions = { from: new Date("2024-01-01T00:00:00Z"), asOf: new Date("2024-07-01T00:00:00Z") };
 * ```
 */
export interface MrrMovementsOptions {
  /** Calendar period of the report (UTC; default `"month"`). */
  readonly period?: CalendarPeriod;
  /** The report starts with the period containing this instant. */
  readonly from: Date;
  /** The reference instant: the report ends with the period containing it (partial if not over). */
  readonly asOf: Date;
}

/**
 * Customer counts of one period of an {@link MrrPeriod}.
 *
 * @example
 * ```ts
 * import type { MrrCustomerCounts } from "crmkit/retention";
 * const logoChurn = (c: MrrCustomerCounts) => (c.opening > 0 ? c.churned / c.opening : null);
 * ```
 */
export interface MrrCustomerCounts {
  readonly opening: number;
  readonly closing: number;
  readonly new: number;
  readonly expanded: number;
  readonly contracted: number;
  readonly churned: number;
  readonly reactivated: number;
}

/**
 * One period of MRR movements in one currency. Amounts satisfy
 * `closingMrr = openingMrr + new + expansion + reactivation − contraction − churned`.
 *
 * @example
 * ```ts
 * import type { MrrPeriod } from "crmkit/retention";
 * const quickRatio = (p: MrrPeriod) => (p.new + p.expansion + p.reactivation) / (p.contraction + p.churned);
 * ```
 */
export interface MrrPeriod {
  /** Label of the period (`2024-05`). */
  readonly key: string;
  readonly start: Date;
  /** The instant of the closing snapshot: the period's last millisecond, or `asOf` for the current period. */
  readonly closingAt: Date;
  /** False for the period containing `asOf` when it is not over. */
  readonly complete: boolean;
  /** MRR at the close of the previous period. */
  readonly openingMrr: number;
  /** MRR of customers whose first paid MRR (in this currency) starts in this period. */
  readonly new: number;
  /** Increase of customers paying at both ends of the period. */
  readonly expansion: number;
  /** Decrease of customers paying at both ends of the period. */
  readonly contraction: number;
  /** Opening MRR of customers paying at the start but not at the close. */
  readonly churned: number;
  /** Closing MRR of customers who had paid before, not at the start, and pay again at the close. */
  readonly reactivation: number;
  readonly closingMrr: number;
  /** new + expansion + reactivation − contraction − churned. */
  readonly netNewMrr: number;
  /** (opening − contraction − churned) / opening, in [0, 1]; `null` when nothing was open. */
  readonly grossRevenueRetention: number | null;
  /** (opening + expansion − contraction − churned) / opening; `null` when nothing was open. */
  readonly netRevenueRetention: number | null;
  readonly customers: MrrCustomerCounts;
}

/**
 * MRR movements of one currency.
 *
 * @example
 * ```ts
 * import type { MrrReport } from "crmkit/retention";
 * const latestNrr = (r: MrrReport) => r.periods.at(-1)?.netRevenueRetention;
 * ```
 */
export interface MrrReport {
  readonly currency: string;
  readonly periods: readonly MrrPeriod[];
}

/**
 * The result of {@link mrrMovements}: one report per currency (money is never
 * summed across currencies), in currency-code order.
 *
 * @example
 * ```ts
 * import type { MrrMovements } from "crmkit/retention";
 * const usd = (m: MrrMovements) => m.currencies.find((r) => r.currency === "USD");
 * ```
 */
export interface MrrMovements {
  readonly period: CalendarPeriod;
  readonly currencies: readonly MrrReport[];
  /** Subscriptions read. */
  readonly subscriptions: number;
}

/**
 * MRR movements per period from subscriptions: opening MRR, new, expansion,
 * contraction, churned and reactivation MRR, closing MRR, and the period's gross and
 * net revenue retention — per currency.
 *
 * Definitions (the choice among the conventions in use; see docs/retention.md):
 * movements are classified per **customer** (all their subscriptions in the
 * currency summed) by comparing their MRR at the close of the previous period with
 * their MRR at the close of this one ("snapshot" netting: an upgrade and a
 * downgrade within one period cancel). A customer with no opening MRR is *new* if
 * they never paid before, else *reactivated*; one with opening MRR and none at the
 * close has *churned* (their opening MRR); a customer paying at both ends
 * *expanded* or *contracted* by the difference. So losing one of two subscriptions
 * is contraction, not churn, as in ChartMogul. Revenue retention excludes new and
 * reactivated MRR: GRR = (opening − contraction − churned) / opening,
 * NRR = (opening + expansion − contraction − churned) / opening.
 *
 * MRR in force at an instant: from `startedAt` (or `trialEndsAt`: trial MRR is not
 * revenue) to `endedAt` (exclusive), following `mrrHistory`.
 *
 * @example
 * ```ts
 * import { mrrMovements } from "crmkit/retention";
 * const d = (s: string) => new Date(s);
 * const usd = (amount: number) => ({ amount, currency: "USD" });
 * const report = await mrrMovements(
 *   [
 *     { customerId: "a", status: "active", mrr: usd(150), startedAt: d("2024-01-10T00:00:00Z"),
 *       mrrHistory: [{ effectiveAt: d("2024-01-10T00:00:00Z"), mrr: usd(100) }, { effectiveAt: d("2024-02-15T00:00:00Z"), mrr: usd(150) }] },
 *     { customerId: "b", status: "canceled", mrr: usd(50), startedAt: d("2024-01-05T00:00:00Z"), endedAt: d("2024-02-20T00:00:00Z") },
 *   ],
 *   { period: "month", from: d("2024-01-01T00:00:00Z"), asOf: d("2024-03-01T00:00:00Z") },
 * );
 * report.currencies[0]?.periods[1]; // February: opening 150, expansion 50, churned 50, closing 150, NRR 1
 * ```
 */
export async function mrrMovements(subscriptions: SubscriptionSource, options: MrrMovementsOptions): Promise<MrrMovements> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object { from, asOf }");
  const unit = checkCalendarPeriod("options.period", options.period ?? "month");
  const fromMs = checkValidDate("options.from", options.from);
  const asOfMs = checkValidDate("options.asOf", options.asOf);
  if (fromMs > asOfMs) throw invalidInput("options.from", options.from, `an instant at or before asOf (${new Date(asOfMs).toISOString()})`);
  const first = periodIndexOfMs(fromMs, unit);
  const lastStart = periodIndexOfMs(asOfMs, unit);
  // Closing snapshots: the last millisecond of each period; the current period closes at asOf.
  const closeAt: number[] = [];
  const periodIdx: number[] = [];
  for (let p = first; p <= lastStart; p++) {
    const end = periodStartMs(p + 1, unit) - 1;
    if (p === lastStart && asOfMs === periodStartMs(p, unit) && p > first) break; // asOf at a boundary: nothing of this period yet
    periodIdx.push(p);
    closeAt.push(Math.min(end, asOfMs));
  }
  const openAt = periodStartMs(first, unit) - 1;
  const k = periodIdx.length;
  const width = k + 1; // column 0: opening snapshot of the first period

  // One row per (currency, customer): MRR at each snapshot, plus the first paid instant.
  const rowOf = new Map<string, number>();
  const rowCurrency: string[] = [];
  let cap = 1024;
  let snapshots = new Float64Array(cap * width);
  let firstPaid = new Float64Array(cap).fill(Number.POSITIVE_INFINITY);
  const read = await readSubscriptions(subscriptions, (seg: MrrSegments) => {
    const key = `${seg.currency}\u0000${seg.customerId}`;
    let row = rowOf.get(key);
    if (row === undefined) {
      row = rowOf.size;
      rowOf.set(key, row);
      rowCurrency.push(seg.currency);
      if (row >= cap) {
        const grown = new Float64Array(cap * 2 * width);
        grown.set(snapshots);
        snapshots = grown;
        const fp = new Float64Array(cap * 2).fill(Number.POSITIVE_INFINITY);
        fp.set(firstPaid);
        firstPaid = fp;
        cap *= 2;
      }
    }
    const base = row * width;
    snapshots[base]! += mrrAt(seg, openAt);
    for (let j = 0; j < k; j++) snapshots[base + j + 1]! += mrrAt(seg, closeAt[j]!);
    const fpa = firstPaidAt(seg);
    if (fpa < firstPaid[row]!) firstPaid[row] = fpa;
  });
  if (read === 0) throw new CrmkitError("INSUFFICIENT_DATA", "mrrMovements: no subscriptions to report on");

  const currencies = [...new Set(rowCurrency)].sort();
  const reports: MrrReport[] = currencies.map((currency) => {
    const periods: MrrPeriod[] = [];
    for (let j = 0; j < k; j++) {
      const startMs = periodStartMs(periodIdx[j]!, unit);
      let opening = 0;
      let closing = 0;
      let nw = 0;
      let expansion = 0;
      let contraction = 0;
      let churned = 0;
      let reactivation = 0;
      const counts = { opening: 0, closing: 0, new: 0, expanded: 0, contracted: 0, churned: 0, reactivated: 0 };
      for (let row = 0; row < rowCurrency.length; row++) {
        if (rowCurrency[row] !== currency) continue;
        const o = snapshots[row * width + j]!;
        const c = snapshots[row * width + j + 1]!;
        opening += o;
        closing += c;
        if (o > 0) counts.opening++;
        if (c > 0) counts.closing++;
        if (o === 0 && c > 0) {
          if (firstPaid[row]! < startMs) {
            reactivation += c;
            counts.reactivated++;
          } else {
            nw += c;
            counts.new++;
          }
        } else if (o > 0 && c === 0) {
          churned += o;
          counts.churned++;
        } else if (c > o) {
          expansion += c - o;
          counts.expanded++;
        } else if (c < o) {
          contraction += o - c;
          counts.contracted++;
        }
      }
      periods.push({
        key: periodLabelOf(periodIdx[j]!, unit),
        start: new Date(startMs),
        closingAt: new Date(closeAt[j]!),
        complete: closeAt[j]! === periodStartMs(periodIdx[j]! + 1, unit) - 1,
        openingMrr: opening,
        new: nw,
        expansion,
        contraction,
        churned,
        reactivation,
        closingMrr: closing,
        netNewMrr: nw + expansion + reactivation - contraction - churned,
        grossRevenueRetention: opening > 0 ? (opening - contraction - churned) / opening : null,
        netRevenueRetention: opening > 0 ? (opening + expansion - contraction - churned) / opening : null,
        customers: counts,
      });
    }
    return { currency, periods };
  });
  return { period: unit, currencies: reports, subscriptions: read };
}
