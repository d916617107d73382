/**
 * Retention and churn: retention and churn rates, cohort tables (counts and
 * revenue), period-over-period retention of active customers, survival analysis
 * (Kaplan–Meier, log-rank test, durations from dates or inactivity), the
 * shifted-beta-geometric model with its projections and DERL, MRR movements and
 * revenue retention from subscriptions, repeat-purchase rate and inter-purchase
 * times. See docs/retention.md for which measure answers which question.
 *
 * @module retention
 */
export type { CalendarPeriod } from "../time/calendar-period.js";
export type { ActivityRow, TransactionActivity, ActivityRecord, ActivitySource, ActivityOptions } from "./activity.js";
export { retentionRate, churnRate, type RetentionCounts } from "./retention-rate.js";
export { periodRetention, type PeriodRetentionOptions, type PeriodRetentionRow, type PeriodRetention } from "./period-retention.js";
export { cohortRetention, type CohortKey, type CohortRetentionOptions, type CohortRow, type CohortTable } from "./cohort-retention.js";
export type { SurvivalSample } from "./survival-input.js";
export {
  kaplanMeier,
  type ConfidenceType,
  type KaplanMeierOptions,
  type KaplanMeierResult,
  type SurvivalQuantile,
  type AtRiskRow,
} from "./kaplan-meier.js";
export { logRankTest, type LogRankOptions, type LogRankResult } from "./log-rank-test.js";
export {
  DURATION_UNIT_DAYS,
  durationsFromDates,
  durationsFromActivity,
  type DurationUnit,
  type SurvivalData,
  type Lifetime,
  type DurationsFromDatesOptions,
  type DurationsFromActivityOptions,
  type CustomerSurvivalData,
} from "./survival-durations.js";
export {
  shiftedBetaGeometric,
  fitShiftedBetaGeometric,
  type ShiftedBetaGeometric,
  type ShiftedBetaGeometricFit,
  type FitShiftedBetaGeometricOptions,
} from "./shifted-beta-geometric.js";
export type { SubscriptionRecord, SubscriptionSource } from "./subscription-mrr.js";
export {
  mrrMovements,
  type MrrMovementsOptions,
  type MrrCustomerCounts,
  type MrrPeriod,
  type MrrReport,
  type MrrMovements,
} from "./mrr-movements.js";
export { revenueRetention, type RevenueRetentionOptions, type RevenueRetentionResult } from "./revenue-retention.js";
export { repeatPurchaseRate, type PurchaseOccasion, type RepeatPurchaseRateOptions, type RepeatPurchaseRate } from "./repeat-purchase-rate.js";
export { timeBetweenPurchases, type TimeBetweenPurchasesOptions, type GapSummary, type TimeBetweenPurchases } from "./time-between-purchases.js";
