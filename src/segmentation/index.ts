/**
 * Customer segmentation: RFM scores and named RFM segments, value tiers (VIP /
 * ABC / Pareto), safe rule-based segments over customer fields, custom attributes
 * and caller-supplied metrics, and the segment summary table a marketer reads.
 *
 * @module segmentation
 */
export { CUSTOMER_FIELDS, type CustomerField, type FieldKind } from "./customer-fields.js";
export type { MetricSource, MetricValue } from "./field-path.js";
export {
  DateOperandSchema,
  FieldPathSchema,
  parseSegmentDefinition,
  SEGMENT_DEFINITION_LIMITS,
  SegmentConditionSchema,
  SegmentDefinitionSchema,
  type FieldCondition,
  type SegmentCondition,
  type SegmentDefinition,
} from "./segment-definition.js";
export { compileSegment, type CompiledSegment, type CompileSegmentOptions } from "./compile-segment.js";
export { segmentCustomers } from "./segment-customers.js";
export { SegmentMembership, type SegmentOverlap, type SegmentSize } from "./segment-membership.js";
export type { CustomerGroups } from "./customer-groups.js";
export { EARTH_RADIUS_KM, haversineKm } from "./haversine.js";
export {
  rfmScores,
  type CustomerRfmColumns,
  type CustomerRfmRow,
  type IndexedPurchaseColumns,
  type PurchaseColumns,
  type RfmInput,
  type RfmOptions,
} from "./rfm-scores.js";
export type { FrequencyUnit } from "./purchase-accumulator.js";
export type { PurchaseRow } from "../model/purchase-row.js";
export type { CalendarPeriod } from "../time/calendar-period.js";
export { RfmScoreTable, type RfmColumns, type RfmCustomerScore, type RfmInputCounts } from "./rfm-score-table.js";
export type { CollapsedBins, RfmBinning, RfmBinningMethod, RfmDimension } from "./rfm-binning.js";
export {
  parseRfmSegmentMap,
  PYMC_RFM_SEGMENTS,
  RFM_SEGMENTS,
  RfmSegmentMapSchema,
  type RfmSegmentMap,
  type RfmSegmentMapInput,
  type RfmSegmentRule,
} from "./rfm-segment-map.js";
export { rfmSegments } from "./rfm-segments.js";
export { RfmSegmentAssignment } from "./rfm-segment-assignment.js";
export {
  ABC_TIERS,
  PARETO_TIERS,
  VIP_TIERS,
  valueTiers,
  type ValueTierInput,
  type ValueTierOptions,
  type ValueTierSpec,
} from "./value-tiers.js";
export { ValueTierAssignment, type ValueTier } from "./value-tier-assignment.js";
export { summarizeSegments, type SegmentSummary, type SegmentSummaryRow } from "./segment-summary.js";
