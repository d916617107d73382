import { CrmkitError } from "../errors/crmkit-error.js";
import type { CustomerGroups } from "./customer-groups.js";

/**
 * Size of one rule-based segment in a {@link SegmentMembership}.
 *
 * @example
 * ```ts
 * import type { SegmentSize } from "crmkit/segmentation";
 * const s: SegmentSize = { id: "vip", name: "VIP", size: 120, share: 0.012 };
 * ```
 */
export interface SegmentSize {
  readonly id: string;
  readonly name: string;
  /** Customers in the segment. */
  readonly size: number;
  /** `size` / all customers evaluated. */
  readonly share: number;
}

/**
 * How much two segments overlap.
 *
 * @example
 * ```ts
 * import type { SegmentOverlap } from "crmkit/segmentation";
 * const o: SegmentOverlap = { a: "vip", b: "berlin", customers: 12, jaccard: 0.05 };
 * ```
 */
export interface SegmentOverlap {
  readonly a: string;
  readonly b: string;
  /** Customers in both. */
  readonly customers: number;
  /** |A ∩ B| / |A ∪ B| (0 when both are empty). */
  readonly jaccard: number;
}

/**
 * Which customers belong to which rule-based segments (the result of
 * `segmentCustomers`). Segments may overlap and leave customers out. Columnar:
 * `flags[s][i]` is 1 when customer `i` is in segment `s`.
 *
 * @example
 * ```ts
 * import { segmentCustomers } from "crmkit/segmentation";
 * const m = segmentCustomers(
 *   [{ id: "de", where: { field: "location.country", op: "eq", value: "DE" } }],
 *   [{ id: "c-1", createdAt: new Date(), location: { country: "DE" }, emails: [], phones: [], lifecycleHistory: [], tags: [], attributes: {}, consent: {} }],
 * );
 * m.members("de"); // ["c-1"]
 * m.segmentsOf("c-1"); // ["de"]
 * ```
 */
export class SegmentMembership implements CustomerGroups {
  /** The customers evaluated, in input order. */
  readonly customerIds: readonly string[];
  /** Each segment's size and share, in definition order. */
  readonly segments: readonly SegmentSize[];
  /** Per segment (definition order), a 0/1 flag per customer. */
  readonly flags: readonly Uint8Array[];
  /** Every pair of segments that share at least one customer. */
  readonly overlaps: readonly SegmentOverlap[];
  /** Customers in no segment. */
  readonly unsegmented: number;
  /** Always false: rule-based segments may overlap. */
  readonly partition = false;
  readonly #indexOfSegment: ReadonlyMap<string, number>;
  #indexOfCustomer: Map<string, number> | undefined;

  /** @internal Built by `segmentCustomers`. */
  constructor(segments: readonly { id: string; name: string }[], customerIds: readonly string[], flags: readonly Uint8Array[]) {
    const n = customerIds.length;
    const k = segments.length;
    this.customerIds = customerIds;
    this.flags = flags;
    this.#indexOfSegment = new Map(segments.map((s, i) => [s.id, i]));
    const sizes = flags.map((f) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += f[i]!;
      return s;
    });
    this.segments = segments.map((s, i) => Object.freeze({ id: s.id, name: s.name, size: sizes[i]!, share: sizes[i]! / n }));
    const pair = new Float64Array(k * k);
    const mine: number[] = [];
    let unsegmented = 0;
    for (let i = 0; i < n; i++) {
      mine.length = 0;
      for (let s = 0; s < k; s++) if (flags[s]![i] === 1) mine.push(s);
      if (mine.length === 0) unsegmented++;
      for (let x = 0; x < mine.length; x++) for (let y = x + 1; y < mine.length; y++) pair[mine[x]! * k + mine[y]!]!++;
    }
    this.unsegmented = unsegmented;
    const overlaps: SegmentOverlap[] = [];
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const both = pair[a * k + b]!;
        if (both === 0) continue;
        overlaps.push(Object.freeze({ a: segments[a]!.id, b: segments[b]!.id, customers: both, jaccard: both / (sizes[a]! + sizes[b]! - both) }));
      }
    }
    this.overlaps = overlaps;
  }

  /** Segment names, in definition order (the {@link CustomerGroups} view). */
  get groupNames(): readonly string[] {
    return this.segments.map((s) => s.name);
  }

  /** Calls `visit(customerIndex, segmentIndex)` for every membership. */
  forEachMember(visit: (customerIndex: number, groupIndex: number) => void): void {
    this.flags.forEach((f, s) => {
      for (let i = 0; i < f.length; i++) if (f[i] === 1) visit(i, s);
    });
  }

  #segment(id: string): number {
    const s = this.#indexOfSegment.get(id);
    if (s === undefined) {
      const known = [...this.#indexOfSegment.keys()];
      throw new CrmkitError("NOT_FOUND", `Unknown segment "${id}" (known: ${known.join(", ")})`, { details: { segment: id, known } });
    }
    return s;
  }

  /** Ids of the customers in a segment, in input order. Throws `NOT_FOUND` for an unknown segment id. */
  members(segmentId: string): string[] {
    const f = this.flags[this.#segment(segmentId)]!;
    const out: string[] = [];
    for (let i = 0; i < f.length; i++) if (f[i] === 1) out.push(this.customerIds[i]!);
    return out;
  }

  /** Ids of the segments a customer is in (empty for an unknown customer). */
  segmentsOf(customerId: string): string[] {
    this.#indexOfCustomer ??= new Map(this.customerIds.map((id, i) => [id, i]));
    const i = this.#indexOfCustomer.get(customerId);
    if (i === undefined) return [];
    return this.segments.filter((_, s) => this.flags[s]![i] === 1).map((s) => s.id);
  }

  /** Customers in both segments. Throws `NOT_FOUND` for an unknown segment id. */
  overlap(a: string, b: string): number {
    const fa = this.flags[this.#segment(a)]!;
    const fb = this.flags[this.#segment(b)]!;
    let both = 0;
    for (let i = 0; i < fa.length; i++) both += fa[i]! & fb[i]!;
    return both;
  }
}
