/**
 * Lead conversion and the sales pipeline: win rate, sales-cycle length, time in
 * stage, sales velocity, weighted pipeline, stage funnels from stage histories,
 * lead-cohort conversion with right-censoring, the deal-source report with
 * two-proportion tests, and lead scoring (point rules and a logistic-regression
 * model). Pure functions: no I/O, no clock (`asOf` is an argument). Reports accept
 * arrays, iterables or async iterables (a repository's `stream()`).
 *
 * See docs/conversion.md for the definitions and where sources differ.
 *
 * @module conversion
 */
export type { ConversionInput } from "./input.js";
export type { ConversionDeal, ConversionLead, StageEntry } from "./records.js";
export type { DurationSummary } from "./duration-summary.js";
export type { CalendarPeriod } from "../time/calendar-period.js";
export { winRate, type WinRateOptions, type WinRateResult, type RateEstimate, type IntervalMethod } from "./win-rate.js";
export { averageSalesCycle, type SalesCycleOptions, type SalesCycleResult } from "./sales-cycle.js";
export { timeInStage, type TimeInStageOptions, type TimeInStageResult, type StageTime } from "./time-in-stage.js";
export {
  salesVelocity,
  salesVelocityFromDeals,
  type SalesVelocityInput,
  type SalesVelocity,
  type SalesVelocityOptions,
  type SalesVelocityReport,
} from "./sales-velocity.js";
export {
  weightedPipeline,
  type PipelineGrouping,
  type WeightedPipelineOptions,
  type WeightedPipelineGroup,
  type PipelineTotal,
  type WeightedPipelineResult,
} from "./weighted-pipeline.js";
export {
  funnel,
  type FunnelEntity,
  type FunnelStep,
  type FunnelStepCounts,
  type FunnelGroupKey,
  type FunnelCounts,
  type FunnelReport,
  type FunnelOptions,
} from "./funnel.js";
export { customerFunnelEntity } from "./customer-funnel-entity.js";
export {
  leadConversion,
  type LeadConversionOptions,
  type LeadConversionReport,
  type WithinConversion,
  type ConversionCurvePoint,
} from "./lead-conversion.js";
export {
  compareConversion,
  type ConversionCounts,
  type CompareConversionOptions,
  type ConversionComparison,
} from "./compare-conversion.js";
export { holmAdjust } from "./holm.js";
export { conversionBySource, type SourceReportOptions, type SourceConversion, type SourceReport } from "./conversion-by-source.js";
export {
  LEAD_SCORING_FIELDS,
  FIT_RULE_OPERATORS,
  FitRuleSchema,
  EngagementRuleSchema,
  LeadScoringRulesSchema,
  parseLeadScoringRules,
  type LeadScoringRules,
  type LeadScoringRulesInput,
} from "./lead-scoring-rules.js";
export { scoreLead, type EngagementEvent, type ScoreLeadOptions, type ScorableLead, type RuleContribution, type LeadScore } from "./score-lead.js";
export { rocAuc } from "./roc-auc.js";
export {
  fitLogisticRegression,
  type LogisticRegressionData,
  type LogisticRegressionOptions,
  type LogisticRegressionFit,
} from "./logistic-regression.js";
export {
  fitLeadScoringModel,
  type LeadFeature,
  type LeadScoringModelOptions,
  type LeadScoringCoefficient,
  type ModelEvaluation,
  type LeadScoringModel,
} from "./lead-scoring-model.js";
