import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fisherExactTest } from "../../src/math/fisher-exact.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

describe("fisherExactTest", () => {
  it("R's TeaTasting example: p = 0.4857 two-sided; 'greater': p = 0.2429, odds ratio 6.408309, CI from 0.3135693", () => {
    const tea = [
      [3, 1],
      [1, 3],
    ];
    // exact: the tables at least as extreme are k = 0, 1, 3, 4 of C(4,k)^2/70: (1 + 16 + 16 + 1)/70
    expectClose(fisherExactTest(tea).pValue, 34 / 70, 1e-14);
    expect(fisherExactTest(tea).pValue).toBeCloseTo(0.4857, 4);
    const greater = fisherExactTest(tea, { alternative: "greater" });
    expectClose(greater.pValue, 17 / 70, 1e-14);
    expect(greater.oddsRatio).toBeCloseTo(6.408309, 4); // R stops its root search at ~1e-5
    expect(greater.ci.low).toBeCloseTo(0.3135693, 5);
    expect(greater.ci.high).toBe(Number.POSITIVE_INFINITY);
    // scipy 1.17 contingency.odds_ratio(kind="conditional"): full-precision roots
    expectClose(greater.oddsRatio, 6.408319658199662, 1e-10);
    expectClose(greater.ci.low, 0.3135737675049858, 1e-9);
    expect(greater.sampleOddsRatio).toBe(9);
  });

  it("R's Convictions example (alternative 'less'): p = 0.0004652, odds ratio 0.04693661, CI to 0.2849601", () => {
    // matrix(c(2, 10, 15, 3), nrow = 2) is column-major: [[2, 15], [10, 3]]
    const result = fisherExactTest(
      [
        [2, 15],
        [10, 3],
      ],
      { alternative: "less" },
    );
    expect(result.pValue).toBeCloseTo(0.0004652, 7);
    expect(result.oddsRatio).toBeCloseTo(0.04693661, 6);
    expect(result.ci.low).toBe(0);
    expect(result.ci.high).toBeCloseTo(0.2849601, 5); // R's uniroot tolerance; scipy: 0.28495954561971487
    expectClose(result.ci.high, 0.28495954561971487, 1e-9);
    expectClose(result.pValue, 0.00046518094336290503, 1e-12); // scipy.stats.fisher_exact
  });

  it("matches scipy 1.17 (fisher_exact, odds_ratio conditional) on larger and degenerate tables", () => {
    const big = fisherExactTest([
      [100, 80],
      [60, 120],
    ]);
    expectClose(big.pValue, 3.280428354409008e-5, 1e-11);
    expectClose(big.oddsRatio, 2.4934297540844694, 1e-10);
    expectClose(big.ci.low, 1.595427668875864, 1e-9);
    expectClose(big.ci.high, 3.9220174299432573, 1e-9);
    const table = [
      [12, 5],
      [3, 14],
    ];
    expectClose(fisherExactTest(table).pValue, 0.0048957925729217495, 1e-12);
    expectClose(fisherExactTest(table, { alternative: "greater" }).pValue, 0.002447896286460875, 1e-12);
    const perfect = fisherExactTest([
      [10, 0],
      [0, 10],
    ]);
    expectClose(perfect.pValue, 1.082508822446903e-5, 1e-12);
    expect(perfect.oddsRatio).toBe(Number.POSITIVE_INFINITY);
    expectClose(perfect.ci.low, 11.135840592560513, 1e-9);
    const zero = fisherExactTest([
      [0, 5],
      [5, 0],
    ]);
    expect(zero.oddsRatio).toBe(0);
    expectClose(zero.ci.high, 0.43534120574505614, 1e-9);
    // an empty margin: no information about the odds ratio
    const empty = fisherExactTest([
      [1, 0],
      [0, 0],
    ]);
    expect(empty.pValue).toBe(1);
    expect(empty.oddsRatio).toBeNaN();
    expect(empty.ci).toMatchObject({ low: 0, high: Number.POSITIVE_INFINITY });
  });

  it("handles tables with large counts", () => {
    const result = fisherExactTest([
      [50_000, 49_000],
      [48_000, 51_000],
    ]);
    expect(result.pValue).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(1e-10);
    expect(result.oddsRatio).toBeCloseTo(result.sampleOddsRatio, 3);
  });

  it("rejects bad input", () => {
    expectCrmkitError(() => fisherExactTest([[1, 2]]), "INVALID_INPUT", /2x2 table/);
    expectCrmkitError(() => fisherExactTest([[1, 2, 3], [1, 2, 3]]), "INVALID_INPUT", /2x2 table/);
    expectCrmkitError(() => fisherExactTest([[1, -2], [1, 2]]), "INVALID_INPUT", /table\[0\]\[1\]/);
    expectCrmkitError(() => fisherExactTest([[1, 2], [1.5, 2]]), "INVALID_INPUT", /table\[1\]\[0\]/);
    expectCrmkitError(() => fisherExactTest([[1, 2], [1, Number.NaN]]), "INVALID_INPUT");
    expectCrmkitError(() => fisherExactTest([[1, 2], [3, 4]], { alternative: "both" as "less" }), "INVALID_INPUT", /alternative/);
    expectCrmkitError(() => fisherExactTest([[1, 2], [3, 4]], { level: 0 }), "INVALID_INPUT", /level/);
  });

  it("property: p-values in [0, 1], one-sided p-values sum to 1 + P(X = a), the CI contains the estimate", () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30)), ([a, b, c, d]) => {
        const table = [
          [a, b],
          [c, d],
        ];
        const two = fisherExactTest(table);
        const less = fisherExactTest(table, { alternative: "less" });
        const greater = fisherExactTest(table, { alternative: "greater" });
        for (const r of [two, less, greater]) {
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
        }
        expect(less.pValue + greater.pValue).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(two.pValue).toBeGreaterThanOrEqual(Math.min(less.pValue, greater.pValue) - 1e-12);
        if (!Number.isNaN(two.oddsRatio)) {
          expect(two.ci.low).toBeLessThanOrEqual(two.oddsRatio * (1 + 1e-9));
          expect(two.ci.high).toBeGreaterThanOrEqual(two.oddsRatio * (1 - 1e-9));
        }
      }),
      { numRuns: 60 },
    );
  });
});
