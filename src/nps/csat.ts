import { invalidInput } from "../errors/invalid-input.js";
import { proportionInterval } from "../math/proportion-interval.js";
import type { SurveyResponse } from "../model/survey-response.js";
import { noResponses, parseSelection, ResponseWalker, walkSurvey, type ResponseSelection, type ScoreSink, type SurveyAsyncInput, type SurveyInput } from "./survey-input.js";
import type { SurveyInterval, SurveyMetricResult, SurveyPrecisionOptions } from "./survey-result.js";
import { checkAnswer, checkScale, type SurveyScale } from "./survey-scale.js";
import { checkLevel, checkThresholds, optionsObject, precisionWarnings } from "./validate.js";

/**
 * Interval methods for the CSAT share (a binomial proportion).
 *
 * @example
 * ```ts
 * import type { CsatIntervalMethod } from "crmkit/nps";
 * const exact: CsatIntervalMethod = "clopper-pearson";
 * ```
 */
export type CsatIntervalMethod = "wilson" | "wald" | "agresti-coull" | "clopper-pearson";

/**
 * Options of {@link csatScore}.
 *
 * @example
 * ```ts
 * import type { CsatOptions } from "crmkit/nps";
 * const topBox: CsatOptions = { threshold: 5 }; // only "very satisfied" counts
 * const sevenPoint: CsatOptions = { scale: { min: 1, max: 7 }, threshold: 6 };
 * ```
 */
export interface CsatOptions extends SurveyPrecisionOptions, ResponseSelection {
  /** Answer scale; default 1–5. Records must be on this scale. */
  readonly scale?: SurveyScale;
  /** Lowest answer that counts as satisfied; default `scale.max − 1` (4 on 1–5: the "top-two box"). */
  readonly threshold?: number;
  /** Interval method for the share; default `"wilson"`. */
  readonly method?: CsatIntervalMethod;
}

/**
 * A CSAT score: the percentage of satisfied answers (at or above the threshold),
 * with the shared {@link SurveyMetricResult} shape.
 *
 * @example
 * ```ts
 * import { csatScore, type CsatResult } from "crmkit/nps";
 * const r: CsatResult = csatScore([5, 4, 4, 3, 1]);
 * r.csat; // 60
 * ```
 */
export interface CsatResult extends SurveyMetricResult {
  readonly metric: "csat";
  /** Percentage of satisfied answers, 0…100 (same as `value`). */
  readonly csat: number;
  /** Number of satisfied answers. */
  readonly satisfied: number;
  /** Share of satisfied answers, 0…1. */
  readonly share: number;
  /** Lowest answer counted as satisfied. */
  readonly threshold: number;
  /** The answer scale. */
  readonly scale: SurveyScale;
}

class CsatTally implements ScoreSink {
  readonly needsTime = false;
  n = 0;
  satisfied = 0;

  constructor(
    private readonly name: string,
    private readonly scale: SurveyScale,
    private readonly threshold: number,
  ) {}

  add(score: number, index: number, record: SurveyResponse | undefined): void {
    checkAnswer(score, this.scale, this.name, index, record, "csat");
    this.n++;
    if (score >= this.threshold) this.satisfied++;
  }
}

/**
 * Customer satisfaction (CSAT): the percentage of answers at or above a threshold
 * — by default 4 or 5 on a 1–5 scale (the "top-two box") — with a confidence
 * interval for the share (Wilson by default, which behaves well near 0 % and
 * 100 %), its standard error and the same `warnings` as the NPS.
 *
 * Input: integer answers (array, typed array, iterable) or `SurveyResponse`
 * records of kind `"csat"` on the analysis scale; an async iterable gives a
 * `Promise`. `from`/`to`/`latestPerCustomer` select records as in {@link npsScore}.
 *
 * @example
 * ```ts
 * import { csatScore } from "crmkit/nps";
 * const r = csatScore([5, 5, 4, 4, 4, 3, 3, 2, 5, 4]);
 * r.csat; // 70
 * [r.ci.low, r.ci.high]; // Wilson 95% interval, about [39.7, 89.2]
 * ```
 */
export function csatScore(responses: SurveyInput, options?: CsatOptions): CsatResult;
/**
 * Async form: consumes a stream.
 *
 * @example
 * ```ts
 * import { csatScore } from "crmkit/nps";
 * async function* answers() { yield 5; yield 2; }
 * (await csatScore(answers())).csat; // 50
 * ```
 */
export function csatScore(responses: SurveyAsyncInput, options?: CsatOptions): Promise<CsatResult>;
export function csatScore(responses: SurveyInput | SurveyAsyncInput, options?: CsatOptions): CsatResult | Promise<CsatResult> {
  const name = "responses";
  const prepare = () => {
    const opts = optionsObject(options, "options");
    const scale = checkScale(opts.scale, "csat", "options.scale");
    const threshold = opts.threshold ?? scale.max - 1;
    if (!Number.isInteger(threshold) || threshold <= scale.min || threshold > scale.max) {
      throw invalidInput("options.threshold", threshold, `an integer answer above ${scale.min} and at most ${scale.max}`);
    }
    const method = opts.method ?? "wilson";
    if (!["wilson", "wald", "agresti-coull", "clopper-pearson"].includes(method)) {
      throw invalidInput("options.method", method, '"wilson", "wald", "agresti-coull" or "clopper-pearson"');
    }
    const level = checkLevel(opts.level, "options.level");
    const thresholds = checkThresholds(opts, "options", 20);
    const selection = parseSelection(opts, "options");
    const tally = new CsatTally(name, scale, threshold);
    return { scale, threshold, method, level, thresholds, selection, tally, walker: new ResponseWalker(name, "csat", selection, tally) };
  };
  const finish = ({ scale, threshold, method, level, thresholds, selection, tally }: ReturnType<typeof prepare>): CsatResult => {
    const { n, satisfied } = tally;
    if (n === 0) throw noResponses(name, selection.active, "a CSAT needs at least one");
    const share = satisfied / n;
    const interval = proportionInterval(satisfied, n, { level, method });
    const standardError = 100 * Math.sqrt((share * (1 - share)) / n);
    const ci: SurveyInterval = { low: 100 * interval.low, high: 100 * interval.high, level, method, estimate: 100 * share, standardError };
    return {
      metric: "csat",
      value: 100 * share,
      csat: 100 * share,
      n,
      satisfied,
      share,
      threshold,
      scale,
      standardError,
      ci,
      warnings: precisionWarnings(n, ci, thresholds, "percentage points"),
    };
  };
  return walkSurvey(responses, prepare, finish);
}
