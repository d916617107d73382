import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreDimension, type DimensionSpec } from "../../src/segmentation/rfm-binning.js";

// R's datasets::mtcars$mpg, the vector the rfm package tests its bins() helper on.
const MPG = [
  21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4,
  15.8, 19.7, 15.0, 21.4,
];

const spec = (over: Partial<DimensionSpec> = {}): DimensionSpec => ({
  dimension: "frequency",
  bins: 5,
  method: "quantile",
  cutPoints: undefined,
  collapsedBins: "skip",
  ...over,
});

const run = (values: number[], over: Partial<DimensionSpec> = {}) => scoreDimension(Float64Array.from(values), spec(over));

describe("scoreDimension: cut points", () => {
  it("reproduces the rfm package's bins(mtcars, mpg, 5) = 16.20, 18.92, 22.00, 25.08 (quantiles + 1)", () => {
    // rsquaredacademy/rfm tests/testthat/test-utils.R
    const { binning } = run(MPG, { method: "rfm-package" });
    expect(MPG).toHaveLength(32);
    [16.2, 18.92, 22.0, 25.08].forEach((c, i) => expect(binning.cutPoints[i]).toBeCloseTo(c, 10));
    expect(binning.closed).toBe("left");
  });

  it("uses the type-7 quintiles themselves by default (numpy.quantile: 15.20, 17.92, 21.00, 24.08)", () => {
    const { binning } = run(MPG);
    [15.2, 17.92, 21.0, 24.08].forEach((c, i) => expect(binning.cutPoints[i]).toBeCloseTo(c, 10));
    expect(binning.closed).toBe("right");
    expect(binning.method).toBe("quantile");
  });
});

describe("scoreDimension: scores", () => {
  it("right-closed quintile bins on 1..10 (cut points 2.8, 4.6, 6.4, 8.2)", () => {
    expect([...run([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).scores]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("the rfm package's +1 convention shifts values down when quantiles are fractional (cut points 3.8, 5.6, 7.4, 9.2, left-closed)", () => {
    // R: score i when lower[i] <= x < upper[i], lower = (min, b), upper = (b, max + 1)
    expect([...run([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { method: "rfm-package" }).scores]).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
  });

  it("the +1 convention equals right-closed bins for whole numbers with whole-number quantiles (1..9 in quartiles)", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const expected = [1, 1, 1, 2, 2, 3, 3, 4, 4];
    expect([...run(values, { bins: 4 }).scores]).toEqual(expected);
    expect([...run(values, { bins: 4, method: "rfm-package" }).scores]).toEqual(expected);
  });

  it("reverses recency: the smallest number of days gets the top score", () => {
    const r = run([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { dimension: "recency" });
    expect([...r.scores]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(r.binning.reversed).toBe(true);
  });

  it("applies custom cut points on the convention's side", () => {
    expect([...run([1, 3, 5, 6], { cutPoints: [3, 5] }).scores]).toEqual([1, 1, 2, 3]);
    expect([...run([1, 3, 5, 6], { cutPoints: [3, 5], method: "rfm-package" }).scores]).toEqual([1, 2, 3, 3]);
    const b = run([1, 3, 5, 6], { cutPoints: [3, 5] }).binning;
    expect(b.method).toBe("custom");
    expect(b.bins).toBe(3);
  });
});

describe("scoreDimension: heavily tied data", () => {
  // pymc-marketing's test_rfm_segmentation_warning data: purchase-day counts 2, 1, 2, 2, 3 (quartiles 2, 2, 2)
  const frequency = [2, 1, 2, 2, 3];

  it("skips empty scores by default, as the rfm package does", () => {
    const r = run(frequency, { bins: 4 });
    expect([...r.scores]).toEqual([1, 1, 1, 1, 4]);
    expect(r.binning.collapsed).toBe(true);
    expect(r.binning.maxScore).toBe(4);
    expect(r.binning.counts).toEqual([4, 0, 0, 1]);
  });

  it("renumbers the remaining bins like pandas qcut(duplicates='drop'): scores do not exceed 2", () => {
    const r = run(frequency, { bins: 4, collapsedBins: "renumber" });
    expect([...r.scores]).toEqual([1, 1, 1, 1, 2]);
    expect(r.binning.maxScore).toBe(2);
    expect(r.binning.collapsed).toBe(true);
  });

  it("renumbers by distinct cut points, not by occupied scores, and merges a cut point equal to the minimum into the first bin", () => {
    // 1,1,1,1,1.2,3,4,5 in quartiles: cut points 1, 1.1, 3.25; pandas bins [1, 1.1], (1.1, 3.25], (3.25, 5]
    expect([...run([1, 1, 1, 1, 1.2, 3, 4, 5], { bins: 4, collapsedBins: "renumber" }).scores]).toEqual([1, 1, 1, 1, 2, 2, 3, 3]);
    // 0 and 10 in quartiles: cut points 2.5, 5, 7.5 all distinct — pandas keeps 4 bins, two of them empty
    expect([...run([0, 10], { bins: 4, collapsedBins: "renumber" }).scores]).toEqual([1, 4]);
  });

  it("gives everyone the same score when all values are equal (recency: the top score, as in R)", () => {
    expect([...run([3, 3, 3]).scores]).toEqual([1, 1, 1]);
    expect([...run([3, 3, 3], { dimension: "recency" }).scores]).toEqual([5, 5, 5]);
    expect([...run([3, 3, 3], { dimension: "recency", collapsedBins: "renumber" }).scores]).toEqual([1, 1, 1]);
  });
});

describe("scoreDimension: properties", () => {
  const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 60 });
  const options = fc.record({
    dimension: fc.constantFrom("recency" as const, "frequency" as const, "monetary" as const),
    bins: fc.integer({ min: 2, max: 9 }),
    method: fc.constantFrom("quantile" as const, "rfm-package" as const),
    collapsedBins: fc.constantFrom("skip" as const, "renumber" as const),
  });

  it("scores lie in 1..maxScore <= bins, counts add up, equal values score equally, and scores are monotone", () => {
    fc.assert(
      fc.property(values, options, (xs, o) => {
        const { scores, binning } = run(xs, o);
        expect(binning.counts.reduce((a, b) => a + b, 0)).toBe(xs.length);
        for (let i = 0; i < xs.length; i++) {
          expect(scores[i]).toBeGreaterThanOrEqual(1);
          expect(scores[i]).toBeLessThanOrEqual(binning.maxScore);
          for (let j = 0; j < xs.length; j++) {
            if (xs[i] === xs[j]) expect(scores[i]).toBe(scores[j]);
            if (xs[i]! < xs[j]!) {
              if (o.dimension === "recency") expect(scores[i]).toBeGreaterThanOrEqual(scores[j]!);
              else expect(scores[i]).toBeLessThanOrEqual(scores[j]!);
            }
          }
        }
        expect(binning.maxScore).toBeLessThanOrEqual(o.bins);
      }),
    );
  });

  it("with distinct values, quantile bins hold near-equal shares", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 10, maxLength: 200 }), fc.integer({ min: 2, max: 9 }), (xs, bins) => {
        const { binning } = run(xs, { bins });
        for (const c of binning.counts) expect(Math.abs(c - xs.length / bins)).toBeLessThanOrEqual(1 + 1e-9);
      }),
    );
  });
});
