import { checkPositive } from "./check-parameter.js";
import type { Random } from "./random.js";

/**
 * Draws from the exponential distribution with the given `rate` (mean `1 / rate`),
 * by inversion.
 *
 * @example
 * ```ts
 * import { createRandom, sampleExponential } from "crmkit/testing";
 * const gapInWeeks = sampleExponential(createRandom(1), 0.5); // mean 2 weeks
 * ```
 */
export function sampleExponential(rng: Random, rate: number): number {
  checkPositive("sampleExponential(rate)", rate);
  return -Math.log(rng.next()) / rate;
}
