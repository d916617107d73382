import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/retention/index.js";
import { expectErrorCases } from "../support/expect-error.js";

// R's `aml` data (survival package): weeks to relapse of acute myelogenous leukaemia,
// status 1 = relapse observed, 0 = censored.
const maintained = { durations: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], observed: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] };
const nonmaintained = { durations: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], observed: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1] };

/** Asserts `actual` equals a value printed with `decimals` decimals (within half a unit of the last digit). */
function printed(actual: number, value: number, decimals: number): void {
  expect(Math.abs(actual - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

function decimals(s: string): number {
  return s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
}

/** Checks rows "time n.risk n.event survival std.err lower upper" as printed by R's summary(survfit(...)). */
function checkAgainstR(km: ReturnType<typeof kaplanMeier>, table: string): void {
  for (const line of table.trim().split("\n")) {
    const [time, nRisk, nEvent, surv, se, lower, upper] = line.trim().split(/\s+/) as [string, string, string, string, string, string, string];
    const i = km.times.indexOf(Number(time));
    expect(i, `time ${time}`).toBeGreaterThanOrEqual(0);
    expect(km.atRisk[i]).toBe(Number(nRisk));
    expect(km.events[i]).toBe(Number(nEvent));
    printed(km.survival[i]!, Number(surv), decimals(surv));
    if (se === "NaN") {
      expect(km.standardError[i]).toBeNaN();
      expect(km.lower[i]).toBeNaN();
      expect(km.upper[i]).toBeNaN();
      continue;
    }
    printed(km.standardError[i]!, Number(se), decimals(se));
    printed(km.lower[i]!, Number(lower), decimals(lower));
    printed(km.upper[i]!, Number(upper), decimals(upper));
  }
}

describe("kaplanMeier against R survival::survfit on the aml data", () => {
  // summary(survfit(Surv(time, status) ~ x, data = aml)), R's default conf.type = "log",
  // as printed in published R output (survival 3.x).
  it("reproduces survival, Greenwood standard errors and log intervals (Maintained)", () => {
    const km = kaplanMeier(maintained.durations, maintained.observed, { confidenceType: "log" });
    checkAgainstR(
      km,
      `
       9     11       1    0.909  0.0867       0.7541        1.000
      13     10       1    0.818  0.1163       0.6192        1.000
      18      8       1    0.716  0.1397       0.4884        1.000
      23      7       1    0.614  0.1526       0.3769        0.999
      31      5       1    0.491  0.1642       0.2549        0.946
      34      4       1    0.368  0.1627       0.1549        0.875
      48      2       1    0.184  0.1535       0.0359        0.944`,
    );
  });

  it("reproduces survival, Greenwood standard errors and log intervals (Nonmaintained), NA after S = 0", () => {
    const km = kaplanMeier(nonmaintained.durations, nonmaintained.observed, { confidenceType: "log" });
    checkAgainstR(
      km,
      `
       5     12       2   0.8333  0.1076       0.6470        1.000
       8     10       2   0.6667  0.1361       0.4468        0.995
      12      8       1   0.5833  0.1423       0.3616        0.941
      23      6       1   0.4861  0.1481       0.2675        0.883
      27      5       1   0.3889  0.1470       0.1854        0.816
      30      4       1   0.2917  0.1387       0.1148        0.741
      33      3       1   0.1944  0.1219       0.0569        0.664
      43      2       1   0.0972  0.0919       0.0153        0.620
      45      1       1   0.0000     NaN           NA           NA`,
    );
  });

  it("reproduces R's median survival and its interval (print(survfit(...)): 31 (18, NA) and 23 (8, NA))", () => {
    const a = kaplanMeier(maintained.durations, maintained.observed, { confidenceType: "log" });
    const b = kaplanMeier(nonmaintained.durations, nonmaintained.observed, { confidenceType: "log" });
    expect(a.median).toEqual({ time: 31, lower: 18, upper: null });
    expect(b.median).toEqual({ time: 23, lower: 8, upper: null });
    expect([a.subjects, a.totalEvents, b.subjects, b.totalEvents]).toEqual([11, 7, 12, 11]);
  });

  it("uses R's midpoint rule when the curve is flat at exactly 0.5 (survfit(Surv(time) ~ x): 28.0 (18, NA) and 19.5 (8, NA))", () => {
    const a = kaplanMeier(maintained.durations, undefined, { confidenceType: "log" });
    const b = kaplanMeier(nonmaintained.durations, undefined, { confidenceType: "log" });
    expect(a.median).toEqual({ time: 28, lower: 18, upper: null });
    expect(b.median).toEqual({ time: 19.5, lower: 8, upper: null });
  });

  it("builds log-log intervals as S^exp(±z σ / log S) from the same Greenwood variance (hand-computed)", () => {
    const km = kaplanMeier(maintained.durations, maintained.observed); // log-log is the default
    expect(km.confidenceType).toBe("log-log");
    // At t = 31: S = (10/11)(9/10)(7/8)(6/7)(4/5); Greenwood Σ d/(n(n−d)) over n = 11, 10, 8, 7, 5.
    const s = (10 / 11) * (9 / 10) * (7 / 8) * (6 / 7) * (4 / 5);
    const sigma = Math.sqrt(1 / (11 * 10) + 1 / (10 * 9) + 1 / (8 * 7) + 1 / (7 * 6) + 1 / (5 * 4));
    const z = 1.959963984540054;
    const i = km.times.indexOf(31);
    expect(km.survival[i]).toBeCloseTo(s, 14);
    expect(km.standardError[i]).toBeCloseTo(s * sigma, 14);
    expect(km.lower[i]).toBeCloseTo(s ** Math.exp((z * sigma) / -Math.log(s)), 8);
    expect(km.upper[i]).toBeCloseTo(s ** Math.exp((-z * sigma) / -Math.log(s)), 8);
    // The interval is inside (0, 1) and contains S.
    expect(km.lower[i]!).toBeLessThan(s);
    expect(km.upper[i]!).toBeGreaterThan(s);
  });

  it("evaluates the step function, quantiles, the at-risk table and the restricted mean", () => {
    const km = kaplanMeier(maintained.durations, maintained.observed);
    expect(km.survivalAt(0)).toBe(1);
    expect(km.survivalAt(8.99)).toBe(1);
    expect(km.survivalAt(9)).toBeCloseTo(10 / 11, 15);
    expect(km.survivalAt(12.99)).toBeCloseTo(10 / 11, 15);
    expect(km.survivalAt(1000)).toBeCloseTo(km.survival[km.survival.length - 1]!, 15);
    expect(km.atRiskTable([0, 13, 100])).toEqual([
      { time: 0, atRisk: 11, events: 0, censored: 0 },
      { time: 13, atRisk: 10, events: 2, censored: 1 },
      { time: 100, atRisk: 1, events: 7, censored: 3 },
    ]);
    expect(km.quantile(0.25).time).toBe(18); // S first <= 0.75 at 18
    // Restricted mean of 1, 2, 3 (all observed) to 3 is their mean; beyond the last event the curve is 0.
    const small = kaplanMeier([1, 2, 3]);
    expect(small.restrictedMean(3)).toBeCloseTo(2, 15);
    expect(small.restrictedMean(10)).toBeCloseTo(2, 15);
    expect(small.restrictedMean(1.5)).toBeCloseTo(1 + 0.5 * (2 / 3), 15);
  });

  it("is the empirical survival function without censoring, and weights equal repeated rows", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 31 }), (ds, t) => {
        const km = kaplanMeier(ds);
        expect(km.survivalAt(t)).toBeCloseTo(ds.filter((x) => x > t).length / ds.length, 12);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.integer({ min: 0, max: 20 }), o: fc.boolean(), w: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 40 }),
        (rows) => {
          const weighted = kaplanMeier(
            rows.map((r) => r.d),
            rows.map((r) => r.o),
            { weights: rows.map((r) => r.w) },
          );
          const expanded = rows.flatMap((r) => Array.from({ length: r.w }, () => r));
          const plain = kaplanMeier(
            expanded.map((r) => r.d),
            expanded.map((r) => r.o),
          );
          expect(Array.from(weighted.times)).toEqual(Array.from(plain.times));
          for (let i = 0; i < plain.times.length; i++) {
            expect(weighted.survival[i]).toBeCloseTo(plain.survival[i]!, 12);
            expect(weighted.atRisk[i]).toBeCloseTo(plain.atRisk[i]!, 12);
          }
        },
      ),
    );
  });

  it("keeps survival non-increasing in [0, 1] with the intervals around it, for every interval type", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.double({ min: 0, max: 100, noNaN: true }), o: fc.boolean() }), { minLength: 1, maxLength: 80 }),
        fc.constantFrom("log-log", "log", "plain") as fc.Arbitrary<"log-log" | "log" | "plain">,
        (rows, confidenceType) => {
          const km = kaplanMeier(
            rows.map((r) => r.d),
            rows.map((r) => r.o),
            { confidenceType },
          );
          let prev = 1;
          for (let i = 0; i < km.times.length; i++) {
            const s = km.survival[i]!;
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(prev);
            prev = s;
            if (s > 0) {
              expect(km.lower[i]!).toBeGreaterThanOrEqual(0);
              expect(km.lower[i]!).toBeLessThanOrEqual(s + 1e-12);
              expect(km.upper[i]!).toBeGreaterThanOrEqual(s - 1e-12);
              expect(km.upper[i]!).toBeLessThanOrEqual(1);
            } else {
              expect(km.lower[i]).toBeNaN();
            }
            if (i > 0) expect(km.times[i]!).toBeGreaterThan(km.times[i - 1]!);
          }
          if (km.median.time !== null && km.median.lower !== null) expect(km.median.lower).toBeLessThanOrEqual(km.median.time);
          if (km.median.time !== null && km.median.upper !== null) expect(km.median.upper).toBeGreaterThanOrEqual(km.median.time);
        },
      ),
    );
  });

  it("rejects bad input with INVALID_INPUT or INSUFFICIENT_DATA naming the field", () => {
    const cases: [() => unknown, string, string][] = [
      [() => kaplanMeier([]), "INSUFFICIENT_DATA", "durations is empty"],
      [() => kaplanMeier([3, -1]), "INVALID_INPUT", "durations[1]"],
      [() => kaplanMeier([3, Number.NaN]), "INVALID_INPUT", "durations[1]"],
      [() => kaplanMeier([3, Number.POSITIVE_INFINITY]), "INVALID_INPUT", "durations[1]"],
      [() => kaplanMeier("abc" as never), "INVALID_INPUT", "durations"],
      [() => kaplanMeier([1, 2], [1]), "INVALID_INPUT", "observed"],
      [() => kaplanMeier([1, 2], [1, 2]), "INVALID_INPUT", "observed[1]"],
      [() => kaplanMeier([1, 2], [1, 0], { weights: [1, 0] }), "INVALID_INPUT", "weights[1]"],
      [() => kaplanMeier([1, 2], [1, 0], { weights: [1] }), "INVALID_INPUT", "weights"],
      [() => kaplanMeier([1, 2], [1, 0], { level: 1 }), "INVALID_INPUT", "options.level"],
      [() => kaplanMeier([1, 2], [1, 0], { confidenceType: "arcsine" as never }), "INVALID_INPUT", "options.confidenceType"],
      [() => kaplanMeier([1, 2]).quantile(1), "INVALID_INPUT", "p"],
      [() => kaplanMeier([1, 2]).survivalAt(Number.NaN), "INVALID_INPUT", "t"],
      [() => kaplanMeier([1, 2]).atRiskTable([Number.NaN]), "INVALID_INPUT", "times[0]"],
      [() => kaplanMeier([1, 2]).restrictedMean(-1), "INVALID_INPUT", "horizon"],
    ];
    expectErrorCases(cases);
  });
});
