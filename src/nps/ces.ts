import { CrmkitError } from "../errors/crmkit-error.js";
import { studentTQuantile } from "../math/student-t.js";
import type { SurveyResponse } from "../model/survey-response.js";
import { inSelection, parseSelection, ResponseWalker, walkSurvey, type ResponseSelection, type ScoreSink, type SurveyAsyncInput, type SurveyInput } from "./survey-input.js";
import type { SurveyInterval, SurveyMetricResult, SurveyPrecisionOptions } from "./survey-result.js";
import { checkAnswer, checkScale, type SurveyScale } from "./survey-scale.js";
import { checkLevel, checkThresholds, optionsObject, precisionWarnings } from "./validate.js";

/**
 * Options of {@link cesScore}.
 *
 * @example
 * ```ts
 * import type { CesOptions } from "crmkit/nps";
 * const fivePoint: CesOptions = { scale: { min: 1, max: 5 } };
 * ```
 */
export interface CesOptions extends SurveyPrecisionOptions, ResponseSelection {
  /** Answer scale; default 1–7. Records must be on this scale. */
  readonly scale?: SurveyScale;
}

/**
 * A Customer Effort Score: the mean answer with a Student-t interval, in the
 * shared {@link SurveyMetricResult} shape.
 *
 * @example
 * ```ts
 * import { cesScore, type CesResult } from "crmkit/nps";
 * const r: CesResult = cesScore([7, 6, 6, 5, 2]);
 * r.ces; // 5.2
 * ```
 */
export interface CesResult extends SurveyMetricResult {
  readonly metric: "ces";
  /** Mean answer (same as `value`). */
  readonly ces: number;
  /** Sample standard deviation of the answers (n − 1 denominator). */
  readonly standardDeviation: number;
  /** The answer scale. */
  readonly scale: SurveyScale;
}

/** Welford's running mean and sum of squared deviations. */
class CesTally implements ScoreSink {
  readonly needsTime = false;
  n = 0;
  mean = 0;
  m2 = 0;

  constructor(
    private readonly name: string,
    private readonly scale: SurveyScale,
  ) {}

  add(score: number, index: number, record: SurveyResponse | undefined): void {
    checkAnswer(score, this.scale, this.name, index, record, "ces");
    this.n++;
    const delta = score - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (score - this.mean);
  }
}

/**
 * Customer Effort Score (CES): the mean answer on the effort scale (1–7 by
 * default), with the sample standard deviation, the standard error s/√n and a
 * Student-t confidence interval (n − 1 degrees of freedom) clipped to the scale,
 * plus the shared `warnings` (the wide-interval threshold defaults to 20 % of the
 * scale's span: 1.2 on 1–7).
 *
 * Which end is good depends on the question: CES 2.0 ("the company made it easy
 * for me…", 1 = strongly disagree … 7 = strongly agree) is better when higher;
 * the original "how much effort…" wording is better when lower. crmkit only
 * reports the mean.
 *
 * Input: integer answers or `SurveyResponse` records of kind `"ces"`; an async
 * iterable gives a `Promise`. Needs at least 2 answers (`INSUFFICIENT_DATA`
 * otherwise: one answer has no spread to build an interval from).
 *
 * @example
 * ```ts
 * import { cesScore } from "crmkit/nps";
 * const r = cesScore([7, 6, 6, 5, 2]);
 * r.ces; // 5.2
 * r.standardDeviation; // 1.924 (√3.7)
 * ```
 */
export function cesScore(responses: SurveyInput, options?: CesOptions): CesResult;
/**
 * Async form: consumes a stream.
 *
 * @example
 * ```ts
 * import { cesScore } from "crmkit/nps";
 * async function* answers() { yield 6; yield 4; }
 * (await cesScore(answers())).ces; // 5
 * ```
 */
export function cesScore(responses: SurveyAsyncInput, options?: CesOptions): Promise<CesResult>;
export function cesScore(responses: SurveyInput | SurveyAsyncInput, options?: CesOptions): CesResult | Promise<CesResult> {
  const name = "responses";
  const prepare = () => {
    const opts = optionsObject(options, "options");
    const scale = checkScale(opts.scale, "ces", "options.scale");
    const level = checkLevel(opts.level, "options.level");
    const thresholds = checkThresholds(opts, "options", 0.2 * (scale.max - scale.min));
    const selection = parseSelection(opts, "options");
    const tally = new CesTally(name, scale);
    return { scale, level, thresholds, selection, tally, walker: new ResponseWalker(name, "ces", selection, tally) };
  };
  const finish = ({ scale, level, thresholds, selection, tally }: ReturnType<typeof prepare>): CesResult => {
    const { n, mean, m2 } = tally;
    if (n < 2) {
      throw new CrmkitError(
        "INSUFFICIENT_DATA",
        `${name}: ${n} response${n === 1 ? "" : "s"}${inSelection(selection.active)}; a CES interval needs at least 2`,
        { details: { field: name, n } },
      );
    }
    const standardDeviation = Math.sqrt(m2 / (n - 1));
    const standardError = standardDeviation / Math.sqrt(n);
    const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * standardError;
    const ci: SurveyInterval = {
      low: Math.max(scale.min, mean - half),
      high: Math.min(scale.max, mean + half),
      level,
      method: "t",
      estimate: mean,
      standardError,
    };
    return {
      metric: "ces",
      value: mean,
      ces: mean,
      n,
      standardDeviation,
      scale,
      standardError,
      ci,
      warnings: precisionWarnings(n, ci, thresholds, "scale points"),
    };
  };
  return walkSurvey(responses, prepare, finish);
}
