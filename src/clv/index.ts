/**
 * Customer lifetime value: transaction summaries, the buy-till-you-die models
 * (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB), the Gamma-Gamma spend model, CLV
 * formulas, diagnostics and simulators. See `docs/clv.md`.
 *
 * @module clv
 */
export { TIME_UNITS, DAYS_PER_UNIT, unitsPer, type TimeUnit } from "./time-unit.js";
export { PURCHASE_PERIODS, type PurchasePeriod } from "./purchase-period.js";
export type { CustomerSummary, CalibrationHoldoutSummary, SummaryStats } from "./customer-summary.js";
export type { PurchaseRow, PurchaseInput } from "../model/purchase-row.js";
export type { PurchaseSource, PurchaseReadOptions } from "./purchase-rows.js";
export { summarizeTransactions, type SummarizeOptions } from "./summarize-transactions.js";
export { calibrationHoldout, type CalibrationHoldoutOptions } from "./calibration-holdout.js";
export { summaryFromAggregates, type CustomerAggregate, type SummaryOptions } from "./summary-from-aggregates.js";
export {
  parsePurchaseAggregateQuery,
  type PurchaseAggregateQuery,
  type PurchaseAggregateRow,
  type PurchaseAggregates,
  type PurchaseRepository,
} from "./purchase-pushdown.js";
export { aggregatePurchases } from "./aggregate-purchases.js";
export type { SummaryColumns, CustomerHistory, CustomersInput } from "./customer-data.js";
export { parameterIntervals, type FitReport, type ParameterInterval, type MleOptions } from "./maximum-likelihood.js";
export { ClvModel, type ModelJson } from "./model-base.js";
export type { FitDataOptions } from "./fit-data.js";
export { BgNbdModel, fitBgNbd, type BgNbdParams, type TransactionFitOptions } from "./bgnbd.js";
export { GammaGammaModel, fitGammaGamma, type GammaGammaParams, type GammaGammaFitOptions } from "./gamma-gamma.js";
export { ParetoNbdModel, fitParetoNbd, type ParetoNbdParams } from "./pareto-nbd.js";
export { MbgNbdModel, fitMbgNbd, type MbgNbdParams } from "./mbgnbd.js";
export { BgBbModel, fitBgBb, type BgBbParams, type BgBbFitOptions } from "./bgbb.js";
export {
  customerLifetimeValue,
  historicClv,
  marginMultipleClv,
  averageOrderValueClv,
  type TransactionModel,
  type CustomerLifetimeValueOptions,
  type MarginMultipleOptions,
  type AverageOrderValueOptions,
} from "./customer-lifetime-value.js";
export {
  simulateBgNbd,
  simulateMbgNbd,
  simulateParetoNbd,
  simulateBgBb,
  simulateGammaGamma,
  type SimulationOptions,
  type SimulatedCustomers,
} from "./simulate.js";
export {
  calibrationHoldoutTable,
  frequencyHistogram,
  cumulativeTransactions,
  type CalibrationHoldoutTable,
  type FrequencyHistogram,
  type PurchaseCountModel,
  type TrackingSeries,
  type CumulativeTransactionsOptions,
} from "./diagnostics.js";
