import { invalidInput } from "../errors/invalid-input.js";
import { RfmScoreTable } from "./rfm-score-table.js";
import { RfmSegmentAssignment } from "./rfm-segment-assignment.js";
import { parseRfmSegmentMap, RFM_SEGMENTS, type RfmSegmentMap, type RfmSegmentRule } from "./rfm-segment-map.js";

const within = (range: readonly [number, number] | undefined, s: number): boolean => range === undefined || (s >= range[0] && s <= range[1]);

function matches(rule: RfmSegmentRule, r: number, f: number, m: number, codes: ReadonlySet<number> | undefined): boolean {
  return within(rule.recency, r) && within(rule.frequency, f) && within(rule.monetary, m) && (codes === undefined || codes.has(r * 100 + f * 10 + m));
}

/**
 * Names every customer's RFM segment with a segment map: the rules are tried **in
 * order and the first match wins** (as the `rfm` package's `rfm_segment`);
 * customers no rule matches get the map's fallback ("Others"). Every customer gets
 * exactly one segment. The map is data — {@link RFM_SEGMENTS} (default, the `rfm`
 * package's ten segments), `PYMC_RFM_SEGMENTS`, or your own, validated by
 * `RfmSegmentMapSchema`. A map that declares `bins` is only applied to scores with
 * that many bins in every dimension (a 5-bin map on quartile scores would silently
 * never match its top segments).
 *
 * Evaluated once per score combination (at most 9³ = 729), then one table lookup
 * per customer.
 *
 * @example
 * ```ts
 * import { PYMC_RFM_SEGMENTS, rfmScores, rfmSegments } from "crmkit/segmentation";
 * const asOf = new Date("2024-06-01T00:00:00Z");
 * const rows = [
 *   { customerId: "a", at: "2024-05-30", amount: 500 },
 *   { customerId: "a", at: "2024-05-01", amount: 300 },
 *   { customerId: "b", at: "2024-02-01", amount: 60 },
 *   { customerId: "c", at: "2023-06-01", amount: 20 },
 * ];
 * rfmSegments(rfmScores(rows, { asOf })).segmentOf("a"); // "Champions"
 * rfmSegments(rfmScores(rows, { asOf, bins: 4 }), PYMC_RFM_SEGMENTS).segmentNames; // ["Premium Customer", …, "Other"]
 * ```
 */
export function rfmSegments(scores: RfmScoreTable, segmentMap: unknown = RFM_SEGMENTS): RfmSegmentAssignment {
  if (!(scores instanceof RfmScoreTable)) throw invalidInput("scores", scores, "the result of rfmScores (an RfmScoreTable)");
  const map: RfmSegmentMap = segmentMap === RFM_SEGMENTS ? RFM_SEGMENTS : parseRfmSegmentMap(segmentMap);
  if (map.bins !== undefined) {
    for (const d of ["recency", "frequency", "monetary"] as const) {
      const bins = scores.binning[d].bins;
      if (bins !== map.bins) {
        throw invalidInput(
          `scores.binning.${d}.bins`,
          bins,
          `${map.bins} bins, as segment map "${map.name ?? "(unnamed)"}" is written for scores 1..${map.bins} (score with bins: ${map.bins}, or use a map for ${bins} bins)`,
        );
      }
    }
  }
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const indexOf = (name: string): number => {
    let k = nameIndex.get(name);
    if (k === undefined) {
      k = names.length;
      names.push(name);
      nameIndex.set(name, k);
    }
    return k;
  };
  const rules = map.segments.map((rule) => ({
    rule,
    label: indexOf(rule.name),
    codes: rule.codes === undefined ? undefined : new Set(rule.codes.map((c) => Number(c))),
  }));
  const fallback = indexOf(map.fallback);
  // one entry per (r, f, m) in 1..9: the first matching rule's segment, or the fallback
  const table = new Uint8Array(729);
  for (let r = 1; r <= 9; r++) {
    for (let f = 1; f <= 9; f++) {
      for (let m = 1; m <= 9; m++) {
        const hit = rules.find((x) => matches(x.rule, r, f, m, x.codes));
        table[(r - 1) * 81 + (f - 1) * 9 + (m - 1)] = hit === undefined ? fallback : hit.label;
      }
    }
  }
  const n = scores.size;
  const out = new Uint8Array(n);
  const rs = scores.recencyScore;
  const fs = scores.frequencyScore;
  const ms = scores.monetaryScore;
  for (let i = 0; i < n; i++) out[i] = table[(rs[i]! - 1) * 81 + (fs[i]! - 1) * 9 + (ms[i]! - 1)]!;
  return new RfmSegmentAssignment(scores, map, names, out);
}
