import type { CustomerGroups } from "./customer-groups.js";
import type { RfmScoreTable } from "./rfm-score-table.js";

/**
 * One value tier: who is in it and what share of customers and of value it holds.
 *
 * @example
 * ```ts
 * import type { ValueTier } from "crmkit/segmentation";
 * const a: ValueTier = { name: "A", customers: 180, customerShare: 0.18, value: 81_000, valueShare: 0.81, minValue: 210, maxValue: 9_400 };
 * ```
 */
export interface ValueTier {
  readonly name: string;
  readonly customers: number;
  /** `customers` / all customers; the tiers' shares sum to 1. */
  readonly customerShare: number;
  /** Sum of the tier's values. */
  readonly value: number;
  /** `value` / total value; undefined when values can be negative or the total is 0. */
  readonly valueShare: number | undefined;
  /** Smallest value in the tier (undefined for an empty tier). */
  readonly minValue: number | undefined;
  /** Largest value in the tier (undefined for an empty tier). */
  readonly maxValue: number | undefined;
}

/**
 * The value tier of every customer (the result of `valueTiers`): a partition, top
 * tier first. Columnar: `tierIndex[i]` indexes `tiers` for customer `i`.
 *
 * @example
 * ```ts
 * import { valueTiers } from "crmkit/segmentation";
 * const tiers = valueTiers(
 *   { customerIds: ["a", "b", "c", "d"], values: [700, 200, 60, 40] },
 *   { tiers: { method: "share-of-value", shares: [0.7], names: ["Top", "Rest"] } },
 * );
 * tiers.tierOf("a"); // "Top"
 * tiers.tiers.map((t) => [t.name, t.customerShare, t.valueShare]); // [["Top", 0.25, 0.7], ["Rest", 0.75, 0.3]]
 * ```
 */
export class ValueTierAssignment implements CustomerGroups {
  /** The customers, in input order. */
  readonly customerIds: readonly string[];
  /** The value each customer was tiered by. */
  readonly values: Float64Array;
  /** Per customer, the index into `tiers` (0 = top tier). */
  readonly tierIndex: Uint8Array;
  /** The tiers, top first. */
  readonly tiers: readonly ValueTier[];
  /** The RFM scores the values came from, when tiered from an `RfmScoreTable`. */
  readonly scores: RfmScoreTable | undefined;
  /** Always true: every customer is in exactly one tier. */
  readonly partition = true;
  #index: Map<string, number> | undefined;

  /** @internal Built by `valueTiers`. */
  constructor(customerIds: readonly string[], values: Float64Array, tierIndex: Uint8Array, names: readonly string[], scores: RfmScoreTable | undefined) {
    this.customerIds = customerIds;
    this.values = values;
    this.tierIndex = tierIndex;
    this.scores = scores;
    const n = values.length;
    const count = new Array<number>(names.length).fill(0);
    const sum = new Array<number>(names.length).fill(0);
    const min = new Array<number>(names.length).fill(Number.POSITIVE_INFINITY);
    const max = new Array<number>(names.length).fill(Number.NEGATIVE_INFINITY);
    let total = 0;
    let negative = false;
    for (let i = 0; i < n; i++) {
      const t = tierIndex[i]!;
      const v = values[i]!;
      count[t]!++;
      sum[t]! += v;
      if (v < min[t]!) min[t] = v;
      if (v > max[t]!) max[t] = v;
      total += v;
      if (v < 0) negative = true;
    }
    this.tiers = names.map((name, t) =>
      Object.freeze({
        name,
        customers: count[t]!,
        customerShare: count[t]! / n,
        value: sum[t]!,
        valueShare: negative || total === 0 ? undefined : sum[t]! / total,
        minValue: count[t] === 0 ? undefined : min[t],
        maxValue: count[t] === 0 ? undefined : max[t],
      }),
    );
  }

  /** Tier names, top first (the {@link CustomerGroups} view). */
  get groupNames(): readonly string[] {
    return this.tiers.map((t) => t.name);
  }

  /** Calls `visit(customerIndex, tierIndex)` once per customer. */
  forEachMember(visit: (customerIndex: number, groupIndex: number) => void): void {
    for (let i = 0; i < this.tierIndex.length; i++) visit(i, this.tierIndex[i]!);
  }

  /** A customer's tier by id (undefined for an unknown customer). */
  tierOf(customerId: string): string | undefined {
    this.#index ??= new Map(this.customerIds.map((id, i) => [id, i]));
    const i = this.#index.get(customerId);
    return i === undefined ? undefined : this.tiers[this.tierIndex[i]!]!.name;
  }
}
