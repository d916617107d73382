import { z } from "zod";
import { fromZodError } from "../errors/from-zod.js";
import { assertPlainJson } from "./json-guard.js";

const score = z.number().int("expected a whole score").min(1, "expected a score >= 1").max(9, "expected a score <= 9");
const range = z.tuple([score, score]).refine(([lo, hi]) => lo <= hi, { message: "expected [low, high] with low <= high" });
const code = z.union([z.string().regex(/^[1-9]{3}$/, 'expected a three-digit score code such as "543"'), z.number().int().min(111).max(999)], {
  error: 'expected a three-digit score code such as "543" or 543',
});

/**
 * One rule of an RFM segment map: the segment `name` and the scores it covers.
 * Each given range `[low, high]` (inclusive) must contain the customer's score; an
 * omitted range accepts any score; `codes` (three-digit `rfmScore`s, "RFM") must
 * contain the customer's code when given. At least one criterion.
 *
 * @example
 * ```ts
 * import type { RfmSegmentRule } from "crmkit/segmentation";
 * const champions: RfmSegmentRule = { name: "Champions", recency: [5, 5], frequency: [5, 5], monetary: [5, 5] };
 * const premium: RfmSegmentRule = { name: "Premium", codes: ["444", "443", "434"] };
 * ```
 */
export interface RfmSegmentRule {
  readonly name: string;
  readonly description?: string | undefined;
  readonly recency?: readonly [number, number] | undefined;
  readonly frequency?: readonly [number, number] | undefined;
  readonly monetary?: readonly [number, number] | undefined;
  readonly codes?: readonly (string | number)[] | undefined;
}

/**
 * A segment map: rules evaluated **in order, first match wins**; customers no rule
 * matches go to `fallback`. Data (JSON), validated by {@link RfmSegmentMapSchema}.
 * `bins` says which score scale the rules are written for; `rfmSegments` refuses
 * scores binned differently.
 *
 * @example
 * ```ts
 * import type { RfmSegmentMap } from "crmkit/segmentation";
 * const simple: RfmSegmentMap = {
 *   name: "three tiers",
 *   bins: 3,
 *   fallback: "Others",
 *   segments: [
 *     { name: "Best", recency: [3, 3], frequency: [3, 3] },
 *     { name: "Lapsed", recency: [1, 1] },
 *   ],
 * };
 * ```
 */
export interface RfmSegmentMap {
  readonly name?: string | undefined;
  /** Where the map comes from (for documentation). */
  readonly source?: string | undefined;
  /** The number of bins the scores must have (all three dimensions). */
  readonly bins?: number | undefined;
  /** The segment of customers no rule matches. */
  readonly fallback: string;
  readonly segments: readonly RfmSegmentRule[];
}

/**
 * The zod schema of {@link RfmSegmentMap} (`fallback` defaults to `"Others"`).
 *
 * @example
 * ```ts
 * import { RfmSegmentMapSchema } from "crmkit/segmentation";
 * RfmSegmentMapSchema.safeParse({ segments: [{ name: "Top", recency: [5, 5] }] }).success; // true
 * ```
 */
export const RfmSegmentMapSchema = z
  .strictObject({
    name: z.string().min(1).max(100).optional(),
    source: z.string().max(1_000).optional(),
    bins: z.number().int().min(2).max(9).optional(),
    fallback: z.string().min(1).max(100).default("Others"),
    segments: z
      .array(
        z
          .strictObject({
            name: z.string().min(1, "expected a segment name").max(100),
            description: z.string().max(1_000).optional(),
            recency: range.optional(),
            frequency: range.optional(),
            monetary: range.optional(),
            codes: z.array(code).min(1).max(729).optional(),
          })
          .refine((r) => r.recency !== undefined || r.frequency !== undefined || r.monetary !== undefined || r.codes !== undefined, {
            message: "expected at least one of recency, frequency, monetary or codes",
          }),
      )
      .min(1, "expected at least one segment")
      .max(200, "expected at most 200 segments"),
  })
  .superRefine((map, ctx) => {
    if (map.bins === undefined) return;
    const bins = map.bins;
    map.segments.forEach((rule, i) => {
      for (const dim of ["recency", "frequency", "monetary"] as const) {
        const r = rule[dim];
        if (r !== undefined && r[1] > bins) {
          ctx.addIssue({ code: "custom", path: ["segments", i, dim], message: `expected scores <= bins (${bins})`, input: r });
        }
      }
      rule.codes?.forEach((c, j) => {
        const digits = String(c);
        if (/0/.test(digits) || [...digits].some((d) => Number(d) > bins)) {
          ctx.addIssue({ code: "custom", path: ["segments", i, "codes", j], message: `expected digits 1..${bins}`, input: c });
        }
      });
    });
  });

/**
 * What {@link parseRfmSegmentMap} accepts (`fallback` optional).
 *
 * @example
 * ```ts
 * import type { RfmSegmentMapInput } from "crmkit/segmentation";
 * const m: RfmSegmentMapInput = { segments: [{ name: "Lost", recency: [1, 1] }] };
 * ```
 */
export type RfmSegmentMapInput = z.input<typeof RfmSegmentMapSchema>;

/**
 * Validates a segment map (plain JSON data only: no `__proto__` / `constructor` /
 * `prototype` keys, no getters); throws `INVALID_INPUT` naming the offending path.
 *
 * @example
 * ```ts
 * import { parseRfmSegmentMap } from "crmkit/segmentation";
 * const map = parseRfmSegmentMap({ bins: 5, segments: [{ name: "Top", recency: [5, 5], frequency: [4, 5] }] });
 * map.fallback; // "Others"
 * ```
 */
export function parseRfmSegmentMap(input: unknown): RfmSegmentMap {
  assertPlainJson(input, "RfmSegmentMap", { maxDepth: 8, maxNodes: 200_000 });
  const r = RfmSegmentMapSchema.safeParse(input, { reportInput: true });
  if (!r.success) throw fromZodError("RfmSegmentMap", r.error);
  return r.data;
}

function freeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) freeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The ten-segment map of the R package `rfm` (rsquaredacademy/rfm): the segment
 * names and score ranges of its `rfm_segment()` example and of the segment table in
 * its introduction vignette, evaluated in that order, first match wins, unmatched
 * customers in "Others". Written for 5 bins. Descriptions are ours.
 *
 * | segment | R | F | M |
 * |---|---|---|---|
 * | Champions | 5–5 | 5–5 | 5–5 |
 * | Potential Loyalist | 3–5 | 3–5 | 2–5 |
 * | Loyal Customers | 2–4 | 2–4 | 2–4 |
 * | Promising | 3–4 | 1–3 | 3–5 |
 * | New Customers | 4–5 | 1–3 | 1–5 |
 * | Can't Lose Them | 1–2 | 3–4 | 4–5 |
 * | At Risk | 1–2 | 2–5 | 4–5 |
 * | Need Attention | 1–3 | 3–5 | 3–5 |
 * | About To Sleep | 2–3 | 1–3 | 1–4 |
 * | Lost | 1–1 | 1–5 | 1–5 |
 *
 * @example
 * ```ts
 * import { RFM_SEGMENTS } from "crmkit/segmentation";
 * RFM_SEGMENTS.segments.map((s) => s.name); // ["Champions", "Potential Loyalist", …, "Lost"]
 * ```
 */
export const RFM_SEGMENTS: RfmSegmentMap = freeze({
  name: "rfm",
  source: "R package rfm (rsquaredacademy/rfm): rfm_segment() example and the segment table of the introduction vignette",
  bins: 5,
  fallback: "Others",
  segments: [
    { name: "Champions", description: "Most recent, most frequent and highest-spending customers.", recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
    { name: "Potential Loyalist", description: "Recent customers who have bought more than once and spend well.", recency: [3, 5], frequency: [3, 5], monetary: [2, 5] },
    { name: "Loyal Customers", description: "Steady buyers with solid spend; receptive to promotions.", recency: [2, 4], frequency: [2, 4], monetary: [2, 4] },
    { name: "Promising", description: "Fairly recent buyers with few purchases so far.", recency: [3, 4], frequency: [1, 3], monetary: [3, 5] },
    { name: "New Customers", description: "Bought recently, but not often yet.", recency: [4, 5], frequency: [1, 3], monetary: [1, 5] },
    { name: "Can't Lose Them", description: "Used to buy often and spend big, but not lately.", recency: [1, 2], frequency: [3, 4], monetary: [4, 5] },
    { name: "At Risk", description: "Big spenders who bought repeatedly, a long time ago.", recency: [1, 2], frequency: [2, 5], monetary: [4, 5] },
    { name: "Need Attention", description: "Above-average frequency and spend, with recency slipping.", recency: [1, 3], frequency: [3, 5], monetary: [3, 5] },
    { name: "About To Sleep", description: "Below average on all three and drifting away.", recency: [2, 3], frequency: [1, 3], monetary: [1, 4] },
    { name: "Lost", description: "Last purchase long ago.", recency: [1, 1], frequency: [1, 5], monetary: [1, 5] },
  ],
} satisfies RfmSegmentMap);

/**
 * pymc-marketing's default quartile segments (`pymc_marketing.clv.utils.rfm_segments`,
 * `_default_rfm_segment_config`): score codes per segment on 4 bins, unmatched
 * customers in "Other". Use with `rfmScores(…, { bins: 4, collapsedBins: "renumber",
 * frequency: "periods", monetary: "mean" })` to reproduce pymc-marketing (which counts
 * distinct purchase days and averages spend per purchase day). The code lists are
 * disjoint, so order does not matter.
 *
 * @example
 * ```ts
 * import { PYMC_RFM_SEGMENTS } from "crmkit/segmentation";
 * PYMC_RFM_SEGMENTS.segments[0]!.name; // "Premium Customer"
 * ```
 */
export const PYMC_RFM_SEGMENTS: RfmSegmentMap = freeze({
  name: "pymc-marketing quartiles",
  source: "pymc-marketing: pymc_marketing.clv.utils.rfm_segments, _default_rfm_segment_config",
  bins: 4,
  fallback: "Other",
  segments: [
    {
      name: "Premium Customer",
      description: "In the top two quartiles on all three.",
      codes: ["334", "443", "444", "344", "434", "433", "343", "333"],
    },
    {
      name: "Repeat Customer",
      description: "Top two quartiles for frequency and for recency or spend.",
      codes: ["244", "234", "232", "332", "143", "233", "243"],
    },
    {
      name: "Top Spender",
      description: "Top two quartiles for spend and for frequency or recency.",
      codes: ["424", "414", "144", "314", "324", "124", "224", "423", "413", "133", "323", "313", "134"],
    },
    {
      name: "At Risk Customer",
      description: "Bottom two quartiles on two or more of the three.",
      codes: ["422", "223", "212", "122", "222", "132", "322", "312", "412", "123", "214"],
    },
    {
      name: "Inactive Customer",
      description: "Bottom quartile on two or more of the three.",
      codes: ["411", "111", "113", "114", "112", "211", "311"],
    },
  ],
} satisfies RfmSegmentMap);
