import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rocAuc } from "../../src/conversion/index.js";
import { expectCrmkitError } from "../support/conversion-fixtures.js";

/** The definition: share of (positive, negative) pairs ordered correctly, ties one half. O(n²). */
function pairwise(scores: number[], labels: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < scores.length; i++)
    for (let j = 0; j < scores.length; j++) {
      if (labels[i] !== 1 || labels[j] !== 0) continue;
      den++;
      num += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  return num / den;
}

describe("rocAuc", () => {
  it("by hand", () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([1, 2, 3], [0, 1, 1])).toBe(1);
    expect(rocAuc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(rocAuc([3, 2, 1], [true, false, false])).toBe(1);
  });

  it("property: equals the pairwise definition, with ties", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 40 }), (rows) => {
        const labels = rows.map((r) => r[1]);
        fc.pre(labels.includes(0) && labels.includes(1));
        const scores = rows.map((r) => r[0]);
        expect(rocAuc(scores, labels)).toBeCloseTo(pairwise(scores, labels), 12);
      }),
    );
  });

  it("bad input", () => {
    expectCrmkitError(() => rocAuc([1, 2], [1, 1]), "INSUFFICIENT_DATA", /both outcomes/);
    expectCrmkitError(() => rocAuc([1, 2], [1]), "INVALID_INPUT", /labels/);
    expectCrmkitError(() => rocAuc([1, Number.NaN], [0, 1]), "INVALID_INPUT", /scores\[1\]/);
    expectCrmkitError(() => rocAuc([1, 2], [0, 2]), "INVALID_INPUT", /labels\[1\]/);
  });
});
