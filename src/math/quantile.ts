import { invalidInput } from "../errors/invalid-input.js";
import { requireClosedProbability } from "./validate.js";

function checkSorted(fn: string, sorted: ArrayLike<number>): void {
  if (sorted == null || typeof sorted.length !== "number") throw invalidInput(`${fn}.sorted`, sorted, "an array or typed array of numbers");
  const n = sorted.length;
  if (n === 0) throw invalidInput(`${fn}.sorted`, sorted, "a non-empty array of numbers");
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    if (!Number.isFinite(v)) throw invalidInput(`${fn}.sorted[${i}]`, v, "a finite number");
    if (v < previous) throw invalidInput(`${fn}.sorted[${i}]`, v, `a value >= the previous one (${previous}): the input must be sorted ascending`);
    previous = v;
  }
}

function interpolate(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const low = sorted[lo]!;
  const fraction = h - lo;
  if (fraction === 0) return low;
  const high = sorted[lo + 1]!;
  const span = high - low;
  // The span of two finite doubles can overflow (e.g. -1e308 .. 1e308): weight instead.
  return Number.isFinite(span) ? low + fraction * span : (1 - fraction) * low + fraction * high;
}

/**
 * The `p`-quantile of data that is already sorted ascending, by linear
 * interpolation between order statistics — Hyndman & Fan's definition 7, the
 * default of R's `quantile()`, numpy's `quantile` (`method="linear"`) and Excel's
 * `PERCENTILE.INC`: with `h = (n − 1)·p`, the result is
 * `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])` (0-based). `p = 0` gives the minimum,
 * `p = 1` the maximum, `p = 0.5` the usual median.
 *
 * The input is checked in one pass (non-empty, finite, ascending); sort once and
 * call this for several `p`, or use {@link quantiles}.
 *
 * @param sorted - ascending finite numbers (array or typed array), at least one.
 * @param p - the probability, in [0, 1].
 * @throws CrmkitError INVALID_INPUT when `sorted` is empty, unsorted or holds a
 *   non-finite value, or `p` is outside [0, 1].
 *
 * @example
 * ```ts
 * import { quantileSorted } from "crmkit/math";
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 * quantileSorted([1, 2, 3, 4], 0.25); // 1.75 (R: quantile(1:4, 0.25))
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  requireClosedProbability("quantileSorted", "p", p);
  checkSorted("quantileSorted", sorted);
  return interpolate(sorted, p);
}

function sortedCopy(fn: string, values: ArrayLike<number>): Float64Array {
  if (values == null || typeof values.length !== "number") throw invalidInput(`${fn}.values`, values, "an array or typed array of numbers");
  const n = values.length;
  if (n === 0) throw invalidInput(`${fn}.values`, values, "a non-empty array of numbers");
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (typeof v !== "number" || !Number.isFinite(v)) throw invalidInput(`${fn}.values[${i}]`, v, "a finite number");
    copy[i] = v;
  }
  return copy.sort();
}

/**
 * The `p`-quantile of unsorted data (R/numpy type 7, see {@link quantileSorted}).
 * Copies the values into a `Float64Array` and sorts it (O(n log n)); the input is
 * not modified.
 *
 * @param values - finite numbers, at least one, in any order.
 * @param p - the probability, in [0, 1].
 * @throws CrmkitError INVALID_INPUT for an empty input, a non-finite value or `p`
 *   outside [0, 1].
 *
 * @example
 * ```ts
 * import { quantile } from "crmkit/math";
 * quantile([10, 1, 7, 3], 0.5); // 5
 * quantile([10, 1, 7, 3], 0.9); // 9.100000000000001 (7 + 0.7 · 3)
 * ```
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  requireClosedProbability("quantile", "p", p);
  return interpolate(sortedCopy("quantile", values), p);
}

/**
 * Several type-7 quantiles of unsorted data, sorting only once.
 *
 * @param values - finite numbers, at least one, in any order.
 * @param ps - probabilities in [0, 1].
 * @returns the quantiles, in the order of `ps`.
 * @throws CrmkitError INVALID_INPUT for an empty input, a non-finite value or a
 *   probability outside [0, 1].
 *
 * @example
 * ```ts
 * import { quantiles } from "crmkit/math";
 * quantiles([5, 1, 4, 2, 3], [0.2, 0.4, 0.6, 0.8]); // Float64Array [1.8, 2.6, 3.4, 4.2]
 * ```
 */
export function quantiles(values: ArrayLike<number>, ps: ArrayLike<number>): Float64Array {
  if (ps == null || typeof ps.length !== "number") throw invalidInput("quantiles.ps", ps, "an array of probabilities");
  for (let i = 0; i < ps.length; i++) requireClosedProbability("quantiles", `ps[${i}]`, ps[i]!);
  const sorted = sortedCopy("quantiles", values);
  const out = new Float64Array(ps.length);
  for (let i = 0; i < ps.length; i++) out[i] = interpolate(sorted, ps[i]!);
  return out;
}
