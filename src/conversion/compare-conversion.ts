import { invalidInput } from "../errors/invalid-input.js";
import { fisherExactTest } from "../math/fisher-exact.js";
import { normalQuantile } from "../math/normal.js";
import { twoProportionZTest } from "../math/two-proportion-test.js";
import { checkLevel, checkOptions, insufficient } from "./validate.js";

/**
 * A group's conversion counts: `conversions` out of `total`.
 *
 * @example
 * ```ts
 * import type { ConversionCounts } from "crmkit/conversion";
 * const referral: ConversionCounts = { conversions: 42, total: 120 };
 * ```
 */
export interface ConversionCounts {
  readonly conversions: number;
  readonly total: number;
}

/**
 * Options of {@link compareConversion}.
 *
 * @example
 * ```ts
 * import type { CompareConversionOptions } from "crmkit/conversion";
 * const o: CompareConversionOptions = { level: 0.9 };
 * ```
 */
export interface CompareConversionOptions {
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
  /** Use Fisher's exact test when the smallest expected cell count is below this (default 5, Cochran's rule). */
  readonly exactBelow?: number;
}

/**
 * A two-group conversion comparison: a − b.
 *
 * @example
 * ```ts
 * import type { ConversionComparison } from "crmkit/conversion";
 * const verdict = (c: ConversionComparison) => (c.pValue < 0.05 ? "different" : "no evidence of a difference");
 * ```
 */
export interface ConversionComparison {
  readonly a: ConversionCounts & { readonly rate: number };
  readonly b: ConversionCounts & { readonly rate: number };
  /** rate(a) − rate(b). */
  readonly difference: number;
  /** Wald interval of the difference (unpooled standard error). */
  readonly differenceInterval: { readonly low: number; readonly high: number; readonly level: number };
  /**
   * rate(a) / rate(b) − 1 ("a converts 30% better" is 0.3), with the Katz
   * log-ratio interval; `null` when either group has no conversions.
   */
  readonly relativeLift: { readonly estimate: number; readonly low: number; readonly high: number; readonly level: number } | null;
  /** Which test `pValue` comes from: the pooled z test, or Fisher's exact test when expected counts are small. */
  readonly test: "z" | "fisher-exact";
  /** Two-sided p-value of the test used. */
  readonly pValue: number;
  /** The pooled two-proportion z test (as statsmodels' `proportions_ztest`, R's `prop.test(correct = FALSE)`). */
  readonly zTest: { readonly z: number; readonly pValue: number; readonly standardError: number };
  /** Fisher's exact test (two-sided, as R's `fisher.test`); computed when `test` is `"fisher-exact"`, else `null`. */
  readonly fisherExact: { readonly pValue: number; readonly oddsRatio: number } | null;
  /** The smallest expected cell count of the 2×2 table under equal rates. */
  readonly minExpected: number;
}

function checkCounts(c: ConversionCounts, field: string): void {
  if (c === null || typeof c !== "object") throw invalidInput(field, c, "{ conversions, total }");
  if (!Number.isInteger(c.total) || c.total < 0) throw invalidInput(`${field}.total`, c.total, "a whole number >= 0");
  if (!Number.isInteger(c.conversions) || c.conversions < 0 || c.conversions > c.total) {
    throw invalidInput(`${field}.conversions`, c.conversions, `a whole number in [0, total = ${c.total}]`);
  }
  if (c.total === 0) throw insufficient(`compareConversion: ${field} has no records (total 0): its rate is undefined`, { field });
}

/**
 * Compares the conversion of two groups (a source vs the rest, a campaign vs a
 * control…): the difference with its interval, the relative lift, and a
 * two-sided test — the pooled two-proportion z test, or Fisher's exact test
 * when an expected cell count is below 5.
 *
 * @example
 * ```ts
 * import { compareConversion } from "crmkit/conversion";
 * const c = compareConversion({ conversions: 5, total: 83 }, { conversions: 12, total: 99 });
 * c.zTest.z; // ≈ -1.4078 (statsmodels proportions_ztest)
 * c.pValue; // ≈ 0.1592
 * ```
 */
export function compareConversion(a: ConversionCounts, b: ConversionCounts, options?: CompareConversionOptions): ConversionComparison {
  checkCounts(a, "a");
  checkCounts(b, "b");
  const o = checkOptions(options);
  const level = o.level === undefined ? 0.95 : checkLevel(o.level, "options.level");
  const exactBelow = o.exactBelow ?? 5;
  if (typeof exactBelow !== "number" || !(exactBelow >= 0)) throw invalidInput("options.exactBelow", exactBelow, "a number >= 0");
  const x1 = a.conversions;
  const n1 = a.total;
  const x2 = b.conversions;
  const n2 = b.total;
  const r1 = x1 / n1;
  const r2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const minExpected = Math.min(n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled));
  const q = normalQuantile(1 - (1 - level) / 2);
  let zTest: ConversionComparison["zTest"];
  let differenceInterval: ConversionComparison["differenceInterval"];
  if (pooled === 0 || pooled === 1) {
    // Every record converted, or none did: no variation, no evidence of a difference.
    zTest = { z: 0, pValue: 1, standardError: 0 };
    differenceInterval = { low: 0, high: 0, level };
  } else {
    const t = twoProportionZTest(x1, n1, x2, n2, { pooled: true, level });
    zTest = { z: t.z, pValue: t.pValue, standardError: t.standardError };
    const se = Math.sqrt((r1 * (1 - r1)) / n1 + (r2 * (1 - r2)) / n2);
    differenceInterval = { low: r1 - r2 - q * se, high: r1 - r2 + q * se, level };
  }
  let relativeLift: ConversionComparison["relativeLift"] = null;
  if (x1 > 0 && x2 > 0) {
    const logRatio = Math.log(r1 / r2);
    const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
    relativeLift = { estimate: r1 / r2 - 1, low: Math.exp(logRatio - q * se) - 1, high: Math.exp(logRatio + q * se) - 1, level };
  }
  const exact = minExpected < exactBelow;
  const fisherExact = exact ? fisherExactTest([[x1, n1 - x1], [x2, n2 - x2]]) : null;
  return {
    a: { conversions: x1, total: n1, rate: r1 },
    b: { conversions: x2, total: n2, rate: r2 },
    difference: r1 - r2,
    differenceInterval,
    relativeLift,
    test: exact ? "fisher-exact" : "z",
    pValue: fisherExact === null ? zTest.pValue : fisherExact.pValue,
    zTest,
    fisherExact: fisherExact === null ? null : { pValue: fisherExact.pValue, oddsRatio: fisherExact.oddsRatio },
    minExpected,
  };
}
