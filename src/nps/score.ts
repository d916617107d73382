import { invalidInput } from "../errors/invalid-input.js";
import type { SurveyResponse } from "../model/survey-response.js";
import { checkNpsCounts, type NpsCounts } from "./counts.js";
import { npsInterval, type NpsIntervalMethod } from "./nps-interval.js";
import {
  noResponses,
  parseSelection,
  ResponseWalker,
  scoreField,
  walkSurvey,
  type ResponseSelection,
  type ScoreArray,
  type ScoreSink,
  type SurveyAsyncInput,
  type SurveyInput,
} from "./survey-input.js";
import type { SurveyMetricResult, SurveyPrecisionOptions } from "./survey-result.js";
import { checkLevel, checkThresholds, optionsObject, precisionWarnings, type WarningThresholds } from "./validate.js";
import { npsVarianceOf } from "./variance.js";

/**
 * An NPS with its uncertainty. `nps` (= `value`) is on the familiar −100…100
 * scale: the percentage of promoters minus the percentage of detractors.
 * `variance` and `standardError` are the plug-in (Wald) sampling variance and
 * standard error of `nps` ({@link npsVariance}); `ci` is the interval of the chosen
 * method, whose own centre and standard error are in `ci.estimate` and
 * `ci.standardError`.
 *
 * @example
 * ```ts
 * import { npsScore } from "crmkit/nps";
 * const r = npsScore([10, 10, 9, 8, 7, 6, 3]);
 * `NPS ${r.nps.toFixed(0)} (95% CI ${r.ci.low.toFixed(0)} to ${r.ci.high.toFixed(0)}, n = ${r.n})`;
 * ```
 */
export interface NpsResult extends SurveyMetricResult, NpsCounts {
  readonly metric: "nps";
  /** The NPS, −100…100 (same as `value`). */
  readonly nps: number;
  /** Share of promoters, 0…1. */
  readonly promoterShare: number;
  /** Share of passives, 0…1. */
  readonly passiveShare: number;
  /** Share of detractors, 0…1. */
  readonly detractorShare: number;
  /** Plug-in sampling variance of `nps` (points²). */
  readonly variance: number;
}

/**
 * Options of {@link npsFromCounts} (and the base of the other NPS functions'
 * options): the interval method, the confidence level and the warning thresholds.
 *
 * @example
 * ```ts
 * import type { NpsOptions } from "crmkit/nps";
 * const options: NpsOptions = { method: "wald", level: 0.9 };
 * ```
 */
export interface NpsOptions extends SurveyPrecisionOptions {
  /** Interval method; default `"adjusted-wald"`. */
  readonly method?: NpsIntervalMethod;
}

/**
 * Options of {@link npsScore}: {@link NpsOptions} plus which responses to use
 * ({@link ResponseSelection}: `from`, `to`, `latestPerCustomer`).
 *
 * @example
 * ```ts
 * import type { NpsScoreOptions } from "crmkit/nps";
 * const options: NpsScoreOptions = { from: new Date("2024-01-01T00:00:00Z"), latestPerCustomer: true };
 * ```
 */
export interface NpsScoreOptions extends NpsOptions, ResponseSelection {}

/** Parsed {@link NpsOptions} (internal). */
export interface NpsSettings {
  readonly method: NpsIntervalMethod;
  readonly level: number;
  readonly thresholds: WarningThresholds;
}

/** Validates {@link NpsOptions}. */
export function parseNpsOptions(options: NpsOptions, field: string): NpsSettings {
  const method = options.method ?? "adjusted-wald";
  if (method !== "adjusted-wald" && method !== "wald") throw invalidInput(`${field}.method`, method, '"adjusted-wald" or "wald"');
  return { method, level: checkLevel(options.level, `${field}.level`), thresholds: checkThresholds(options, field, 20) };
}

/** Builds the result from trusted counts (n > 0). */
export function buildNpsResult(promoters: number, passives: number, detractors: number, settings: NpsSettings): NpsResult {
  const n = promoters + passives + detractors;
  const nps = (100 * (promoters - detractors)) / n;
  const variance = npsVarianceOf(promoters, detractors, n);
  const ci = npsInterval(promoters, detractors, n, settings.method, settings.level);
  return {
    metric: "nps",
    value: nps,
    nps,
    n,
    promoters,
    passives,
    detractors,
    promoterShare: promoters / n,
    passiveShare: passives / n,
    detractorShare: detractors / n,
    variance,
    standardError: Math.sqrt(variance),
    ci,
    warnings: precisionWarnings(n, ci, settings.thresholds, "points"),
  };
}

/**
 * The NPS of already-counted responses (for example counts kept per day by a
 * database), with its variance, confidence interval and warnings.
 *
 * @example
 * ```ts
 * import { npsFromCounts } from "crmkit/nps";
 * const r = npsFromCounts({ promoters: 50, passives: 30, detractors: 20 });
 * r.nps; // 30
 * r.standardError; // 7.81 (= √61)
 * ```
 */
export function npsFromCounts(counts: NpsCounts, options?: NpsOptions): NpsResult {
  checkNpsCounts(counts, "counts");
  const settings = parseNpsOptions(optionsObject(options, "options"), "options");
  return buildNpsResult(counts.promoters, counts.passives, counts.detractors, settings);
}

/** Counts scores into the three categories, checking each (internal). */
export class NpsTally implements ScoreSink {
  readonly needsTime = false;
  promoters = 0;
  passives = 0;
  detractors = 0;

  constructor(private readonly name: string) {}

  add(score: number, index: number, record: SurveyResponse | undefined): void {
    if (score === 9 || score === 10) this.promoters++;
    else if (score === 7 || score === 8) this.passives++;
    else if (Number.isInteger(score) && score >= 0 && score <= 6) this.detractors++;
    else throw invalidInput(scoreField(this.name, index, record), score, "an integer NPS answer from 0 to 10");
  }

  addColumn(values: ScoreArray): void {
    if (values instanceof Uint8Array) {
      // A histogram of bytes: one increment per row, no branches on the value.
      const histogram = new Float64Array(256);
      for (let i = 0; i < values.length; i++) histogram[values[i]!]! += 1;
      for (let v = 11; v < 256; v++) {
        if (histogram[v]! > 0) this.add(v, values.indexOf(v), undefined);
      }
      this.detractors += histogram[0]! + histogram[1]! + histogram[2]! + histogram[3]! + histogram[4]! + histogram[5]! + histogram[6]!;
      this.passives += histogram[7]! + histogram[8]!;
      this.promoters += histogram[9]! + histogram[10]!;
      return;
    }
    let promoters = 0;
    let passives = 0;
    let detractors = 0;
    for (let i = 0; i < values.length; i++) {
      const s = values[i]!;
      if (s >= 9) {
        if (s === 9 || s === 10) promoters++;
        else this.add(s, i, undefined);
      } else if (s >= 7) {
        if (s === 7 || s === 8) passives++;
        else this.add(s, i, undefined);
      } else if (s >= 0 && s === Math.floor(s)) detractors++;
      else this.add(s, i, undefined);
    }
    this.promoters += promoters;
    this.passives += passives;
    this.detractors += detractors;
  }
}

/**
 * The Net Promoter Score of survey answers, with its uncertainty: counts and
 * shares of promoters (9–10), passives (7–8) and detractors (0–6), the NPS on the
 * −100…100 scale, its sampling variance and standard error, a confidence interval
 * (adjusted Wald by default; `method: "wald"` for the plain one) clipped to
 * [−100, 100], and `warnings` when the sample is small or the interval wide.
 *
 * Input: plain 0–10 integer scores (an array, a `Uint8Array`/`Float64Array`
 * column, any iterable) or `SurveyResponse` records of kind `"nps"`. With records,
 * `from`/`to` restrict to a time window and `latestPerCustomer` keeps one answer
 * per customer. An async iterable (a repository stream) gives a `Promise`.
 *
 * Errors: `INVALID_INPUT` for a score that is not an integer 0–10, a record of
 * another kind, bad options; `INSUFFICIENT_DATA` when nothing is left to score.
 *
 * @example
 * ```ts
 * import { npsScore } from "crmkit/nps";
 * const r = npsScore([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
 * r.nps; // -40 (20% promoters − 60% detractors)
 * r.warnings[0]?.code; // "SMALL_SAMPLE"
 * ```
 */
export function npsScore(responses: SurveyInput, options?: NpsScoreOptions): NpsResult;
/**
 * Async form: consumes a stream (e.g. `store.surveyResponses.stream({ filter: { kind: "nps" } })`).
 *
 * @example
 * ```ts
 * import { npsScore } from "crmkit/nps";
 * async function* answers() { yield 10; yield 9; yield 4; }
 * const r = await npsScore(answers());
 * r.nps; // 33.3…
 * ```
 */
export function npsScore(responses: SurveyAsyncInput, options?: NpsScoreOptions): Promise<NpsResult>;
export function npsScore(responses: SurveyInput | SurveyAsyncInput, options?: NpsScoreOptions): NpsResult | Promise<NpsResult> {
  const name = "responses";
  const prepare = () => {
    const opts = optionsObject(options, "options");
    const settings = parseNpsOptions(opts, "options");
    const selection = parseSelection(opts, "options");
    const tally = new NpsTally(name);
    return { settings, selection, tally, walker: new ResponseWalker(name, "nps", selection, tally) };
  };
  const finish = ({ settings, selection, tally }: ReturnType<typeof prepare>): NpsResult => {
    if (tally.promoters + tally.passives + tally.detractors === 0) throw noResponses(name, selection.active, "an NPS needs at least one response");
    return buildNpsResult(tally.promoters, tally.passives, tally.detractors, settings);
  };
  return walkSurvey(responses, prepare, finish);
}
