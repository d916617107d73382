import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { collapseRows } from "./collapse-rows.js";
import { readCustomers, reconcileUnit, type CustomersInput, type ReadCustomersOptions } from "./customer-data.js";
import { rowWeights } from "./row-weights.js";
import type { TimeUnit } from "./time-unit.js";

/** Collapsed fitting data for the (x, t_x, T) models, with per-x tables (internal). */
export interface FitData {
  readonly rows: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly w: Float64Array;
  /** Index of each row's x in `xs`. */
  readonly xi: Int32Array;
  /** Distinct x values, ascending. */
  readonly xs: Float64Array;
  /** Total weight of the rows with each distinct x. */
  readonly wx: Float64Array;
  /** Total weight (customers). */
  readonly customers: number;
  readonly unit: TimeUnit | undefined;
  readonly maxT: number;
  /** Distinct T values and each row's index into them, when T repeats enough to be worth a table. */
  readonly Ts: Float64Array | undefined;
  readonly ti: Int32Array | undefined;
}

/** Indexes the distinct values of T when there are at most half as many as rows (internal). */
function tIndex(T: Float64Array): { Ts: Float64Array | undefined; ti: Int32Array | undefined } {
  const n = T.length;
  const pos = new Map<number, number>();
  const ti = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let k = pos.get(T[i]!);
    if (k === undefined) {
      if (pos.size * 2 >= n) return { Ts: undefined, ti: undefined };
      k = pos.size;
      pos.set(T[i]!, k);
    }
    ti[i] = k;
  }
  return { Ts: Float64Array.from(pos.keys()), ti };
}

/** Options of every fit that reads (x, t_x, T) data. */
export interface FitDataOptions {
  /** Weight per row (overrides the data's `weights`). */
  readonly weights?: ArrayLike<number>;
  /** The data's time unit, when the data does not carry it. */
  readonly unit?: TimeUnit;
}

/** Validates, weights and collapses the data of a fit (internal). */
export function prepareFitData(model: string, data: CustomersInput, options: FitDataOptions, read: ReadCustomersOptions = {}): FitData {
  const c = readCustomers(data, { field: "data", ...read });
  const w = rowWeights(c.w, options.weights, c.n);
  const unit = reconcileUnit("data", c.unit, options.unit);
  const collapsed = collapseRows([c.x, c.tx, c.T], w);
  const [x, tx, T] = collapsed.cols as [Float64Array, Float64Array, Float64Array];
  const cw = collapsed.w;
  const rows = collapsed.rows;
  let customers = 0;
  let repeaters = 0;
  let maxT = 0;
  for (let i = 0; i < rows; i++) {
    customers += cw[i]!;
    if (x[i]! > 0) repeaters += cw[i]!;
    if (T[i]! > maxT) maxT = T[i]!;
  }
  if (!(customers > 0)) throw new CrmkitError("INSUFFICIENT_DATA", `${model}: the data has no customers with a positive weight`, { details: { model } });
  if (!(repeaters > 0)) {
    throw new CrmkitError("INSUFFICIENT_DATA", `${model}: every customer has frequency 0; the purchase and dropout processes cannot be identified without repeat purchases`, {
      details: { model, customers },
    });
  }
  if (!(maxT > 0)) throw new CrmkitError("INSUFFICIENT_DATA", `${model}: every customer has T = 0 (no time observed)`, { details: { model } });
  const sorted = Array.from(new Set(x)).sort((a, b) => a - b);
  const xs = Float64Array.from(sorted);
  const pos = new Map<number, number>();
  sorted.forEach((v, i) => pos.set(v, i));
  const xi = new Int32Array(rows);
  const wx = new Float64Array(xs.length);
  for (let i = 0; i < rows; i++) {
    const k = pos.get(x[i]!)!;
    xi[i] = k;
    wx[k]! += cw[i]!;
  }
  return { rows, x, tx, T, w: cw, xi, xs, wx, customers, unit, maxT, ...tIndex(T) };
}

/** Checks a prediction horizon t >= 0 (internal). */
export function checkHorizon(field: string, t: unknown): number {
  if (typeof t !== "number" || !Number.isFinite(t) || t < 0) throw invalidInput(field, t, "a finite number of time units >= 0");
  return t;
}

/** Checks a purchase count n (integer >= 0) (internal). */
export function checkCount(field: string, n: unknown): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) throw invalidInput(field, n, "an integer >= 0");
  return n;
}

/** expm1(e·L)/e, continuous at e = 0 (= L) (internal). */
export function expm1Ratio(e: number, L: number): number {
  return e === 0 ? L : Math.expm1(e * L) / e;
}

/** log(e^a + e^b) (internal, inlined form of the math module's logAddExp). */
export function lae(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** FitData without the identifiability checks, for evaluating a likelihood (internal). */
export function prepareFitDataLoose(x: Float64Array, tx: Float64Array, T: Float64Array, w: Float64Array | undefined): FitData {
  const n = x.length;
  const ww = w ?? new Float64Array(n).fill(1);
  const sorted = Array.from(new Set(x)).sort((p, q) => p - q);
  const pos = new Map<number, number>();
  sorted.forEach((v, i) => pos.set(v, i));
  const xi = new Int32Array(n);
  const wx = new Float64Array(sorted.length);
  let customers = 0;
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    xi[i] = pos.get(x[i]!)!;
    wx[xi[i]!]! += ww[i]!;
    customers += ww[i]!;
    maxT = Math.max(maxT, T[i]!);
  }
  return { rows: n, x, tx, T, w: ww, xi, xs: Float64Array.from(sorted), wx, customers, unit: undefined, maxT, ...tIndex(T) };
}
