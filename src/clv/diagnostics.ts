import { invalidInput } from "../errors/invalid-input.js";
import { readCustomers, reconcileUnit, type CustomersInput } from "./customer-data.js";
import type { CalibrationHoldoutSummary } from "./customer-summary.js";
import { RowBuffer } from "./purchase-accumulator.js";
import { PeriodClock, type PurchasePeriod } from "./purchase-period.js";
import { forEachRow, RowReader, RowStatus, type PurchaseReadOptions, type PurchaseSource } from "./purchase-rows.js";
import { collapseRows } from "./collapse-rows.js";
import type { TimeUnit } from "./time-unit.js";
import type { TransactionModel } from "./customer-lifetime-value.js";

/**
 * Expected vs actual holdout purchases by calibration frequency — the classic
 * "conditional expectations" check of a transaction model (FHL 2005, figure 4).
 * Row k groups the customers with x = k (the last row: x >= `maxFrequency`).
 *
 * @example
 * ```ts
 * import type { CalibrationHoldoutTable } from "crmkit/clv";
 * const draw = (t: CalibrationHoldoutTable) => t.frequency.map((x, i) => [x, t.actual[i], t.expected[i]]);
 * ```
 */
export interface CalibrationHoldoutTable {
  /** Calibration frequency of each row (the last is "this or more"). */
  readonly frequency: Float64Array;
  /** Customers in each row. */
  readonly customers: Float64Array;
  /** Mean holdout purchases, observed. */
  readonly actual: Float64Array;
  /** Mean holdout purchases, predicted from the calibration history. */
  readonly expected: Float64Array;
}

function checkMax(v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 10_000) throw invalidInput("options.maxFrequency", v, "an integer in [1, 10000]");
  return v;
}

/**
 * Builds the {@link CalibrationHoldoutTable} of a model fitted on the calibration
 * part of a {@link calibrationHoldout} split.
 *
 * @example
 * ```ts
 * import { calibrationHoldout, calibrationHoldoutTable, fitBgNbd } from "crmkit/clv";
 * const split = await calibrationHoldout(
 *   [
 *     { customerId: "a", at: "2024-01-01T00:00:00Z" },
 *     { customerId: "a", at: "2024-01-20T00:00:00Z" },
 *     { customerId: "a", at: "2024-03-02T00:00:00Z" },
 *     { customerId: "b", at: "2024-01-03T00:00:00Z" },
 *   ],
 *   { calibrationEnd: new Date("2024-02-15T00:00:00Z"), observationEnd: new Date("2024-03-31T00:00:00Z"), unit: "week" },
 * );
 * const table = calibrationHoldoutTable(fitBgNbd(split), split, { maxFrequency: 3 });
 * ```
 */
export function calibrationHoldoutTable(model: TransactionModel, split: CalibrationHoldoutSummary, options: { readonly maxFrequency?: number } = {}): CalibrationHoldoutTable {
  const max = checkMax(options.maxFrequency ?? 7);
  if (typeof split !== "object" || split === null || !(split.holdoutFrequency instanceof Float64Array)) {
    throw invalidInput("split", split, "the result of calibrationHoldout()");
  }
  reconcileUnit("split", split.unit, model.unit);
  const expected = model.conditionalExpectedPurchases(split.holdoutDuration, split);
  const rows = max + 1;
  const customers = new Float64Array(rows);
  const actual = new Float64Array(rows);
  const exp = new Float64Array(rows);
  for (let i = 0; i < split.frequency.length; i++) {
    const k = Math.min(max, split.frequency[i]!);
    customers[k]!++;
    actual[k]! += split.holdoutFrequency[i]!;
    exp[k]! += expected[i]!;
  }
  for (let k = 0; k < rows; k++) {
    if (customers[k]! > 0) {
      actual[k]! /= customers[k]!;
      exp[k]! /= customers[k]!;
    }
  }
  return { frequency: Float64Array.from({ length: rows }, (_, k) => k), customers, actual, expected: exp };
}

/**
 * What {@link frequencyHistogram} needs: the model's P(X(t) = n) for a new customer.
 *
 * @example
 * ```ts
 * import { BgNbdModel, type PurchaseCountModel } from "crmkit/clv";
 * const m: PurchaseCountModel = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * ```
 */
export interface PurchaseCountModel {
  readonly unit: TimeUnit | undefined;
  probabilityOfPurchases(n: number, t: number): number;
}

/**
 * Actual vs expected number of customers with 0, 1, 2, … repeat purchases (the
 * last bucket: `maxFrequency` or more), the expectation being Σᵢ P(X(Tᵢ) = k) over
 * the customers' own ages — FHL 2005 figure 1, exact rather than simulated.
 *
 * @example
 * ```ts
 * import type { FrequencyHistogram } from "crmkit/clv";
 * const bars = (h: FrequencyHistogram) => h.frequency.map((k, i) => ({ k, actual: h.actual[i], expected: h.expected[i] }));
 * ```
 */
export interface FrequencyHistogram {
  readonly frequency: Float64Array;
  readonly actual: Float64Array;
  readonly expected: Float64Array;
}

/**
 * Computes the {@link FrequencyHistogram} of a model on a summary.
 *
 * @example
 * ```ts
 * import { BgNbdModel, frequencyHistogram } from "crmkit/clv";
 * const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * frequencyHistogram(m, { frequency: [0, 1, 3], recency: [0, 5, 20], T: [30, 30, 35] }, { maxFrequency: 3 }).expected;
 * ```
 */
export function frequencyHistogram(model: PurchaseCountModel, summary: CustomersInput, options: { readonly maxFrequency?: number } = {}): FrequencyHistogram {
  const max = checkMax(options.maxFrequency ?? 7);
  const c = readCustomers(summary, { field: "summary" });
  reconcileUnit("summary", c.unit, model.unit);
  const rows = max + 1;
  const actual = new Float64Array(rows);
  const expected = new Float64Array(rows);
  for (let i = 0; i < c.n; i++) actual[Math.min(max, c.x[i]!)]! += c.w === undefined ? 1 : c.w[i]!;
  const byT = collapseRows([c.T], c.w);
  for (let j = 0; j < byT.rows; j++) {
    const T = byT.cols[0]![j]!;
    const w = byT.w[j]!;
    let below = 0;
    for (let k = 0; k < max; k++) {
      const p = model.probabilityOfPurchases(k, T);
      expected[k]! += w * p;
      below += p;
    }
    expected[max]! += w * Math.max(0, 1 - below);
  }
  return { frequency: Float64Array.from({ length: rows }, (_, k) => k), actual, expected };
}

/**
 * Cumulative repeat transactions of a cohort over time, actual and expected — the
 * tracking plot of FHL 2005 (figure 2) and the BTYD walkthrough. Point j is at
 * `start + j` units: actual counts the repeat purchase periods before it, expected
 * is Σ over customers of E[X(t − first purchase)].
 *
 * @example
 * ```ts
 * import type { TrackingSeries } from "crmkit/clv";
 * const weekly = (s: TrackingSeries) => s.time.map((t, j) => [t, s.actual[j], s.expected[j]]);
 * ```
 */
export interface TrackingSeries {
  /** Time of each point since `start`, in the model's unit. */
  readonly time: Float64Array;
  /** Cumulative repeat purchases observed. */
  readonly actual: Float64Array;
  /** Cumulative repeat purchases expected. */
  readonly expected: Float64Array;
}

/**
 * Options of {@link cumulativeTransactions}.
 *
 * @example
 * ```ts
 * import type { CumulativeTransactionsOptions } from "crmkit/clv";
 * const o: CumulativeTransactionsOptions = { unit: "week", length: 78 };
 * ```
 */
export interface CumulativeTransactionsOptions extends PurchaseReadOptions {
  /** Unit of time (must be the model's). */
  readonly unit: TimeUnit;
  /** Number of points (time units after `start`). */
  readonly length: number;
  /** Start of the series (default: the first purchase in the data). */
  readonly start?: Date;
  /** Purchases in one period are one purchase (default `"day"`). */
  readonly period?: PurchasePeriod;
  /** IANA time zone for calendar periods (default UTC). */
  readonly timeZone?: string;
}

/**
 * Computes the {@link TrackingSeries} of a model over a purchase log (rows are
 * buffered: memory grows with purchases). The cohort is every customer whose first
 * purchase falls in the series; purchases after its end are ignored.
 *
 * @example
 * ```ts
 * import { BgNbdModel, cumulativeTransactions } from "crmkit/clv";
 * const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: "week" });
 * const series = await cumulativeTransactions(m, [{ customerId: "a", at: "2024-01-01T00:00:00Z" }, { customerId: "a", at: "2024-01-20T00:00:00Z" }], { unit: "week", length: 4 });
 * series.actual; // Float64Array [0, 0, 1, 1]
 * ```
 */
export async function cumulativeTransactions(
  model: { readonly unit: TimeUnit | undefined; expectedPurchases(t: number): number },
  transactions: PurchaseSource,
  options: CumulativeTransactionsOptions,
): Promise<TrackingSeries> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object { unit, length }");
  const clock = new PeriodClock(options.unit, options.period ?? "day", options.timeZone);
  reconcileUnit("options", options.unit, model.unit);
  const length = options.length;
  if (typeof length !== "number" || !Number.isInteger(length) || length < 1) throw invalidInput("options.length", length, "an integer number of points >= 1");
  if (options.start !== undefined && (!(options.start instanceof Date) || Number.isNaN(options.start.getTime()))) throw invalidInput("options.start", options.start, "a valid Date");
  const reader = new RowReader(options);
  const buffer = new RowBuffer();
  const slotOf = new Map<string, number>();
  let minMs = Number.POSITIVE_INFINITY;
  await forEachRow(transactions, (input, index) => {
    if (reader.read(input, index) !== RowStatus.Ok) return;
    const row = reader.row;
    let slot = slotOf.get(row.id);
    if (slot === undefined) {
      slot = slotOf.size;
      slotOf.set(row.id, slot);
    }
    buffer.push(slot, row.ms, 0);
    if (row.ms < minMs) minMs = row.ms;
  });
  const time = Float64Array.from({ length }, (_, j) => j + 1);
  const actual = new Float64Array(length);
  const expected = new Float64Array(length);
  if (slotOf.size === 0) return { time, actual, expected };
  const startP = clock.index(options.start?.getTime() ?? minMs);
  // periods per unit step: 1 for calendar periods (unit = period), else the unit's length in periods
  const step = 1 / clock.scale;
  const endP = startP + length * step; // exclusive
  const repeatsAt = new Map<number, number>();
  const firstAt = new Map<number, number>();
  let current = -1;
  let last = Number.NEGATIVE_INFINITY;
  buffer.replay(slotOf.size, (slot, ms) => {
    const p = clock.index(ms);
    if (slot !== current) {
      current = slot;
      last = Number.NEGATIVE_INFINITY;
      if (p >= startP && p < endP) firstAt.set(p, (firstAt.get(p) ?? 0) + 1);
      else last = Number.POSITIVE_INFINITY; // outside the cohort: ignore the customer
      if (last !== Number.POSITIVE_INFINITY) last = p;
      return;
    }
    if (last === Number.POSITIVE_INFINITY || p <= last) return;
    last = p;
    if (p < endP) repeatsAt.set(p, (repeatsAt.get(p) ?? 0) + 1);
  });
  const repeats = [...repeatsAt].sort((a, b) => a[0] - b[0]);
  let r = 0;
  let running = 0;
  for (let j = 0; j < length; j++) {
    const at = startP + (j + 1) * step;
    while (r < repeats.length && repeats[r]![0] < at) running += repeats[r++]![1];
    actual[j] = running;
    let e = 0;
    for (const [p, n] of firstAt) if (p < at) e += n * model.expectedPurchases(clock.duration(p, at));
    expected[j] = e;
  }
  return { time, actual, expected };
}
