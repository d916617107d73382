import { invalidInput } from "../errors/invalid-input.js";
import { lgamma } from "./gamma.js";
import { logSumExp } from "./log-sum-exp.js";
import { requireCount } from "./validate.js";

/**
 * Options of {@link fisherExactTest}.
 *
 * @example
 * ```ts
 * import type { FisherExactOptions } from "crmkit/math";
 * const options: FisherExactOptions = { alternative: "greater", level: 0.9 };
 * ```
 */
export interface FisherExactOptions {
  /**
   * The alternative for the odds ratio ψ of the table: `"two-sided"` (default, ψ ≠ 1),
   * `"greater"` (ψ > 1: the first row has the higher rate of the first column) or `"less"`.
   */
  readonly alternative?: "two-sided" | "greater" | "less";
  /** Confidence level of the interval for the odds ratio (default 0.95). */
  readonly level?: number;
}

/**
 * The result of {@link fisherExactTest}.
 *
 * @example
 * ```ts
 * import { fisherExactTest, type FisherExactResult } from "crmkit/math";
 * const result: FisherExactResult = fisherExactTest([[3, 1], [1, 3]]);
 * ```
 */
export interface FisherExactResult {
  /** The exact p-value for the chosen alternative. */
  readonly pValue: number;
  /**
   * The conditional maximum-likelihood estimate of the odds ratio (what R's
   * `fisher.test` reports): 0 or Infinity when the observed count is at an end of
   * its range, NaN when a margin is 0 (the table carries no information).
   */
  readonly oddsRatio: number;
  /** The sample odds ratio a·d/(b·c) (what scipy's `fisher_exact` reports). */
  readonly sampleOddsRatio: number;
  /** Confidence interval for the odds ratio, by inverting the exact test (as R). */
  readonly ci: { readonly low: number; readonly high: number; readonly level: number };
}

function logChoose(n: number, k: number): number {
  return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}

/** The conditional distribution of the top-left count given the margins, over [lo, hi]. */
interface Support {
  readonly lo: number;
  readonly hi: number;
  /** log dhyper(k) for k = lo..hi (normalised). */
  readonly logDensity: Float64Array;
}

function support(a: number, b: number, c: number, d: number): Support {
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const lo = Math.max(0, col1 - row2);
  const hi = Math.min(row1, col1);
  const logDensity = new Float64Array(hi - lo + 1);
  for (let k = lo; k <= hi; k++) logDensity[k - lo] = logChoose(row1, k) + logChoose(row2, col1 - k);
  const norm = logSumExp(logDensity);
  for (let i = 0; i < logDensity.length; i++) logDensity[i] = logDensity[i]! - norm;
  return { lo, hi, logDensity };
}

/** Under odds ratio e^t: the probabilities P(X <= x) and P(X >= x) and the mean. */
function noncentral(s: Support, t: number, x: number): { lower: number; upper: number; mean: number } {
  const n = s.logDensity.length;
  const w = new Float64Array(n);
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = s.logDensity[i]! + t * (s.lo + i);
    w[i] = v;
    if (v > max) max = v;
  }
  let total = 0;
  let lower = 0;
  let upper = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(w[i]! - max);
    const k = s.lo + i;
    total += e;
    mean += k * e;
    if (k <= x) lower += e;
    if (k >= x) upper += e;
  }
  return { lower: lower / total, upper: upper / total, mean: mean / total };
}

/** Root in t of an increasing function f over the reals (bisection after bracketing). */
function solveOnReals(f: (t: number) => number): number {
  let lo = -1;
  let hi = 1;
  while (f(lo) > 0 && lo > -1400) lo *= 2;
  while (f(hi) < 0 && hi < 1400) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Fisher's exact test of independence for a 2×2 table `[[a, b], [c, d]]` (rows:
 * groups, e.g. referral / other leads; columns: outcome, e.g. won / lost), with the
 * conditional maximum-likelihood odds ratio and its exact confidence interval.
 *
 * Conditioning on the margins, the top-left count X is hypergeometric (under
 * independence) or Fisher's noncentral hypergeometric with odds ratio ψ. The
 * p-values are those of R's `fisher.test`: `"less"` = P(X ≤ a), `"greater"` =
 * P(X ≥ a), and `"two-sided"` = the sum of the probabilities of all tables no more
 * likely than the observed one, `P(X = k) ≤ P(X = a)·(1 + 1e-7)` (the relative
 * tolerance absorbs rounding). Probabilities are computed in log space from
 * {@link lgamma} and normalised, so tables with counts in the millions work
 * (the cost is linear in the range of X).
 *
 * The odds ratio is the conditional MLE (the ψ whose noncentral mean equals a), as
 * in R; the interval inverts the one-sided exact tests at α/2 each (two-sided) or
 * at α (one-sided), as R. Both are found by bisection in log ψ to full precision
 * (R's `uniroot` stops earlier, so R prints e.g. 6.408309 where the exact root is
 * 6.408320).
 *
 * @param table - `[[a, b], [c, d]]`, non-negative integer counts.
 * @throws CrmkitError INVALID_INPUT when the table is not 2×2 of non-negative
 *   integers, or the alternative or level is invalid.
 *
 * @example
 * ```ts
 * import { fisherExactTest } from "crmkit/math";
 * // R's "lady tasting tea" example: 3 of 4 cups guessed right in each row
 * fisherExactTest([[3, 1], [1, 3]]).pValue; // 0.4857142857142857 (R: 0.4857)
 * fisherExactTest([[3, 1], [1, 3]], { alternative: "greater" }).pValue; // 0.24285714285714285
 * ```
 */
export function fisherExactTest(table: readonly (readonly number[])[], options: FisherExactOptions = {}): FisherExactResult {
  if (!Array.isArray(table) || table.length !== 2 || !table.every((row) => Array.isArray(row) && row.length === 2)) {
    throw invalidInput("fisherExactTest.table", table, "a 2x2 table [[a, b], [c, d]]");
  }
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  requireCount("fisherExactTest", "table[0][0]", a);
  requireCount("fisherExactTest", "table[0][1]", b);
  requireCount("fisherExactTest", "table[1][0]", c);
  requireCount("fisherExactTest", "table[1][1]", d);
  const alternative = options.alternative ?? "two-sided";
  if (alternative !== "two-sided" && alternative !== "greater" && alternative !== "less") {
    throw invalidInput("fisherExactTest.options.alternative", alternative, '"two-sided", "greater" or "less"');
  }
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw invalidInput("fisherExactTest.options.level", level, "a confidence level strictly between 0 and 1");

  const s = support(a, b, c, d);
  const observed = s.logDensity[a - s.lo]!;
  let pValue: number;
  if (alternative === "less" || alternative === "greater") {
    let sum = 0;
    for (let k = s.lo; k <= s.hi; k++) if (alternative === "less" ? k <= a : k >= a) sum += Math.exp(s.logDensity[k - s.lo]!);
    pValue = sum;
  } else {
    const threshold = observed + Math.log1p(1e-7);
    let sum = 0;
    for (let i = 0; i < s.logDensity.length; i++) if (s.logDensity[i]! <= threshold) sum += Math.exp(s.logDensity[i]!);
    pValue = sum;
  }
  pValue = Math.min(1, pValue);

  const sampleOddsRatio = (a * d) / (b * c);
  let oddsRatio: number;
  if (s.lo === s.hi) oddsRatio = Number.NaN;
  else if (a === s.lo) oddsRatio = 0;
  else if (a === s.hi) oddsRatio = Number.POSITIVE_INFINITY;
  else oddsRatio = Math.exp(solveOnReals((t) => noncentral(s, t, a).mean - a));

  const alpha = alternative === "two-sided" ? (1 - level) / 2 : 1 - level;
  let low = 0;
  let high = Number.POSITIVE_INFINITY;
  if (s.lo !== s.hi) {
    // lower bound: P_ψ(X >= a) = α (increasing in ψ); upper: P_ψ(X <= a) = α (decreasing)
    if (alternative !== "less" && a > s.lo) low = Math.exp(solveOnReals((t) => noncentral(s, t, a).upper - alpha));
    if (alternative !== "greater" && a < s.hi) high = Math.exp(solveOnReals((t) => alpha - noncentral(s, t, a).lower));
  }
  return { pValue, oddsRatio, sampleOddsRatio, ci: { low, high, level } };
}
