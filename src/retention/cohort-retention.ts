import { invalidInput } from "../errors/invalid-input.js";
import { CrmkitError } from "../errors/crmkit-error.js";
import { activityKinds, readActivity, type ActivityOptions, type ActivitySource } from "./activity.js";
import { CustomerPeriodCollector } from "./customer-periods.js";
import { checkCalendarPeriod, periodIndexOfMs, periodLabelOf, periodStartMs, type CalendarPeriod } from "../time/calendar-period.js";
import { checkValidDate } from "../model/timestamp.js";

/**
 * How customers are grouped into cohorts: `"acquisition"` (the period of their first
 * activity, the default), a map from customer id to a cohort key, or a function of
 * the customer id and the start of the acquisition period returning a key
 * (`undefined` leaves the customer out).
 *
 * @example
 * ```ts
 * import type { CohortKey } from "crmkit/retention";
 * const byChannel: CohortKey = new Map([["c-1", "referral"], ["c-2", "ads"]]);
 * const byYear: CohortKey = (_id, acquired) => String(acquired.getUTCFullYear());
 * ```
 */
export type CohortKey = "acquisition" | ReadonlyMap<string, string> | ((customerId: string, acquisitionPeriodStart: Date) => string | undefined);

/**
 * Options of {@link cohortRetention}.
 *
 * @example
 * ```ts
 * import type { CohortRetentionOptions } from "crmkit/retention";
 * const options: CohortRetentionOptions = { period: "month", asOf: new Date("2024-07-01T00:00:00Z"), revenue: true };
 * ```
 */
export interface CohortRetentionOptions extends ActivityOptions {
  /** The calendar period of cohorts and ages (UTC). */
  readonly period: CalendarPeriod;
  /** The reference instant: rows after it are an error; periods not over by then are `null`. */
  readonly asOf: Date;
  /** How to group customers (default `"acquisition"`). */
  readonly cohortBy?: CohortKey;
  /**
   * `"period"` (default): a customer counts at age j when active during the j-th
   * period after acquisition (classic, "bracketed" retention; it can rise again).
   * `"unbounded"`: when active at age j or any later elapsed age ("rolling"
   * retention; never increases with age).
   */
  readonly definition?: "period" | "unbounded";
  /** Count the period containing `asOf` even though it is not over (default false). */
  readonly includeCurrentPeriod?: boolean;
  /** Also sum the amounts per cell (revenue-weighted cohorts; default false). */
  readonly revenue?: boolean;
  /** With `revenue`: sum only amounts in this currency (rows in others still count as activity). */
  readonly currency?: string;
}

/**
 * One cohort of a {@link CohortTable}. Arrays are indexed by age (0 = the
 * acquisition period); `null` marks an age that has not elapsed by `asOf` for any
 * customer of the cohort — never 0.
 *
 * @example
 * ```ts
 * import type { CohortRow } from "crmkit/retention";
 * const firstMonthRetention = (row: CohortRow) => row.retention[1];
 * ```
 */
export interface CohortRow {
  /** The cohort key: the acquisition period label (`2024-03`) or the custom key. */
  readonly key: string;
  /** Start of the acquisition period (acquisition cohorts only, else `null`). */
  readonly start: Date | null;
  /** Customers in the cohort. */
  readonly size: number;
  /** Customers whose age j had elapsed by `asOf` (the denominator at age j). */
  readonly eligible: readonly number[];
  /** Customers active at age j (see `definition`), or `null` if age j had not elapsed. */
  readonly active: readonly (number | null)[];
  /** `active / eligible`, in [0, 1], or `null`. */
  readonly retention: readonly (number | null)[];
  /** With `revenue`: the amounts of the cohort's customers at age j, or `null`. */
  readonly revenue?: readonly (number | null)[];
  /**
   * With `revenue`: revenue at age j divided by the age-0 revenue of the same
   * (eligible) customers; may exceed 1 (expansion). `null` if not elapsed or the
   * base is 0.
   */
  readonly revenueRetention?: readonly (number | null)[];
}

/**
 * The result of {@link cohortRetention}: a cohort × age matrix.
 *
 * @example
 * ```ts
 * import type { CohortTable } from "crmkit/retention";
 * const sizes = (t: CohortTable) => t.cohorts.map((c) => [c.key, c.size]);
 * ```
 */
export interface CohortTable {
  readonly period: CalendarPeriod;
  readonly asOf: Date;
  readonly definition: "period" | "unbounded";
  /** Number of age columns (ages 0 … ages − 1). */
  readonly ages: number;
  /** Cohorts in order of their key (acquisition cohorts: chronological). */
  readonly cohorts: readonly CohortRow[];
  /** All cohorts pooled: Σ active / Σ eligible per age. */
  readonly overall: { readonly eligible: readonly number[]; readonly active: readonly (number | null)[]; readonly retention: readonly (number | null)[] };
  /** Customers in the table. */
  readonly customers: number;
  /** Customers left out because `cohortBy` gave them no key. */
  readonly excludedCustomers: number;
  /** Activity rows read (after the `kinds` filter). */
  readonly rows: number;
  /** Currency of the revenue figures (undefined for bare-number amounts or without `revenue`). */
  readonly currency?: string;
}

/**
 * Cohort retention: customers grouped by acquisition period (or any key), and for
 * each age j the number and share still active j periods after acquisition. Periods
 * are UTC calendar days, ISO weeks, months, quarters or years. Cells whose period
 * had not ended by `asOf` are `null`, never 0. With `revenue: true` each cell also
 * carries the cohort's revenue and its ratio to the age-0 revenue
 * (revenue-weighted retention).
 *
 * The activity is read once, as a stream; memory is proportional to the number of
 * distinct (customer, period) pairs (at most customers × periods), not to the number
 * of rows. A customer's acquisition is their first activity in the data: pass the
 * full history, or early cohorts will look younger than they are.
 *
 * @example
 * ```ts
 * import { cohortRetention } from "crmkit/retention";
 * const d = (s: string) => new Date(s);
 * const table = await cohortRetention(
 *   [
 *     { customerId: "a", at: d("2024-01-05T00:00:00Z") },
 *     { customerId: "a", at: d("2024-02-07T00:00:00Z") },
 *     { customerId: "b", at: d("2024-01-20T00:00:00Z") },
 *     { customerId: "c", at: d("2024-02-11T00:00:00Z") },
 *   ],
 *   { period: "month", asOf: d("2024-03-01T00:00:00Z") },
 * );
 * table.cohorts[0]; // { key: "2024-01", size: 2, active: [2, 1], retention: [1, 0.5], … }
 * table.cohorts[1]?.retention; // [1, null]: March has not elapsed
 * ```
 */
export async function cohortRetention(activity: ActivitySource, options: CohortRetentionOptions): Promise<CohortTable> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object { period, asOf }");
  const unit = checkCalendarPeriod("options.period", options.period);
  const asOfMs = checkValidDate("options.asOf", options.asOf);
  const kinds = activityKinds("options.kinds", options.kinds);
  const definition = options.definition ?? "period";
  if (definition !== "period" && definition !== "unbounded") throw invalidInput("options.definition", definition, '"period" or "unbounded"');
  const cohortBy = options.cohortBy ?? "acquisition";
  if (cohortBy !== "acquisition" && typeof cohortBy !== "function" && !(cohortBy instanceof Map)) {
    throw invalidInput("options.cohortBy", cohortBy, '"acquisition", a Map of customer id to key, or a function');
  }
  const wantRevenue = options.revenue === true;
  if (options.currency !== undefined && (typeof options.currency !== "string" || options.currency.length === 0)) {
    throw invalidInput("options.currency", options.currency, "an ISO 4217 currency code");
  }

  const collector = new CustomerPeriodCollector(unit);
  let currency: string | undefined;
  const rows = await readActivity(activity, "activity", kinds, asOfMs, { needAmounts: wantRevenue, currency: options.currency }, (id, ms, amount, cur) => {
    if (currency === undefined) currency = cur;
    collector.add(id, ms, amount);
  });
  if (collector.customers === 0) {
    throw new CrmkitError("INSUFFICIENT_DATA", "cohortRetention: the activity is empty (no rows of the counted kinds); a cohort table needs at least one customer", {
      details: { rows },
    });
  }
  const data = collector.finish();
  const n = data.customers;
  /** Periods with index < endIndex count (they are over by asOf, or the current one is included). */
  const endIndex = periodIndexOfMs(asOfMs, unit) + (options.includeCurrentPeriod === true ? 1 : 0);

  // Cohort of each customer.
  const cohortOf = new Int32Array(n);
  const keys: string[] = [];
  const starts: (Date | null)[] = [];
  let excluded = 0;
  let minFirst = Infinity;
  for (let c = 0; c < n; c++) if (data.firstKey[c]! < minFirst) minFirst = data.firstKey[c]!;
  if (cohortBy === "acquisition") {
    const dense = new Int32Array(endIndex - minFirst + 1).fill(-1);
    const seen: number[] = [];
    for (let c = 0; c < n; c++) {
      const slot = data.firstKey[c]! - minFirst;
      if (dense[slot] === -1) {
        dense[slot] = 0;
        seen.push(slot);
      }
    }
    seen.sort((a, b) => a - b);
    seen.forEach((slot, i) => {
      dense[slot] = i;
      keys.push(periodLabelOf(slot + minFirst, unit));
      starts.push(new Date(periodStartMs(slot + minFirst, unit)));
    });
    for (let c = 0; c < n; c++) cohortOf[c] = dense[data.firstKey[c]! - minFirst]!;
  } else {
    const keyIndex = new Map<string, number>();
    for (let c = 0; c < n; c++) {
      const id = data.ids[c]!;
      const key = typeof cohortBy === "function" ? cohortBy(id, new Date(periodStartMs(data.firstKey[c]!, unit))) : cohortBy.get(id);
      if (key === undefined) {
        cohortOf[c] = -1;
        excluded++;
        continue;
      }
      if (typeof key !== "string") throw invalidInput(`options.cohortBy(${JSON.stringify(id)})`, key, "a string key or undefined");
      let k = keyIndex.get(key);
      if (k === undefined) {
        k = keyIndex.size;
        keyIndex.set(key, k);
      }
      cohortOf[c] = k;
    }
    // Order cohorts by key.
    const sorted = [...keyIndex.keys()].sort();
    const remap = new Int32Array(keyIndex.size);
    sorted.forEach((key, i) => {
      remap[keyIndex.get(key)!] = i;
      keys.push(key);
      starts.push(null);
    });
    for (let c = 0; c < n; c++) if (cohortOf[c]! >= 0) cohortOf[c] = remap[cohortOf[c]!]!;
  }

  const numCohorts = keys.length;
  const ages = Math.max(1, endIndex - minFirst);
  const width = ages + 1; // one spare column for difference arrays
  const size = new Float64Array(numCohorts);
  const eligibleDiff = new Float64Array(numCohorts * width);
  const activeCount = new Float64Array(numCohorts * width);
  const revenue = wantRevenue ? new Float64Array(numCohorts * width) : undefined;
  const baseDiff = wantRevenue ? new Float64Array(numCohorts * width) : undefined;
  const ageZeroRevenue = wantRevenue ? new Float64Array(n) : undefined;
  const lastElapsedAge = new Int32Array(n); // -1 when even age 0 has not elapsed
  const lastActiveAge = new Int32Array(n).fill(-1);

  for (let c = 0; c < n; c++) {
    const k = cohortOf[c]!;
    if (k < 0) continue;
    size[k]!++;
    const last = endIndex - 1 - data.firstKey[c]!;
    lastElapsedAge[c] = last;
    if (last >= 0) {
      eligibleDiff[k * width]!++;
      eligibleDiff[k * width + last + 1]!--;
    }
  }
  const { pairCustomer, pairKey, pairAmount } = data;
  for (let i = 0; i < data.pairs; i++) {
    const c = pairCustomer[i]!;
    const k = cohortOf[c]!;
    if (k < 0) continue;
    const age = pairKey[i]! - data.firstKey[c]!;
    if (age > lastElapsedAge[c]!) continue;
    if (definition === "period") activeCount[k * width + age]!++;
    else if (age > lastActiveAge[c]!) lastActiveAge[c] = age;
    if (revenue !== undefined) {
      revenue[k * width + age]! += pairAmount[i]!;
      if (age === 0) ageZeroRevenue![c] = pairAmount[i]!;
    }
  }
  if (definition === "unbounded") {
    for (let c = 0; c < n; c++) {
      const k = cohortOf[c]!;
      const a = lastActiveAge[c]!;
      if (k < 0 || a < 0) continue;
      activeCount[k * width]!++;
      activeCount[k * width + a + 1]!--;
    }
    for (let k = 0; k < numCohorts; k++) for (let j = 1; j < width; j++) activeCount[k * width + j]! += activeCount[k * width + j - 1]!;
  }
  if (baseDiff !== undefined) {
    for (let c = 0; c < n; c++) {
      const k = cohortOf[c]!;
      const last = lastElapsedAge[c]!;
      if (k < 0 || last < 0) continue;
      baseDiff[k * width]! += ageZeroRevenue![c]!;
      baseDiff[k * width + last + 1]! -= ageZeroRevenue![c]!;
    }
  }

  const cohorts: CohortRow[] = [];
  const overallEligible = new Array<number>(ages).fill(0);
  const overallActive = new Array<number>(ages).fill(0);
  for (let k = 0; k < numCohorts; k++) {
    const eligible: number[] = [];
    const active: (number | null)[] = [];
    const retention: (number | null)[] = [];
    const rev: (number | null)[] = [];
    const revRet: (number | null)[] = [];
    let e = 0;
    let base = 0;
    for (let j = 0; j < ages; j++) {
      e += eligibleDiff[k * width + j]!;
      eligible.push(e);
      overallEligible[j]! += e;
      if (e > 0) {
        const a = activeCount[k * width + j]!;
        active.push(a);
        retention.push(a / e);
        overallActive[j]! += a;
      } else {
        active.push(null);
        retention.push(null);
      }
      if (revenue !== undefined) {
        base += baseDiff![k * width + j]!;
        if (e > 0) {
          const r = revenue[k * width + j]!;
          rev.push(r);
          revRet.push(base !== 0 ? r / base : null);
        } else {
          rev.push(null);
          revRet.push(null);
        }
      }
    }
    cohorts.push({
      key: keys[k]!,
      start: starts[k]!,
      size: size[k]!,
      eligible,
      active,
      retention,
      ...(revenue !== undefined ? { revenue: rev, revenueRetention: revRet } : {}),
    });
  }
  return {
    period: unit,
    asOf: new Date(asOfMs),
    definition,
    ages,
    cohorts,
    overall: {
      eligible: overallEligible,
      active: overallActive.map((a, j) => (overallEligible[j]! > 0 ? a : null)),
      retention: overallActive.map((a, j) => (overallEligible[j]! > 0 ? a / overallEligible[j]! : null)),
    },
    customers: n - excluded,
    excludedCustomers: excluded,
    rows,
    ...(wantRevenue && (options.currency ?? currency) !== undefined ? { currency: options.currency ?? currency } : {}),
  };
}
