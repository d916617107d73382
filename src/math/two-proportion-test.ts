import { invalidInput } from "../errors/invalid-input.js";
import { normalCdf, normalQuantile } from "./normal.js";
import { requireCount } from "./validate.js";

/**
 * Options of {@link twoProportionZTest}.
 *
 * @example
 * ```ts
 * import type { TwoProportionZTestOptions } from "crmkit/math";
 * const options: TwoProportionZTestOptions = { pooled: false, level: 0.9, alternative: "greater" };
 * ```
 */
export interface TwoProportionZTestOptions {
  /** Use the pooled proportion in the standard error of the test (default true). */
  readonly pooled?: boolean;
  /** Confidence level of the interval for the difference (default 0.95). */
  readonly level?: number;
  /** Alternative hypothesis for p1 − p2: `"two-sided"` (default), `"greater"` or `"less"`. */
  readonly alternative?: "two-sided" | "greater" | "less";
}

/**
 * The result of {@link twoProportionZTest}.
 *
 * @example
 * ```ts
 * import { twoProportionZTest, type TwoProportionZTestResult } from "crmkit/math";
 * const result: TwoProportionZTestResult = twoProportionZTest(5, 83, 12, 99);
 * ```
 */
export interface TwoProportionZTestResult {
  /** p1 − p2. */
  readonly difference: number;
  /** The standard error used by the test statistic (pooled by default). */
  readonly standardError: number;
  /** The z statistic, difference / standardError. */
  readonly z: number;
  /** The p-value for the chosen alternative. */
  readonly pValue: number;
  /** Wald interval for p1 − p2 with the unpooled standard error, clipped to [−1, 1]. */
  readonly ci: { readonly low: number; readonly high: number; readonly level: number };
}

/**
 * The two-sample z test for the difference of two proportions, x1/n1 − x2/n2 (is
 * the conversion rate of referral leads higher than that of other leads?).
 *
 * The statistic is `z = (p̂1 − p̂2)/SE` with, by default, the pooled
 * `SE = √(p̄(1−p̄)(1/n1 + 1/n2))`, `p̄ = (x1 + x2)/(n1 + n2)` — the score test,
 * equivalent to the chi-square test of the 2×2 table without continuity correction
 * (R's `prop.test(correct = FALSE)`: z² = X-squared) and to statsmodels'
 * `proportions_ztest` (which pools by default too). With `pooled: false` the SE is
 * `√(p̂1(1−p̂1)/n1 + p̂2(1−p̂2)/n2)`. The confidence interval always uses the unpooled
 * SE, as a Wald interval for p1 − p2 (for small samples prefer a Newcombe or
 * exact method; see {@link fisherExactTest}).
 *
 * Degenerate data: when the SE is 0 (both groups all successes or all failures
 * with pooling; or both proportions 0 or 1 without) and the difference is 0, the
 * result is `z = 0, pValue = 1`; an unpooled SE of 0 with a non-zero difference
 * gives `z = ±Infinity` and `pValue = 0` (for that alternative).
 *
 * @throws CrmkitError INVALID_INPUT when a count is not an integer with
 *   0 ≤ x ≤ n, n ≥ 1, or the level/alternative is invalid.
 *
 * @example
 * ```ts
 * import { twoProportionZTest } from "crmkit/math";
 * twoProportionZTest(5, 83, 12, 99).pValue; // 0.1592 (statsmodels proportions_ztest([5, 12], [83, 99]))
 * ```
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number, options: TwoProportionZTestOptions = {}): TwoProportionZTestResult {
  requireCount("twoProportionZTest", "x1", x1);
  requireCount("twoProportionZTest", "n1", n1);
  requireCount("twoProportionZTest", "x2", x2);
  requireCount("twoProportionZTest", "n2", n2);
  if (n1 === 0) throw invalidInput("twoProportionZTest.n1", n1, "at least one trial");
  if (n2 === 0) throw invalidInput("twoProportionZTest.n2", n2, "at least one trial");
  if (x1 > n1) throw invalidInput("twoProportionZTest.x1", x1, `an integer <= n1 (${n1})`);
  if (x2 > n2) throw invalidInput("twoProportionZTest.x2", x2, `an integer <= n2 (${n2})`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw invalidInput("twoProportionZTest.options.level", level, "a confidence level strictly between 0 and 1");
  const alternative = options.alternative ?? "two-sided";
  if (alternative !== "two-sided" && alternative !== "greater" && alternative !== "less") {
    throw invalidInput("twoProportionZTest.options.alternative", alternative, '"two-sided", "greater" or "less"');
  }
  const pooled = options.pooled ?? true;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  const unpooledSe = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  let standardError = unpooledSe;
  if (pooled) {
    const pBar = (x1 + x2) / (n1 + n2);
    standardError = Math.sqrt(pBar * (1 - pBar) * (1 / n1 + 1 / n2));
  }
  const z = standardError === 0 ? (difference === 0 ? 0 : difference > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY) : difference / standardError;
  let pValue: number;
  if (z === 0 && standardError === 0) pValue = 1;
  else if (alternative === "greater") pValue = normalCdf(-z);
  else if (alternative === "less") pValue = normalCdf(z);
  else pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  const zCrit = -normalQuantile((1 - level) / 2);
  const half = zCrit * unpooledSe;
  return {
    difference,
    standardError,
    z,
    pValue,
    ci: { low: Math.max(-1, difference - half), high: Math.min(1, difference + half), level },
  };
}
