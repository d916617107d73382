import { ckmeans } from "simple-statistics";
import { z } from "zod";
import { CrmkitError } from "../errors/crmkit-error.js";
import { fromZodError } from "../errors/from-zod.js";
import { invalidInput } from "../errors/invalid-input.js";
import { RfmScoreTable } from "./rfm-score-table.js";
import { ValueTierAssignment } from "./value-tier-assignment.js";

/**
 * How customers are split into value tiers (names are listed top tier first):
 *
 * - `share-of-customers` — by rank: the top `shares[0]` of customers, the next
 *   `shares[1]`, …, the rest (VIP programmes: "top 1 %, next 4 %…");
 * - `share-of-value` — by cumulative value: the top customers who bring the first
 *   `shares[0]` of all value, the next `shares[1]`, …, the rest (ABC / Pareto
 *   analysis: "the customers behind 80 % of revenue");
 * - `natural-breaks` — Jenks-style optimal 1-D clustering into `classes` groups
 *   (simple-statistics' `ckmeans`, Wang & Song 2011);
 * - `thresholds` — fixed values: a value at or above `cutPoints[last]` is in the top
 *   tier, and so on down.
 *
 * Customers with equal values always land in the same tier: for the share methods,
 * a customer's tier is decided by the share of customers (or of value) strictly
 * ahead of them, so a tie at a boundary goes up together.
 *
 * @example
 * ```ts
 * import type { ValueTierSpec } from "crmkit/segmentation";
 * const vip: ValueTierSpec = { method: "share-of-customers", shares: [0.05], names: ["VIP", "Everyone else"] };
 * ```
 */
export type ValueTierSpec =
  | { readonly method: "share-of-customers"; readonly shares: readonly number[]; readonly names?: readonly string[] | undefined }
  | { readonly method: "share-of-value"; readonly shares: readonly number[]; readonly names?: readonly string[] | undefined }
  | { readonly method: "natural-breaks"; readonly classes: number; readonly names?: readonly string[] | undefined }
  | { readonly method: "thresholds"; readonly cutPoints: readonly number[]; readonly names?: readonly string[] | undefined };

/**
 * ABC analysis: A = the top customers bringing the first 80 % of value, B = the next
 * 15 %, C = the rest.
 *
 * @example
 * ```ts
 * import { ABC_TIERS } from "crmkit/segmentation";
 * ABC_TIERS.names; // ["A", "B", "C"]
 * ```
 */
export const ABC_TIERS: ValueTierSpec = Object.freeze({ method: "share-of-value", shares: Object.freeze([0.8, 0.15]), names: Object.freeze(["A", "B", "C"]) });

/**
 * Pareto split: the "vital few" bringing 80 % of value, and the rest.
 *
 * @example
 * ```ts
 * import { PARETO_TIERS } from "crmkit/segmentation";
 * PARETO_TIERS.method; // "share-of-value"
 * ```
 */
export const PARETO_TIERS: ValueTierSpec = Object.freeze({ method: "share-of-value", shares: Object.freeze([0.8]), names: Object.freeze(["Top 80% of value", "Rest"]) });

/**
 * A VIP programme by rank: VIP = top 1 % of customers, Gold = next 4 %, Silver =
 * next 15 %, Standard = the other 80 %.
 *
 * @example
 * ```ts
 * import { VIP_TIERS } from "crmkit/segmentation";
 * VIP_TIERS.names; // ["VIP", "Gold", "Silver", "Standard"]
 * ```
 */
export const VIP_TIERS: ValueTierSpec = Object.freeze({
  method: "share-of-customers",
  shares: Object.freeze([0.01, 0.04, 0.15]),
  names: Object.freeze(["VIP", "Gold", "Silver", "Standard"]),
});

/**
 * Options of `valueTiers`.
 *
 * @example
 * ```ts
 * import { VIP_TIERS, type ValueTierOptions } from "crmkit/segmentation";
 * const options: ValueTierOptions = { by: "revenue", tiers: VIP_TIERS };
 * ```
 */
export interface ValueTierOptions {
  /** For an `RfmScoreTable` input: the column to tier by. Default `"revenue"`. */
  readonly by?: "revenue" | "monetary" | "frequency" | undefined;
  /** How to split. Default {@link ABC_TIERS}. */
  readonly tiers?: ValueTierSpec | undefined;
}

/**
 * What `valueTiers` accepts: an `RfmScoreTable` (tiered by revenue, monetary or
 * frequency), columns of customer ids and values (say, CLV estimates), or rows.
 *
 * @example
 * ```ts
 * import type { ValueTierInput } from "crmkit/segmentation";
 * const clv: ValueTierInput = { customerIds: ["a", "b"], values: Float64Array.of(1200, 80) };
 * ```
 */
export type ValueTierInput =
  | RfmScoreTable
  | { readonly customerIds: ArrayLike<string>; readonly values: ArrayLike<number> }
  | Iterable<{ readonly customerId: string; readonly value: number }>;

const share = z.number().gt(0, "expected a share > 0").lt(1, "expected a share < 1");
const names = z.array(z.string().min(1).max(100)).min(2).max(10).optional();
const SpecSchema = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("share-of-customers"), shares: z.array(share).min(1).max(9), names }),
  z.strictObject({ method: z.literal("share-of-value"), shares: z.array(share).min(1).max(9), names }),
  z.strictObject({ method: z.literal("natural-breaks"), classes: z.number().int().min(2).max(10), names }),
  z.strictObject({
    method: z.literal("thresholds"),
    cutPoints: z
      .array(z.number())
      .min(1)
      .max(9)
      .refine((c) => c.every((v, i) => i === 0 || v > c[i - 1]!), { message: "expected strictly increasing cut points" }),
    names,
  }),
]);

function tierCount(spec: ValueTierSpec): number {
  switch (spec.method) {
    case "share-of-customers":
    case "share-of-value":
      return spec.shares.length + 1;
    case "natural-breaks":
      return spec.classes;
    case "thresholds":
      return spec.cutPoints.length + 1;
  }
}

function parseSpec(spec: unknown): { spec: ValueTierSpec; names: string[] } {
  const r = SpecSchema.safeParse(spec, { reportInput: true });
  if (!r.success) throw fromZodError("value tier spec (options.tiers)", r.error);
  const s = r.data as ValueTierSpec;
  const k = tierCount(s);
  if (s.method === "share-of-customers" || s.method === "share-of-value") {
    const total = s.shares.reduce((a, b) => a + b, 0);
    if (total >= 1) throw invalidInput("options.tiers.shares", s.shares, "shares summing to less than 1 (the last tier takes the rest)");
  }
  if (s.names !== undefined && s.names.length !== k) throw invalidInput("options.tiers.names", s.names, `${k} names, one per tier, top tier first`);
  const defaults = s.method === "share-of-value" ? Array.from({ length: k }, (_, t) => String.fromCharCode(65 + t)) : Array.from({ length: k }, (_, t) => `Tier ${t + 1}`);
  return { spec: s, names: [...(s.names ?? defaults)] };
}

function readInput(input: unknown, by: ValueTierOptions["by"]): { ids: readonly string[]; values: Float64Array; scores: RfmScoreTable | undefined } {
  if (input instanceof RfmScoreTable) {
    const column = by ?? "revenue";
    return { ids: input.customerIds, values: input[column].slice(), scores: input };
  }
  if (by !== undefined) throw invalidInput("options.by", by, "to be left out: it applies to an RfmScoreTable input");
  if (typeof input !== "object" || input === null) throw invalidInput("input", input, "an RfmScoreTable, { customerIds, values } columns or { customerId, value } rows");
  let ids: string[];
  let values: number[] | Float64Array;
  if ("customerIds" in input && "values" in input) {
    const c = input as { customerIds: ArrayLike<unknown>; values: ArrayLike<unknown> };
    if (c.customerIds?.length !== c.values?.length) throw invalidInput("input.values", c.values, "as many values as customerIds");
    ids = Array.from(c.customerIds as ArrayLike<string>);
    values = Float64Array.from(c.values as ArrayLike<number>);
    ids.forEach((id, i) => {
      if (typeof id !== "string" || id.length === 0) throw invalidInput(`input.customerIds[${i}]`, id, "a non-empty string");
      const v = (c.values as ArrayLike<unknown>)[i];
      if (typeof v !== "number" || !Number.isFinite(v)) throw invalidInput(`input.values[${i}]`, v, "a finite number");
    });
  } else if (Symbol.iterator in input) {
    ids = [];
    values = [];
    let i = 0;
    for (const row of input as Iterable<unknown>) {
      const r = row as { customerId?: unknown; value?: unknown } | null;
      if (typeof r?.customerId !== "string" || r.customerId.length === 0) throw invalidInput(`input[${i}].customerId`, r?.customerId, "a non-empty string");
      if (typeof r.value !== "number" || !Number.isFinite(r.value)) throw invalidInput(`input[${i}].value`, r.value, "a finite number");
      ids.push(r.customerId);
      values.push(r.value);
      i++;
    }
    values = Float64Array.from(values);
  } else throw invalidInput("input", input, "an RfmScoreTable, { customerIds, values } columns or { customerId, value } rows");
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw invalidInput(`input.customerIds[${i}]`, id, "each customer once (duplicate id)");
    seen.add(id);
  });
  return { ids, values, scores: undefined };
}

/** Share-based tiers: tier t holds customers whose share strictly ahead (of customers or of value) is below the t-th cumulative share. */
function byShare(values: Float64Array, shares: readonly number[], ofValue: boolean): Uint8Array {
  const n = values.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i]!;
  const scale = ofValue ? total : n;
  const bounds: number[] = [];
  let cum = 0;
  for (const s of shares) {
    cum += s;
    // a hair below cum · scale so that round-off never lets the boundary customer in
    bounds.push(cum * scale * (1 - 1e-12));
  }
  const tier = new Uint8Array(n);
  let ahead = 0;
  let i = 0;
  while (i < n) {
    const v = values[order[i]!]!;
    let j = i;
    let group = 0;
    while (j < n && values[order[j]!] === v) {
      group += ofValue ? v : 1;
      j++;
    }
    let t = 0;
    while (t < bounds.length && !(ahead < bounds[t]!)) t++;
    for (let k = i; k < j; k++) tier[order[k]!] = t;
    ahead += group;
    i = j;
  }
  return tier;
}

function byLowerBounds(values: Float64Array, lowerBounds: readonly number[]): Uint8Array {
  // lowerBounds ascending; a value >= lowerBounds[j] is above cut j. Top tier = index 0.
  const n = values.length;
  const m = lowerBounds.length;
  const tier = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let above = 0;
    for (let j = 0; j < m; j++) if (values[i]! >= lowerBounds[j]!) above++;
    tier[i] = m - above;
  }
  return tier;
}

/**
 * Splits customers into value tiers — VIP / ABC / Pareto by revenue or CLV — and
 * reports each tier's share of customers and of value. Tiers partition the
 * customers (shares sum to 1); equal values always share a tier.
 *
 * Throws `INVALID_INPUT` for negative values with `share-of-value` (a share of a
 * total with negative parts is meaningless) and `INSUFFICIENT_DATA` for an empty
 * input, a total value of 0 with `share-of-value`, or fewer distinct values than
 * `classes` with `natural-breaks`.
 *
 * @example
 * ```ts
 * import { valueTiers, VIP_TIERS } from "crmkit/segmentation";
 * const clv = { customerIds: ["a", "b", "c", "d", "e"], values: [5000, 1200, 300, 300, 50] };
 * const abc = valueTiers(clv); // ABC_TIERS by default
 * abc.tiers.map((t) => [t.name, t.customers]); // [["A", 2], ["B", 2], ["C", 1]]
 * valueTiers(clv, { tiers: { method: "natural-breaks", classes: 2, names: ["High", "Low"] } }).tierOf("a"); // "High"
 * // valueTiers(scores, { by: "revenue", tiers: VIP_TIERS }) tiers the customers of an RfmScoreTable
 * ```
 */
export function valueTiers(input: ValueTierInput, options: ValueTierOptions = {}): ValueTierAssignment {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object");
  const { spec, names } = parseSpec(options.tiers ?? ABC_TIERS);
  if (options.by !== undefined && !["revenue", "monetary", "frequency"].includes(options.by)) {
    throw invalidInput("options.by", options.by, '"revenue", "monetary" or "frequency"');
  }
  const { ids, values, scores } = readInput(input, options.by);
  const n = values.length;
  if (n === 0) throw new CrmkitError("INSUFFICIENT_DATA", "valueTiers: no customers to tier (the input was empty)");
  let tier: Uint8Array;
  switch (spec.method) {
    case "share-of-customers":
      tier = byShare(values, spec.shares, false);
      break;
    case "share-of-value": {
      let total = 0;
      for (let i = 0; i < n; i++) {
        if (values[i]! < 0) throw invalidInput(`values[${i}]`, values[i], `a value >= 0 for share-of-value tiers (customer ${JSON.stringify(ids[i])})`);
        total += values[i]!;
      }
      if (total === 0) throw new CrmkitError("INSUFFICIENT_DATA", "valueTiers: the total value is 0, so shares of value are undefined");
      tier = byShare(values, spec.shares, true);
      break;
    }
    case "natural-breaks": {
      const distinct = new Set(values).size;
      if (distinct < spec.classes) {
        throw new CrmkitError("INSUFFICIENT_DATA", `valueTiers: natural breaks into ${spec.classes} classes need at least ${spec.classes} distinct values, got ${distinct}`, {
          details: { classes: spec.classes, distinct },
        });
      }
      const clusters = ckmeans(Array.from(values), spec.classes);
      tier = byLowerBounds(values, clusters.slice(1).map((c) => c[0]!));
      break;
    }
    case "thresholds":
      tier = byLowerBounds(values, spec.cutPoints);
      break;
  }
  return new ValueTierAssignment(ids, values, tier, names, scores);
}
