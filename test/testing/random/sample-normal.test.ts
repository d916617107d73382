import { errorFunction } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { createRandom, sampleNormal } from "../../../src/testing/index.js";
import { draw, expectKolmogorovSmirnov, expectMoments } from "../../support/distribution-checks.js";

describe("sampleNormal", () => {
  it("has the requested mean and standard deviation and the normal CDF", () => {
    const rng = createRandom(12);
    const xs = draw(50_000, () => sampleNormal(rng, 170, 8));
    expectMoments(xs, 170, 64, { mu4: 3 * 64 * 64 });
    expectKolmogorovSmirnov(xs, (x) => 0.5 * (1 + errorFunction((x - 170) / (8 * Math.SQRT2))));
  });

  it("defaults to the standard normal; sd 0 gives the mean", () => {
    const xs = draw(20_000, ((r) => () => sampleNormal(r))(createRandom(13)));
    expectMoments(xs, 0, 1);
    expect(sampleNormal(createRandom(1), 3, 0)).toBe(3);
  });

  it("rejects a non-finite mean or a negative sd", () => {
    expect(() => sampleNormal(createRandom(1), Number.NaN, 1)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => sampleNormal(createRandom(1), 0, -1)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
