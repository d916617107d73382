import { invalidInput } from "../../errors/invalid-input.js";
import type { Random } from "./random.js";

/**
 * Draws from the normal distribution N(mean, sd²) by the Box–Muller transform (one
 * variate per two uniforms; the generator keeps no hidden state).
 *
 * @example
 * ```ts
 * import { createRandom, sampleNormal } from "crmkit/testing";
 * const height = sampleNormal(createRandom(1), 170, 8);
 * ```
 */
export function sampleNormal(rng: Random, mean = 0, sd = 1): number {
  if (!Number.isFinite(mean)) throw invalidInput("sampleNormal(mean)", mean, "a finite number");
  if (!Number.isFinite(sd) || sd < 0) throw invalidInput("sampleNormal(sd)", sd, "a finite number >= 0");
  return mean + sd * standardNormal(rng);
}

/** A standard normal variate (Box–Muller, cosine branch). @internal */
export function standardNormal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(2 * Math.PI * rng.next());
}
