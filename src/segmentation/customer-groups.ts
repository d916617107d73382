/**
 * Customers assigned to named groups — RFM segments, value tiers, rule-based
 * segments. What `summarizeSegments` reads. RFM segments and value tiers are
 * partitions (every customer in exactly one group); rule-based segments may overlap
 * or leave customers out.
 *
 * @example
 * ```ts
 * import type { CustomerGroups } from "crmkit/segmentation";
 * function sizes(groups: CustomerGroups): number[] {
 *   const out = groups.groupNames.map(() => 0);
 *   groups.forEachMember((_customer, group) => out[group]!++);
 *   return out;
 * }
 * ```
 */
export interface CustomerGroups {
  /** Group names, in display order; `forEachMember` reports indexes into this list. */
  readonly groupNames: readonly string[];
  /** The customers covered, in input order; `forEachMember` reports indexes into this list. */
  readonly customerIds: readonly string[];
  /** True when every customer is in exactly one group. */
  readonly partition: boolean;
  /** Calls `visit` once per (customer, group) membership. */
  forEachMember(visit: (customerIndex: number, groupIndex: number) => void): void;
}
