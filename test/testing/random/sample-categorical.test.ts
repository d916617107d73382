import { describe, expect, it } from "vitest";
import { categoricalSampler, createRandom, sampleCategorical } from "../../../src/testing/index.js";
import { draw, expectDiscreteFit } from "../../support/distribution-checks.js";

describe("categoricalSampler / sampleCategorical", () => {
  it("draws each index with probability proportional to its weight; zero weights never", () => {
    const weights = [12, 20, 0, 18, 15, 9, 14, 12];
    const total = weights.reduce((a, b) => a + b, 0);
    const sample = categoricalSampler(weights);
    const rng = createRandom(51);
    const xs = draw(50_000, () => sample(rng));
    expect(xs.includes(2)).toBe(false);
    expectDiscreteFit(xs, (k) => (weights[k] ?? 0) / total, weights.length - 1);
  });

  it("handles a single category and unnormalised weights", () => {
    expect(sampleCategorical(createRandom(1), [5])).toBe(0);
    const rng = createRandom(52);
    const xs = draw(10_000, () => sampleCategorical(rng, [1e-9, 3e-9]));
    expect(xs.filter((x) => x === 1).length / xs.length).toBeCloseTo(0.75, 1);
  });

  it("rejects empty, negative, non-finite and all-zero weights, naming the position", () => {
    expect(() => categoricalSampler([])).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => categoricalSampler([0, 0])).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => categoricalSampler([1, -1])).toThrow(/\[1\]/);
    expect(() => categoricalSampler([1, Number.NaN])).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
