import { expect } from "vitest";
import type { CustomersInput } from "../../src/clv/index.js";

/** What {@link expectConditionalPmfConsistent} needs of a transaction model. */
interface ConditionalCounts {
  conditionalProbabilityOfPurchases(n: number, t: number, customers: CustomersInput): Float64Array;
  conditionalExpectedPurchases(t: number, customers: CustomersInput): Float64Array;
}

/**
 * Sums the conditional PMF P(Y(t) = n | h) of one customer over n < `terms`:
 * expects the sum to be 1 (5 digits) and the mean to be the conditional
 * expectation (1e-3 relative); with `bounds`, also every probability in [0, 1].
 */
export function expectConditionalPmfConsistent(m: ConditionalCounts, t: number, h: CustomersInput, terms: number, bounds = false): void {
  let sum = 0;
  let mean = 0;
  for (let n = 0; n < terms; n++) {
    const p = m.conditionalProbabilityOfPurchases(n, t, h)[0]!;
    if (bounds) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    sum += p;
    mean += n * p;
  }
  expect(sum).toBeCloseTo(1, 5);
  expect(Math.abs(mean - m.conditionalExpectedPurchases(t, h)[0]!)).toBeLessThan(1e-3 * Math.max(1, mean));
}
