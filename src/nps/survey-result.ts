/**
 * How a confidence interval was computed.
 *
 * - `"adjusted-wald"` — NPS: Wald interval after adding ¾ pseudo-promoter, 1½
 *   pseudo-passives and ¾ pseudo-detractor (n + 3; Rocks 2016).
 * - `"wald"` — the plain normal approximation around the estimate.
 * - `"wilson"`, `"agresti-coull"`, `"clopper-pearson"` — CSAT share intervals.
 * - `"t"` — CES: Student-t interval of a mean.
 *
 * @example
 * ```ts
 * import type { SurveyIntervalMethod } from "crmkit/nps";
 * const method: SurveyIntervalMethod = "adjusted-wald";
 * ```
 */
export type SurveyIntervalMethod = "adjusted-wald" | "wald" | "wilson" | "agresti-coull" | "clopper-pearson" | "t";

/**
 * A confidence interval on the metric's own scale (NPS −100…100, CSAT 0…100 %,
 * CES the answer scale), clipped to the metric's valid range.
 *
 * `estimate` and `standardError` are what the interval was built from. For the
 * Wald-type intervals (Wald, adjusted Wald, t) `low`/`high` = `estimate ∓ critical
 * value · standardError` before clipping; for the adjusted Wald interval they are
 * the *adjusted* NPS and its standard error, which differ slightly from the
 * reported score. For the score-based proportion intervals (Wilson,
 * Agresti–Coull, Clopper–Pearson) they are the observed share and its plug-in
 * standard error, for reference.
 *
 * @example
 * ```ts
 * import type { SurveyInterval } from "crmkit/nps";
 * const ci: SurveyInterval = { low: 12.1, high: 30.4, level: 0.95, method: "adjusted-wald", estimate: 21.2, standardError: 4.7 };
 * ```
 */
export interface SurveyInterval {
  /** Lower bound. */
  readonly low: number;
  /** Upper bound. */
  readonly high: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
  /** How the interval was computed. */
  readonly method: SurveyIntervalMethod;
  /** The centre the interval was built around (the adjusted estimate for adjusted Wald). */
  readonly estimate: number;
  /** The standard error used for the interval (same scale as the metric). */
  readonly standardError: number;
}

/**
 * Why a result should not be read as precise.
 *
 * - `SMALL_SAMPLE` — fewer responses than `minSampleSize` (default 30).
 * - `WIDE_INTERVAL` — the confidence interval is wider than `maxIntervalWidth`.
 * - `DEGENERATE_INTERVAL` — the interval has zero width because every answer is in
 *   one category (or all answers are equal), so a Wald-type interval says nothing
 *   about the uncertainty.
 *
 * @example
 * ```ts
 * import type { SurveyWarningCode } from "crmkit/nps";
 * const code: SurveyWarningCode = "SMALL_SAMPLE";
 * ```
 */
export type SurveyWarningCode = "SMALL_SAMPLE" | "WIDE_INTERVAL" | "DEGENERATE_INTERVAL";

/**
 * A warning attached to a survey metric: a stable code and a sentence for people.
 *
 * @example
 * ```ts
 * import type { SurveyWarning } from "crmkit/nps";
 * const w: SurveyWarning = { code: "SMALL_SAMPLE", message: "only 12 responses (fewer than 30): the score is imprecise" };
 * ```
 */
export interface SurveyWarning {
  /** Stable code to branch on. */
  readonly code: SurveyWarningCode;
  /** What is wrong, in words. */
  readonly message: string;
}

/**
 * Which survey metric a result is.
 *
 * @example
 * ```ts
 * import type { SurveyMetric } from "crmkit/nps";
 * const metric: SurveyMetric = "csat";
 * ```
 */
export type SurveyMetric = "nps" | "csat" | "ces";

/**
 * The shape every survey metric shares (NPS, CSAT, CES): the headline `value`, the
 * number of responses, the standard error and confidence interval of the value,
 * and `warnings` that say when the number is too uncertain to act on.
 *
 * @example
 * ```ts
 * import { npsScore, csatScore, type SurveyMetricResult } from "crmkit/nps";
 * const show = (r: SurveyMetricResult) => `${r.metric} ${r.value.toFixed(1)} [${r.ci.low.toFixed(1)}, ${r.ci.high.toFixed(1)}]`;
 * show(npsScore([10, 9, 7, 3]));
 * show(csatScore([5, 4, 2]));
 * ```
 */
export interface SurveyMetricResult {
  /** Which metric. */
  readonly metric: SurveyMetric;
  /** The headline number (NPS −100…100, CSAT 0…100 %, CES mean on the answer scale). */
  readonly value: number;
  /** Number of responses used. */
  readonly n: number;
  /** Estimated standard error of `value` (same scale). */
  readonly standardError: number;
  /** Confidence interval of `value`. */
  readonly ci: SurveyInterval;
  /** Reasons not to trust the number too much; empty when none apply. */
  readonly warnings: readonly SurveyWarning[];
}

/**
 * Options every survey metric accepts: the confidence level and the thresholds of
 * the small-sample and wide-interval warnings.
 *
 * @example
 * ```ts
 * import type { SurveyPrecisionOptions } from "crmkit/nps";
 * const strict: SurveyPrecisionOptions = { level: 0.9, minSampleSize: 100, maxIntervalWidth: 10 };
 * ```
 */
export interface SurveyPrecisionOptions {
  /** Confidence level in (0, 1); default 0.95. */
  readonly level?: number;
  /** Fewer responses than this raise a `SMALL_SAMPLE` warning; default 30. */
  readonly minSampleSize?: number;
  /**
   * A confidence interval wider than this (on the metric's scale) raises a
   * `WIDE_INTERVAL` warning; default 20 points for NPS and CSAT, 20 % of the
   * answer scale's span for CES.
   */
  readonly maxIntervalWidth?: number;
}
