import type { CustomerGroups } from "./customer-groups.js";
import type { RfmScoreTable } from "./rfm-score-table.js";
import type { RfmSegmentMap } from "./rfm-segment-map.js";

/**
 * The named RFM segment of every customer (the result of `rfmSegments`): a
 * partition — every customer is in exactly one segment. Columnar: `segmentIndex[i]`
 * indexes `segmentNames` for customer `i` of `scores`.
 *
 * @example
 * ```ts
 * import { rfmScores, rfmSegments } from "crmkit/segmentation";
 * const scores = rfmScores(
 *   [
 *     { customerId: "a", at: "2024-05-30", amount: 500 },
 *     { customerId: "a", at: "2024-04-01", amount: 200 },
 *     { customerId: "b", at: "2023-06-01", amount: 20 },
 *   ],
 *   { asOf: new Date("2024-06-01T00:00:00Z") },
 * );
 * const segments = rfmSegments(scores);
 * segments.segmentOf("a"); // "Champions" (scores 5, 5, 5)
 * segments.segmentOf("b"); // "Lost" (scores 1, 1, 1)
 * segments.counts; // customers per segment, in segmentNames order
 * ```
 */
export class RfmSegmentAssignment implements CustomerGroups {
  /** The scores the segments were assigned from. */
  readonly scores: RfmScoreTable;
  /** The validated segment map used. */
  readonly map: RfmSegmentMap;
  /** Segment names: the map's (first appearance order) and then the fallback. */
  readonly segmentNames: readonly string[];
  /** Per customer (row of `scores`), the index into `segmentNames`. */
  readonly segmentIndex: Uint8Array;
  /** Customers per segment, in `segmentNames` order. */
  readonly counts: readonly number[];
  /** Always true: every customer is in exactly one segment. */
  readonly partition = true;

  /** @internal Built by `rfmSegments`. */
  constructor(scores: RfmScoreTable, map: RfmSegmentMap, segmentNames: readonly string[], segmentIndex: Uint8Array) {
    this.scores = scores;
    this.map = map;
    this.segmentNames = Object.freeze([...segmentNames]);
    this.segmentIndex = segmentIndex;
    const counts = new Array<number>(segmentNames.length).fill(0);
    for (let i = 0; i < segmentIndex.length; i++) counts[segmentIndex[i]!]!++;
    this.counts = Object.freeze(counts);
  }

  /** The scored customers (same order as `scores`). */
  get customerIds(): readonly string[] {
    return this.scores.customerIds;
  }

  /** `segmentNames` (the {@link CustomerGroups} view). */
  get groupNames(): readonly string[] {
    return this.segmentNames;
  }

  /** Calls `visit(customerIndex, segmentIndex)` once per customer. */
  forEachMember(visit: (customerIndex: number, groupIndex: number) => void): void {
    for (let i = 0; i < this.segmentIndex.length; i++) visit(i, this.segmentIndex[i]!);
  }

  /** The segment of customer row `i`. */
  at(i: number): string | undefined {
    const s = this.segmentIndex[i];
    return s === undefined ? undefined : this.segmentNames[s];
  }

  /** A customer's segment by id (undefined for a customer not scored, e.g. without purchases). */
  segmentOf(customerId: string): string | undefined {
    const i = this.scores.indexOf(customerId);
    return i < 0 ? undefined : this.at(i);
  }

  /** Customer id → segment, e.g. as a `metrics` source for rule-based segments. */
  toMap(): Map<string, string> {
    const out = new Map<string, string>();
    this.scores.customerIds.forEach((id, i) => out.set(id, this.segmentNames[this.segmentIndex[i]!]!));
    return out;
  }
}
