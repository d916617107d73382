/**
 * The application layer: composes a `CrmStore` with the pure modules — the customer
 * 360 view, the merged customer timeline, and relationship profiles read from a store.
 *
 * @module app
 */
export {
  TIMELINE_KINDS,
  TIMELINE_SOURCES,
  customerTimeline,
  type TimelineKind,
  type TimelineSource,
  type TimelineEntry,
  type TimelineRecord,
  type CustomerTimelineOptions,
} from "./timeline.js";
export { CONVERSATION_CHANNELS, buildRelationshipProfile, type RelationshipProfileOptions } from "./relationship-profile.js";
export { buildRelationshipProfiles } from "./relationship-profiles.js";
export { customer360, type Customer360, type Customer360Options, type Touch } from "./customer-360.js";
