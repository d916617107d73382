/**
 * Net Promoter Score and survey metrics with honest uncertainty: NPS with
 * adjusted-Wald (default) or Wald intervals, comparisons of two scores, trends
 * per day / ISO week / month / quarter (and rolling), scores per segment, CSAT
 * and CES — every result with its confidence interval and `warnings` for small
 * samples and wide intervals. See `docs/nps.md`.
 *
 * @module nps
 */
export { classifyNps, type NpsCategory } from "./classify.js";
export type { NpsCounts } from "./counts.js";
export { npsVariance } from "./variance.js";
export type { NpsIntervalMethod } from "./nps-interval.js";
export { npsScore, npsFromCounts, type NpsResult, type NpsOptions, type NpsScoreOptions } from "./score.js";
export { compareNps, type CompareNpsOptions, type NpsComparison, type NpsDifferenceDirection } from "./compare.js";
export { npsTrend, type NpsTrendOptions, type NpsTrendPoint } from "./trend.js";
export { npsRollingTrend, type NpsRollingTrendOptions, type NpsRollingPoint } from "./rolling-trend.js";
export type { CalendarPeriod } from "../time/calendar-period.js";
export { npsBy, type NpsByOptions, type NpsSegment, type NpsSegments } from "./by.js";
export { csatScore, type CsatOptions, type CsatResult, type CsatIntervalMethod } from "./csat.js";
export { cesScore, type CesOptions, type CesResult } from "./ces.js";
export type { SurveyScale } from "./survey-scale.js";
export type { SurveyInput, SurveyAsyncInput, ResponseSelection } from "./survey-input.js";
export type {
  SurveyInterval,
  SurveyIntervalMethod,
  SurveyMetric,
  SurveyMetricResult,
  SurveyPrecisionOptions,
  SurveyWarning,
  SurveyWarningCode,
} from "./survey-result.js";
