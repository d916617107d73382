import { quantileSorted } from "../math/quantile.js";

/**
 * One of the three RFM dimensions.
 *
 * @example
 * ```ts
 * import type { RfmDimension } from "crmkit/segmentation";
 * const dims: RfmDimension[] = ["recency", "frequency", "monetary"];
 * ```
 */
export type RfmDimension = "recency" | "frequency" | "monetary";

/**
 * How cut points are made and which side of a cut point a tied value falls on:
 *
 * - `"quantile"` (default): the cut points are the type-7 quantiles (R's and numpy's
 *   default) at `k / bins`, and a value equal to a cut point falls in the lower
 *   score — right-closed bins `(c[k−1], c[k]]`, as R's `cut(x, quantile(x, …),
 *   include.lowest = TRUE)` and pandas' `qcut` (hence pymc-marketing) do.
 * - `"rfm-package"`: exactly the R package `rfm` (rsquaredacademy): the cut points
 *   are those quantiles **plus 1**, and bins are left-closed `[b[k−1], b[k])`. For
 *   whole-number data with whole-number quantiles this equals `"quantile"`; for
 *   fractional quantiles or amounts it shifts values down a score (an amount of
 *   100.5 with a quantile of 100 stays below the cut point 101).
 *
 * Custom cut points (`cutPoints`) keep the side of the chosen convention: right-closed
 * for `"quantile"`, left-closed (R's custom thresholds) for `"rfm-package"`.
 *
 * @example
 * ```ts
 * import type { RfmBinningMethod } from "crmkit/segmentation";
 * const asInR: RfmBinningMethod = "rfm-package";
 * ```
 */
export type RfmBinningMethod = "quantile" | "rfm-package";

/**
 * What to do when tied data makes cut points coincide, so that some of the
 * requested bins cannot hold anyone:
 *
 * - `"skip"` (default, the `rfm` package's behaviour): scores keep their meaning
 *   ("5" is always the top bin) and the empty scores are skipped — customers with
 *   one purchase may get 1 and those with two 4;
 * - `"renumber"` (pandas' `qcut(…, duplicates="drop")` as pymc-marketing uses it):
 *   coinciding cut points merge and the remaining bins are numbered 1..k with
 *   k < bins, so the top score may be below `bins`.
 *
 * Either way the result reports it (`RfmBinning.collapsed`).
 *
 * @example
 * ```ts
 * import type { CollapsedBins } from "crmkit/segmentation";
 * const likePymc: CollapsedBins = "renumber";
 * ```
 */
export type CollapsedBins = "skip" | "renumber";

/**
 * How one dimension was scored: the cut points applied, the side a tied value takes,
 * and whether tied data collapsed bins.
 *
 * @example
 * ```ts
 * import type { RfmBinning } from "crmkit/segmentation";
 * function explain(b: RfmBinning): string {
 *   return `${b.dimension}: cut at ${b.cutPoints.join(", ")}${b.collapsed ? " (some bins collapsed on ties)" : ""}`;
 * }
 * ```
 */
export interface RfmBinning {
  readonly dimension: RfmDimension;
  /** Requested number of bins (scores 1..bins). */
  readonly bins: number;
  /** Where the cut points came from: the data's quantiles (per `RfmBinningMethod`) or the caller. */
  readonly method: RfmBinningMethod | "custom";
  /** `"right"`: a value equal to a cut point takes the lower score; `"left"`: the higher. */
  readonly closed: "right" | "left";
  /** The cut points as applied (ascending; for `"rfm-package"` the quantiles + 1). */
  readonly cutPoints: readonly number[];
  /** The requested handling of coinciding cut points. */
  readonly collapsedBins: CollapsedBins;
  /** The highest score given (`bins`, or fewer when bins were renumbered). */
  readonly maxScore: number;
  /** True when some of the requested bins could not be told apart on this data. */
  readonly collapsed: boolean;
  /** Recency only: true, the most recent customers get the highest score. */
  readonly reversed: boolean;
  /** Customers per score: `counts[s − 1]` have score `s` (length `bins`). */
  readonly counts: readonly number[];
}

/** What {@link scoreDimension} needs for one dimension. */
export interface DimensionSpec {
  readonly dimension: RfmDimension;
  readonly bins: number;
  readonly method: RfmBinningMethod;
  readonly cutPoints: readonly number[] | undefined;
  readonly collapsedBins: CollapsedBins;
}

/**
 * Scores one column of per-customer values into 1..bins (recency reversed) and
 * describes how. Values must be finite; at least one value.
 */
export function scoreDimension(values: Float64Array, spec: DimensionSpec): { scores: Uint8Array; binning: RfmBinning } {
  const n = values.length;
  const sorted = values.slice().sort();
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const custom = spec.cutPoints !== undefined;
  const bins = custom ? spec.cutPoints!.length + 1 : spec.bins;
  const closed: "right" | "left" = spec.method === "quantile" ? "right" : "left";
  let cuts: number[];
  if (custom) cuts = [...spec.cutPoints!];
  else {
    cuts = [];
    const shift = spec.method === "rfm-package" ? 1 : 0;
    for (let k = 1; k < bins; k++) cuts.push(quantileSorted(sorted, k / bins) + shift);
  }
  let effective: number[];
  if (spec.collapsedBins === "renumber") {
    const inside = closed === "right" ? cuts.filter((c) => c > min && c < max) : cuts.filter((c) => c > min && c <= max);
    effective = [...new Set(inside)];
  } else effective = cuts;
  const maxScore = spec.collapsedBins === "renumber" ? effective.length + 1 : bins;
  const reversed = spec.dimension === "recency";
  const scores = new Uint8Array(n);
  const counts = new Array<number>(bins).fill(0);
  const m = effective.length;
  const e = Float64Array.from(effective);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let raw = 1;
    if (closed === "right") {
      for (let k = 0; k < m; k++) if (e[k]! < v) raw++;
    } else {
      for (let k = 0; k < m; k++) if (e[k]! <= v) raw++;
    }
    const score = reversed ? maxScore + 1 - raw : raw;
    scores[i] = score;
    counts[score - 1]!++;
  }
  let duplicate = false;
  for (let k = 1; k < cuts.length; k++) if (cuts[k] === cuts[k - 1]) duplicate = true;
  return {
    scores,
    binning: Object.freeze({
      dimension: spec.dimension,
      bins,
      method: custom ? "custom" : spec.method,
      closed,
      cutPoints: Object.freeze(cuts),
      collapsedBins: spec.collapsedBins,
      maxScore,
      collapsed: duplicate || maxScore < bins,
      reversed,
      counts: Object.freeze(counts),
    }),
  };
}
