import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { quantileSorted } from "../math/quantile.js";
import { activityKinds, readActivity, type ActivityOptions, type ActivitySource } from "./activity.js";
import { CustomerPeriodCollector } from "./customer-periods.js";
import type { PurchaseOccasion } from "./repeat-purchase-rate.js";
import { checkValidDate } from "../model/timestamp.js";

/**
 * Options of {@link timeBetweenPurchases}.
 *
 * @example
 * ```ts
 * import type { TimeBetweenPurchasesOptions } from "crmkit/retention";
 * const o: TimeBetweenPurchasesOptions = { asOf: new Date("2024-07-01T00:00:00Z"), occasion: "day" };
 * ```
 */
export interface TimeBetweenPurchasesOptions extends ActivityOptions {
  /** The reference instant: rows after it are an error; open gaps run to it. */
  readonly asOf: Date;
  /** Purchase occasion (default `"day"`: gaps are whole days between distinct purchase days). */
  readonly occasion?: PurchaseOccasion;
  /** Probabilities of the reported quantiles (default 0.1, 0.25, 0.5, 0.75, 0.9). */
  readonly probabilities?: readonly number[];
  /** How many purchase-to-purchase transitions to summarise separately (default 5: 1st→2nd … 5th→6th). */
  readonly transitions?: number;
}

/**
 * Summary of a set of gaps (in days).
 *
 * @example
 * ```ts
 * import type { GapSummary } from "crmkit/retention";
 * const median = (s: GapSummary) => s.quantiles.find((q) => q.p === 0.5)?.days;
 * ```
 */
export interface GapSummary {
  readonly count: number;
  /** Mean gap in days (`null` without gaps). */
  readonly mean: number | null;
  /** Quantiles (R type 7) of the gaps in days; empty without gaps. */
  readonly quantiles: readonly { readonly p: number; readonly days: number }[];
}

/**
 * The result of {@link timeBetweenPurchases}.
 *
 * @example
 * ```ts
 * import { kaplanMeier, type TimeBetweenPurchases } from "crmkit/retention";
 * // Time to next purchase, counting the open gaps as censored:
 * const km = (t: TimeBetweenPurchases) =>
 *   kaplanMeier([...t.gaps, ...t.openGaps], [...t.gaps.map(() => 1), ...t.openGaps.map(() => 0)]);
 * ```
 */
export interface TimeBetweenPurchases {
  /** Every gap between consecutive purchase occasions of a customer, in days, ascending. */
  readonly gaps: Float64Array;
  /** Per customer, the days from their last purchase to `asOf` (an unfinished gap: right-censored). */
  readonly openGaps: Float64Array;
  /** Summary of all gaps. */
  readonly overall: GapSummary;
  /** Summary of the gaps between the k-th and (k+1)-th occasions, k = 1 … `transitions`. */
  readonly byTransition: readonly (GapSummary & { readonly from: number; readonly to: number })[];
  readonly customers: number;
  /** Customers with at least two occasions. */
  readonly repeatCustomers: number;
}

const DAY_MS = 86_400_000;

function summarise(sorted: Float64Array, probabilities: readonly number[]): GapSummary {
  if (sorted.length === 0) return { count: 0, mean: null, quantiles: [] };
  let sum = 0;
  for (const g of sorted) sum += g;
  return { count: sorted.length, mean: sum / sorted.length, quantiles: probabilities.map((p) => ({ p, days: quantileSorted(sorted, p) })) };
}

/**
 * The distribution of the time between a customer's consecutive purchase occasions
 * (inter-purchase times), in days: all gaps, their mean and quantiles, the same per
 * transition (1st→2nd purchase, 2nd→3rd…, where the first repeat is usually the
 * slowest), and each customer's open gap since their last purchase, for a
 * censoring-aware estimate with {@link kaplanMeier}. Completed gaps alone
 * understate typical gaps (long gaps are still open), so read the quantiles with the
 * open gaps in mind.
 *
 * @example
 * ```ts
 * import { timeBetweenPurchases } from "crmkit/retention";
 * const d = (s: string) => new Date(s);
 * const t = await timeBetweenPurchases(
 *   [
 *     { customerId: "a", at: d("2024-01-01T00:00:00Z") },
 *     { customerId: "a", at: d("2024-01-11T00:00:00Z") },
 *     { customerId: "a", at: d("2024-01-31T00:00:00Z") },
 *     { customerId: "b", at: d("2024-01-05T00:00:00Z") },
 *   ],
 *   { asOf: d("2024-02-10T00:00:00Z") },
 * );
 * t.gaps; // Float64Array [10, 20]
 * t.openGaps; // Float64Array [10, 36]
 * ```
 */
export async function timeBetweenPurchases(activity: ActivitySource, options: TimeBetweenPurchasesOptions): Promise<TimeBetweenPurchases> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object { asOf }");
  const asOfMs = checkValidDate("options.asOf", options.asOf);
  const occasion = options.occasion ?? "day";
  if (occasion !== "day" && occasion !== "instant") throw invalidInput("options.occasion", occasion, '"day" or "instant"');
  const probabilities = options.probabilities ?? [0.1, 0.25, 0.5, 0.75, 0.9];
  if (!Array.isArray(probabilities)) throw invalidInput("options.probabilities", probabilities, "an array of probabilities in [0, 1]");
  probabilities.forEach((p, i) => {
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw invalidInput(`options.probabilities[${i}]`, p, "a probability in [0, 1]");
  });
  const transitions = options.transitions ?? 5;
  if (!Number.isInteger(transitions) || transitions < 0) throw invalidInput("options.transitions", transitions, "an integer >= 0");
  const kinds = activityKinds("options.kinds", options.kinds);

  const collector = new CustomerPeriodCollector(occasion === "day" ? "day" : "instant");
  await readActivity(activity, "activity", kinds, asOfMs, { needAmounts: false }, (id, ms) => collector.add(id, ms, 0));
  if (collector.customers === 0) throw new CrmkitError("INSUFFICIENT_DATA", "timeBetweenPurchases: the activity is empty (no rows of the counted kinds)");
  const data = collector.finish();
  const toDays = occasion === "day" ? 1 : 1 / DAY_MS;
  const n = data.customers;
  // Occasions of a customer come in increasing order: gap = key − previous key.
  const previous = new Float64Array(n).fill(Number.NaN);
  const count = new Int32Array(n);
  const gaps = new Float64Array(Math.max(0, data.pairs - n));
  const byK: number[][] = Array.from({ length: transitions }, () => []);
  let g = 0;
  for (let i = 0; i < data.pairs; i++) {
    const c = data.pairCustomer[i]!;
    const key = data.pairKey[i]!;
    const k = count[c]!;
    if (k > 0) {
      const gap = (key - previous[c]!) * toDays;
      gaps[g++] = gap;
      if (k <= transitions) byK[k - 1]!.push(gap);
    }
    previous[c] = key;
    count[c] = k + 1;
  }
  gaps.sort();
  const openGaps = new Float64Array(n);
  let repeatCustomers = 0;
  const asOfKey = occasion === "day" ? Math.floor(asOfMs / DAY_MS) : asOfMs;
  for (let c = 0; c < n; c++) {
    openGaps[c] = (asOfKey - data.lastKey[c]!) * toDays;
    if (count[c]! >= 2) repeatCustomers++;
  }
  return {
    gaps,
    openGaps,
    overall: summarise(gaps, probabilities),
    byTransition: byK.map((list, k) => ({ from: k + 1, to: k + 2, ...summarise(Float64Array.from(list).sort(), probabilities) })),
    customers: n,
    repeatCustomers,
  };
}
