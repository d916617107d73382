import { normalSf } from "../math/normal.js";
import { invalidInput } from "../errors/invalid-input.js";
import { checkNpsCounts, type NpsCounts } from "./counts.js";
import { criticalZ, npsIntervalCentre } from "./nps-interval.js";
import { buildNpsResult, parseNpsOptions, type NpsOptions, type NpsResult } from "./score.js";
import type { SurveyInterval, SurveyWarning } from "./survey-result.js";
import { optionsObject } from "./validate.js";

/**
 * Options of {@link compareNps}: the interval method and level (as for
 * {@link npsScore}) and the names used in the verdict.
 *
 * @example
 * ```ts
 * import type { CompareNpsOptions } from "crmkit/nps";
 * const options: CompareNpsOptions = { labels: ["Q2", "Q1"], level: 0.9 };
 * ```
 */
export interface CompareNpsOptions extends NpsOptions {
  /** Names of the two groups in the verdict; default `["A", "B"]`. */
  readonly labels?: readonly [string, string];
}

/**
 * Which way a difference goes, if it is statistically significant:
 * `"higher"` (a's NPS is higher than b's), `"lower"`, or `"no-difference"` (the
 * confidence interval of the difference includes 0).
 *
 * @example
 * ```ts
 * import type { NpsDifferenceDirection } from "crmkit/nps";
 * const d: NpsDifferenceDirection = "no-difference";
 * ```
 */
export type NpsDifferenceDirection = "higher" | "lower" | "no-difference";

/**
 * The comparison of two independent NPS samples (a − b).
 *
 * @example
 * ```ts
 * import { compareNps, type NpsComparison } from "crmkit/nps";
 * const c: NpsComparison = compareNps({ promoters: 60, passives: 25, detractors: 15 }, { promoters: 45, passives: 30, detractors: 25 });
 * c.verdict;
 * ```
 */
export interface NpsComparison {
  /** a's NPS minus b's NPS, in points (−200…200). */
  readonly difference: number;
  /** Standard error of the difference: √(Var_a + Var_b) under the chosen method. */
  readonly standardError: number;
  /** The z statistic: `ci.estimate / standardError`. */
  readonly z: number;
  /** Two-sided p-value of "no difference". */
  readonly pValue: number;
  /** Confidence interval of the difference, clipped to [−200, 200]. */
  readonly ci: SurveyInterval;
  /** True when the interval excludes 0 (equivalently p < 1 − level). */
  readonly significant: boolean;
  /** Which way the significant difference goes, or `"no-difference"`. */
  readonly direction: NpsDifferenceDirection;
  /** One sentence for people: the two scores, the difference, its interval and what it means. */
  readonly verdict: string;
  /** The first group's score. */
  readonly a: NpsResult;
  /** The second group's score. */
  readonly b: NpsResult;
  /** The warnings of either group, prefixed with its label. */
  readonly warnings: readonly SurveyWarning[];
}

const signed = (x: number): string => `${x > 0 ? "+" : ""}${x.toFixed(1)}`;
const formatP = (p: number): string => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`);

/**
 * Compares the NPS of two independent groups (two periods, two segments, two
 * products): the signed difference a − b, its standard error
 * √(Var_a + Var_b), the z statistic, the two-sided p-value, the confidence
 * interval of the difference and a plain-language verdict at the chosen level.
 *
 * With the default `method: "adjusted-wald"` each group gets Rocks's 3
 * pseudo-respondents before the variances are taken, so the test and interval
 * stay sensible for small groups; z and the interval are built from the same
 * centre and standard error, so `significant` ⇔ the interval excludes 0 ⇔
 * p < 1 − level. `difference` is always the difference of the raw scores.
 *
 * `a` and `b` may be {@link NpsResult}s or plain {@link NpsCounts}. The groups must
 * be independent samples (different respondents); for the same respondents
 * before/after, this test is not valid.
 *
 * @example
 * ```ts
 * import { compareNps, npsScore } from "crmkit/nps";
 * const thisQuarter = { promoters: 120, passives: 50, detractors: 30 };
 * const lastQuarter = { promoters: 90, passives: 60, detractors: 50 };
 * const c = compareNps(thisQuarter, lastQuarter, { labels: ["Q2", "Q1"] });
 * c.difference; // 25 (NPS 45 vs 20)
 * c.significant; // true
 * c.verdict; // "Q2's NPS (+45.0, n = 200) is higher than Q1's (+20.0, n = 200) by 25.0 points …"
 * ```
 */
export function compareNps(a: NpsCounts, b: NpsCounts, options?: CompareNpsOptions): NpsComparison {
  checkNpsCounts(a, "a");
  checkNpsCounts(b, "b");
  const opts = optionsObject(options, "options");
  const settings = parseNpsOptions(opts, "options");
  const labels = opts.labels ?? ["A", "B"];
  if (!Array.isArray(labels) || labels.length !== 2 || labels.some((l) => typeof l !== "string" || l.length === 0)) {
    throw invalidInput("options.labels", labels, "two non-empty strings, e.g. [\"Q2\", \"Q1\"]");
  }
  const [labelA, labelB] = labels as readonly [string, string];
  const ra = buildNpsResult(a.promoters, a.passives, a.detractors, settings);
  const rb = buildNpsResult(b.promoters, b.passives, b.detractors, settings);
  const ca = npsIntervalCentre(ra.promoters, ra.detractors, ra.n, settings.method);
  const cb = npsIntervalCentre(rb.promoters, rb.detractors, rb.n, settings.method);
  const estimate = ca.estimate - cb.estimate;
  const standardError = Math.sqrt(ca.standardError * ca.standardError + cb.standardError * cb.standardError);
  let z: number;
  let pValue: number;
  if (standardError > 0) {
    z = estimate / standardError;
    pValue = Math.min(1, 2 * normalSf(Math.abs(z)));
  } else {
    z = estimate === 0 ? 0 : Math.sign(estimate) * Infinity;
    pValue = estimate === 0 ? 1 : 0;
  }
  const half = criticalZ(settings.level) * standardError;
  const rawLow = estimate - half;
  const rawHigh = estimate + half;
  const ci: SurveyInterval = {
    low: Math.max(-200, rawLow),
    high: Math.min(200, rawHigh),
    level: settings.level,
    method: settings.method,
    estimate,
    standardError,
  };
  const direction: NpsDifferenceDirection = rawLow > 0 ? "higher" : rawHigh < 0 ? "lower" : "no-difference";
  const significant = direction !== "no-difference";
  const difference = ra.nps - rb.nps;
  const pct = `${Number((settings.level * 100).toFixed(4))}%`;
  const scores = `${labelA}'s NPS (${signed(ra.nps)}, n = ${ra.n})`;
  const other = `${labelB}'s (${signed(rb.nps)}, n = ${rb.n})`;
  const interval = `${pct} CI of the difference ${signed(ci.low)} to ${signed(ci.high)}`;
  const verdict = significant
    ? `${scores} is ${direction} than ${other} by ${Math.abs(difference).toFixed(1)} points (${interval}, ${formatP(pValue)}): a statistically significant difference at the ${pct} level.`
    : `${scores} and ${other} differ by ${Math.abs(difference).toFixed(1)} points, which is not statistically significant at the ${pct} level (${formatP(pValue)}): the ${interval} includes no difference.`;
  const warnings: SurveyWarning[] = [
    ...ra.warnings.map((w) => ({ code: w.code, message: `${labelA}: ${w.message}` })),
    ...rb.warnings.map((w) => ({ code: w.code, message: `${labelB}: ${w.message}` })),
  ];
  return { difference, standardError, z, pValue, ci, significant, direction, verdict, a: ra, b: rb, warnings };
}
