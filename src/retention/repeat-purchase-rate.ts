import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { proportionInterval } from "../math/proportion-interval.js";
import { activityKinds, readActivity, type ActivityOptions, type ActivitySource } from "./activity.js";
import { checkValidDate } from "../model/timestamp.js";

/**
 * What counts as one purchase occasion: a distinct UTC `"day"` (default: several
 * orders on one day are one occasion, the convention of the CDNOW studies), or each
 * distinct `"instant"`.
 *
 * @example
 * ```ts
 * import type { PurchaseOccasion } from "crmkit/retention";
 * const occasion: PurchaseOccasion = "instant";
 * ```
 */
export type PurchaseOccasion = "day" | "instant";

/**
 * Options of {@link repeatPurchaseRate}.
 *
 * @example
 * ```ts
 * import type { RepeatPurchaseRateOptions } from "crmkit/retention";
 * const o: RepeatPurchaseRateOptions = { asOf: new Date("2024-07-01T00:00:00Z"), withinDays: 90 };
 * ```
 */
export interface RepeatPurchaseRateOptions extends ActivityOptions {
  /** The reference instant: rows after it are an error. */
  readonly asOf: Date;
  /**
   * Count a repeat only within this many days of the first purchase, and only
   * customers whose window has fully elapsed by `asOf` (so recent customers do not
   * drag the rate down). Without it: any second occasion by `asOf`, all customers.
   */
  readonly withinDays?: number;
  /** Purchase occasion (default `"day"`). */
  readonly occasion?: PurchaseOccasion;
  /** Confidence level of the Wilson interval (default 0.95). */
  readonly level?: number;
}

/**
 * The result of {@link repeatPurchaseRate}.
 *
 * @example
 * ```ts
 * import type { RepeatPurchaseRate } from "crmkit/retention";
 * const show = (r: RepeatPurchaseRate) => `${(100 * r.rate).toFixed(1)}% (${(100 * r.low).toFixed(1)}–${(100 * r.high).toFixed(1)}%)`;
 * ```
 */
export interface RepeatPurchaseRate {
  /** Customers counted (with `withinDays`: those whose window had elapsed). */
  readonly customers: number;
  /** Of those, customers with a second purchase occasion (within the window). */
  readonly repeatCustomers: number;
  /** repeatCustomers / customers. */
  readonly rate: number;
  /** Wilson score interval of the rate. */
  readonly low: number;
  readonly high: number;
  readonly level: number;
  /** Customers left out because their window had not elapsed. */
  readonly excludedCustomers: number;
}

const DAY_MS = 86_400_000;

/**
 * The repeat-purchase rate: the share of customers who bought again after their
 * first purchase occasion, with a Wilson confidence interval. With `withinDays`,
 * "again within N days of the first purchase", among customers whose N days have
 * elapsed by `asOf` — comparable across acquisition dates. Reads the activity once;
 * memory is proportional to the number of customers.
 *
 * @example
 * ```ts
 * import { repeatPurchaseRate } from "crmkit/retention";
 * const d = (s: string) => new Date(s);
 * const r = await repeatPurchaseRate(
 *   [
 *     { customerId: "a", at: d("2024-01-01T10:00:00Z") },
 *     { customerId: "a", at: d("2024-01-01T18:00:00Z") }, // same day: same occasion
 *     { customerId: "b", at: d("2024-01-02T00:00:00Z") },
 *     { customerId: "b", at: d("2024-03-01T00:00:00Z") },
 *   ],
 *   { asOf: d("2024-06-01T00:00:00Z") },
 * );
 * r.rate; // 0.5
 * ```
 */
export async function repeatPurchaseRate(activity: ActivitySource, options: RepeatPurchaseRateOptions): Promise<RepeatPurchaseRate> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object { asOf }");
  const asOfMs = checkValidDate("options.asOf", options.asOf);
  const within = options.withinDays;
  if (within !== undefined && (typeof within !== "number" || !Number.isFinite(within) || within <= 0)) {
    throw invalidInput("options.withinDays", within, "a number of days > 0");
  }
  const occasion = options.occasion ?? "day";
  if (occasion !== "day" && occasion !== "instant") throw invalidInput("options.occasion", occasion, '"day" or "instant"');
  const level = options.level ?? 0.95;
  if (typeof level !== "number" || !(level > 0 && level < 1)) throw invalidInput("options.level", level, "a confidence level in (0, 1)");
  const kinds = activityKinds("options.kinds", options.kinds);

  // Per customer: the first and second distinct occasion keys (and the first instant).
  const index = new Map<string, number>();
  let cap = 1024;
  let first = new Float64Array(cap);
  let second = new Float64Array(cap);
  let firstMs = new Float64Array(cap);
  await readActivity(activity, "activity", kinds, asOfMs, { needAmounts: false }, (id, ms) => {
    const key = occasion === "day" ? Math.floor(ms / DAY_MS) : ms;
    let c = index.get(id);
    if (c === undefined) {
      c = index.size;
      index.set(id, c);
      if (c >= cap) {
        cap *= 2;
        const f = new Float64Array(cap);
        f.set(first);
        first = f;
        const s = new Float64Array(cap);
        s.set(second);
        second = s;
        const m = new Float64Array(cap);
        m.set(firstMs);
        firstMs = m;
      }
      first[c] = key;
      second[c] = Number.POSITIVE_INFINITY;
      firstMs[c] = ms;
      return;
    }
    if (ms < firstMs[c]!) firstMs[c] = ms;
    const f = first[c]!;
    if (key < f) {
      second[c] = f;
      first[c] = key;
    } else if (key > f && key < second[c]!) second[c] = key;
  });
  const n = index.size;
  if (n === 0) throw new CrmkitError("INSUFFICIENT_DATA", "repeatPurchaseRate: the activity is empty (no rows of the counted kinds)");
  let customers = 0;
  let repeat = 0;
  let excluded = 0;
  const windowMs = within === undefined ? 0 : within * DAY_MS;
  for (let c = 0; c < n; c++) {
    const s = second[c]!;
    if (within === undefined) {
      customers++;
      if (s !== Number.POSITIVE_INFINITY) repeat++;
      continue;
    }
    // The window runs from the first purchase instant; with day occasions, a second day counts if it starts within the window.
    const windowEnd = firstMs[c]! + windowMs;
    if (windowEnd > asOfMs) {
      excluded++;
      continue;
    }
    customers++;
    const secondMs = occasion === "day" ? s * DAY_MS : s;
    if (secondMs <= windowEnd) repeat++;
  }
  if (customers === 0) {
    throw new CrmkitError("INSUFFICIENT_DATA", `repeatPurchaseRate: no customer's ${within}-day window has elapsed by asOf (${new Date(asOfMs).toISOString()})`, {
      details: { excludedCustomers: excluded },
    });
  }
  const ci = proportionInterval(repeat, customers, { level, method: "wilson" });
  return { customers, repeatCustomers: repeat, rate: repeat / customers, low: ci.low, high: ci.high, level, excludedCustomers: excluded };
}
