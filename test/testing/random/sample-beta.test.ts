import { describe, expect, it } from "vitest";
import { regularizedIncompleteBeta } from "../../../src/math/index.js";
import { createRandom, sampleBeta } from "../../../src/testing/index.js";
import { draw, expectKolmogorovSmirnov, expectMoments } from "../../support/distribution-checks.js";

describe("sampleBeta", () => {
  it.each([
    [0.793, 2.426], // CDNOW's BG/NBD dropout prior
    [2, 5],
    [0.9, 14],
    [0.1, 0.1],
  ])("Beta(%f, %f) has mean a/(a+b) and variance ab/((a+b)²(a+b+1)), within [0, 1]", (a, b) => {
    const rng = createRandom(`beta-${a}-${b}`);
    const xs = draw(60_000, () => sampleBeta(rng, a, b));
    const s = a + b;
    const variance = (a * b) / (s * s * (s + 1));
    // Beta's fourth central moment is at most that of a two-point distribution: bound it by variance.
    expectMoments(xs, a / s, variance, { mu4: variance });
    expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  it("Beta(1, 1) is uniform and Beta(2, 1) has CDF x²", () => {
    const r1 = createRandom(41);
    expectKolmogorovSmirnov(draw(30_000, () => sampleBeta(r1, 1, 1)), (x) => x);
    const r2 = createRandom(42);
    expectKolmogorovSmirnov(draw(30_000, () => sampleBeta(r2, 2, 1)), (x) => x * x);
  });

  it.each([
    [0.793, 2.426],
    [0.9, 14],
    [5, 0.5],
  ])("Beta(%f, %f) follows the beta CDF I_x(a, b) (regularized incomplete beta of crmkit/math)", (a, b) => {
    const rng = createRandom(`beta-cdf-${a}-${b}`);
    const xs = draw(30_000, () => sampleBeta(rng, a, b));
    expectKolmogorovSmirnov(xs, (x) => regularizedIncompleteBeta(x, a, b));
  });

  it("never returns NaN, even for tiny shapes", () => {
    const rng = createRandom(43);
    const xs = draw(10_000, () => sampleBeta(rng, 0.01, 0.01));
    expect(xs.some(Number.isNaN)).toBe(false);
  });

  it("rejects invalid shapes", () => {
    expect(() => sampleBeta(createRandom(1), 0, 1)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => sampleBeta(createRandom(1), 1, -2)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
