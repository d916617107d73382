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
