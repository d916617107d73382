import { describe, expect, it } from "vitest";
import { createRandom, samplePoisson } from "../../../src/testing/index.js";
import { draw, expectDiscreteFit, expectMoments } from "../../support/distribution-checks.js";

/** Poisson pmf by the recurrence p(k) = p(k − 1)·m/k in log space. */
function poissonPmf(mean: number): (k: number) => number {
  return (k) => {
    let log = -mean;
    for (let j = 1; j <= k; j++) log += Math.log(mean / j);
    return Math.exp(log);
  };
}

describe("samplePoisson", () => {
  it.each([0.5, 3.2, 9.99, 10, 47.3, 1000])("Poisson(%f): mean = variance = m, and the pmf fits", (m) => {
    const rng = createRandom(`poisson-${m}`);
    const xs = draw(40_000, () => samplePoisson(rng, m));
    // Poisson: mu4 = m(1 + 3m).
    expectMoments(xs, m, m, { mu4: m * (1 + 3 * m) });
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expectDiscreteFit(xs, poissonPmf(m), Math.ceil(m + 8 * Math.sqrt(m) + 10));
  });

  it("returns 0 for mean 0", () => {
    expect(samplePoisson(createRandom(1), 0)).toBe(0);
  });

  it("rejects a negative or non-finite mean", () => {
    for (const m of [-0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => samplePoisson(createRandom(1), m)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    }
  });
});
