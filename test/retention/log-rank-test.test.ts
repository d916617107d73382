import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { logRankTest } from "../../src/retention/index.js";
import { expectErrorCases } from "../support/expect-error.js";

const maintained = { durations: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], observed: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] };
const nonmaintained = { durations: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], observed: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1] };

describe("logRankTest", () => {
  it("reproduces R survdiff(Surv(time, status) ~ x, data = aml): O 7/11, E 10.69/7.31, chisq 3.4, p = 0.0653", () => {
    const r = logRankTest(maintained, nonmaintained);
    expect(r.observed).toEqual([7, 11]);
    expect(r.expected[0]).toBeCloseTo(10.69, 2);
    expect(r.expected[1]).toBeCloseTo(7.31, 2);
    // (O − E)²/E columns of the R output: 1.27 and 1.86.
    expect((r.observed[0] - r.expected[0]) ** 2 / r.expected[0]).toBeCloseTo(1.27, 2);
    expect((r.observed[1] - r.expected[1]) ** 2 / r.expected[1]).toBeCloseTo(1.86, 2);
    expect(r.statistic).toBeCloseTo(3.4, 1);
    expect(r.degreesOfFreedom).toBe(1);
    expect(r.pValue).toBeCloseTo(0.0653, 4);
    // Symmetric in the groups.
    const swapped = logRankTest(nonmaintained, maintained);
    expect(swapped.statistic).toBeCloseTo(r.statistic, 12);
    expect(swapped.observed).toEqual([11, 7]);
  });

  it("reproduces survdiff(..., rho = 1) (Peto–Peto weights): O 3.85/7.18, E 6.14/4.88, chisq 2.8", () => {
    const r = logRankTest(maintained, nonmaintained, { rho: 1 });
    expect(r.observed[0]).toBeCloseTo(3.85, 2);
    expect(r.observed[1]).toBeCloseTo(7.18, 2);
    expect(r.expected[0]).toBeCloseTo(6.14, 2);
    expect(r.expected[1]).toBeCloseTo(4.88, 2);
    expect((r.observed[1] - r.expected[1]) ** 2 / r.variance).toBeCloseTo(2.78, 2);
    expect(r.rho).toBe(1);
  });

  it("equals the hand-computed statistic on a tiny example", () => {
    // A: events at 1 and 3; B: event at 2, censored at 4. At t=1: n=4 (2 A), d=1 -> E_A = 1/2, V = 1/4.
    // t=2: n=3 (1 A), d=1 -> E_A = 1/3, V = 2/9. t=3: n=2 (1 A), d=1 -> E_A = 1/2, V = 1/4.
    const r = logRankTest({ durations: [1, 3] }, { durations: [2, 4], observed: [1, 0] });
    const e = 1 / 2 + 1 / 3 + 1 / 2;
    const v = 1 / 4 + 2 / 9 + 1 / 4;
    expect(r.expected[0]).toBeCloseTo(e, 14);
    expect(r.variance).toBeCloseTo(v, 14);
    expect(r.statistic).toBeCloseTo((2 - e) ** 2 / v, 14);
  });

  it("gives p-values in [0, 1] and O + E totals that match the events", () => {
    const sample = fc.array(fc.record({ d: fc.integer({ min: 0, max: 30 }), o: fc.boolean() }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ga = { durations: a.map((r) => r.d), observed: a.map((r) => r.o) };
        const gb = { durations: b.map((r) => r.d), observed: b.map((r) => r.o) };
        let r;
        try {
          r = logRankTest(ga, gb);
        } catch (e) {
          expect(isCrmkitError(e, "INSUFFICIENT_DATA")).toBe(true);
          return;
        }
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(r.observed[0] + r.observed[1]).toBeCloseTo(r.expected[0] + r.expected[1], 9);
        expect(r.observed[0]).toBe(a.filter((x) => x.o).length);
      }),
    );
  });

  it("rejects bad input", () => {
    const cases: [() => unknown, string, string][] = [
      [() => logRankTest({ durations: [] }, maintained), "INSUFFICIENT_DATA", "groupA.durations"],
      [() => logRankTest(maintained, { durations: [1, -2] }), "INVALID_INPUT", "groupB.durations[1]"],
      [() => logRankTest(maintained, null as never), "INVALID_INPUT", "groupB"],
      [() => logRankTest(maintained, nonmaintained, { rho: -1 }), "INVALID_INPUT", "options.rho"],
      [() => logRankTest({ durations: [1], observed: [0] }, { durations: [2], observed: [0] }), "INSUFFICIENT_DATA", "variance"],
    ];
    expectErrorCases(cases);
  });
});
