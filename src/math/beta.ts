// Stand-in until the math module lands on main (same contract as /work/math-api.md).
import { lgamma } from "./gamma.js";

/** log B(a, b). */
export function logBeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** B(a, b). */
export function betaFn(a: number, b: number): number {
  return Math.exp(logBeta(a, b));
}
