import { invalidInput } from "../../errors/invalid-input.js";
import type { Random } from "./random.js";

/**
 * Prepares a sampler of indexes `0..weights.length − 1`, each drawn with probability
 * proportional to its weight (weights ≥ 0, finite, not all zero). The cumulative
 * weights are computed once; each draw is a binary search.
 *
 * @example
 * ```ts
 * import { categoricalSampler, createRandom } from "crmkit/testing";
 * const source = categoricalSampler([0.5, 0.3, 0.2]);
 * const i = source(createRandom(5)); // 0 half of the time
 * ```
 */
export function categoricalSampler(weights: readonly number[]): (rng: Random) => number {
  if (!Array.isArray(weights) || weights.length === 0) throw invalidInput("categoricalSampler(weights)", weights, "a non-empty array of weights");
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw invalidInput(`categoricalSampler(weights)[${i}]`, w, "a finite weight >= 0");
    total += w;
    cumulative[i] = total;
  });
  if (total <= 0) throw invalidInput("categoricalSampler(weights)", weights, "at least one weight > 0");
  const last = weights.length - 1;
  return (rng: Random): number => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Draws one index with probability proportional to `weights` (see
 * {@link categoricalSampler} to draw many times from the same weights).
 *
 * @example
 * ```ts
 * import { createRandom, sampleCategorical } from "crmkit/testing";
 * const i = sampleCategorical(createRandom(6), [1, 1, 2]); // 2 half of the time
 * ```
 */
export function sampleCategorical(rng: Random, weights: readonly number[]): number {
  return categoricalSampler(weights)(rng);
}
