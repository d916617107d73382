import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../../src/errors/index.js";
import { createRandom, sampleExponential } from "../../../src/testing/index.js";
import { draw, expectKolmogorovSmirnov, expectMoments } from "../../support/distribution-checks.js";

describe("sampleExponential", () => {
  it("has mean 1/rate, variance 1/rate² and the exponential CDF", () => {
    const rng = createRandom(11);
    const rate = 0.25;
    const xs = draw(50_000, () => sampleExponential(rng, rate));
    // Exponential: mu4 = 9 / rate^4.
    expectMoments(xs, 1 / rate, 1 / rate ** 2, { mu4: 9 / rate ** 4 });
    expectKolmogorovSmirnov(xs, (x) => 1 - Math.exp(-rate * x));
    expect(Math.min(...xs)).toBeGreaterThan(0);
  });

  it("rejects a rate that is not a finite positive number", () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => sampleExponential(createRandom(1), rate)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    }
    try {
      sampleExponential(createRandom(1), 0);
    } catch (e) {
      expect(isCrmkitError(e) && e.message).toContain("sampleExponential(rate)");
    }
  });
});
