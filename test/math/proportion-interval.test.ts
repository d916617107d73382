import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proportionInterval, type ProportionIntervalMethod } from "../../src/math/proportion-interval.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

const Z975 = 1.959963984540054; // R: qnorm(0.975)

describe("proportionInterval", () => {
  it("Clopper–Pearson reproduces R's binom.test(682, 925): 0.7076683 0.7654066", () => {
    const ci = proportionInterval(682, 925, { method: "clopper-pearson" });
    expect(ci.low).toBeCloseTo(0.7076683, 7);
    expect(ci.high).toBeCloseTo(0.7654066, 7);
    expectClose(ci.estimate, 682 / 925, 1e-16);
    // scipy.special.betaincinv(682, 244, 0.025) = 0.707668264079039
    expectClose(ci.low, 0.707668264079039, 1e-14);
    // x = 0: [0, 1 − (α/2)^(1/n)]
    expectClose(proportionInterval(0, 20, { method: "clopper-pearson" }).high, 1 - 0.025 ** (1 / 20), 1e-14);
  });

  it("Wilson and Agresti–Coull match their formulas computed by hand", () => {
    const x = 682;
    const n = 925;
    const p = x / n;
    const z2 = Z975 * Z975;
    const center = (p + z2 / (2 * n)) / (1 + z2 / n);
    const half = (Z975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
    const wilson = proportionInterval(x, n);
    expect(wilson.method).toBe("wilson");
    expectClose(wilson.low, center - half, 1e-14);
    expectClose(wilson.high, center + half, 1e-14);
    const nt = n + z2;
    const pt = (x + z2 / 2) / nt;
    const ac = proportionInterval(x, n, { method: "agresti-coull" });
    expectClose(ac.low, pt - Z975 * Math.sqrt((pt * (1 - pt)) / nt), 1e-14);
    const wald = proportionInterval(x, n, { method: "wald", level: 0.9 });
    expectClose(wald.high, p + 1.6448536269514722 * Math.sqrt((p * (1 - p)) / n), 1e-14);
    expect(wald.level).toBe(0.9);
  });

  it("Wilson at x = 0 is [0, z²/(n + z²)]; Wald collapses to a point (documented)", () => {
    const ci = proportionInterval(0, 20);
    expect(ci.low).toBe(0);
    expectClose(ci.high, (Z975 * Z975) / (20 + Z975 * Z975), 1e-14);
    const all = proportionInterval(20, 20);
    expect(all.high).toBe(1);
    expect(proportionInterval(0, 20, { method: "wald" })).toMatchObject({ low: 0, high: 0 });
  });

  it("rejects bad input", () => {
    expectCrmkitError(() => proportionInterval(5, 0), "INVALID_INPUT", /proportionInterval\.n: expected at least one trial/);
    expectCrmkitError(() => proportionInterval(6, 5), "INVALID_INPUT", /successes: expected an integer <= n \(5\)/);
    expectCrmkitError(() => proportionInterval(-1, 5), "INVALID_INPUT", /successes/);
    expectCrmkitError(() => proportionInterval(1.5, 5), "INVALID_INPUT", /successes/);
    expectCrmkitError(() => proportionInterval(1, Number.NaN), "INVALID_INPUT", /\.n/);
    expectCrmkitError(() => proportionInterval(1, 5, { level: 1 }), "INVALID_INPUT", /level/);
    expectCrmkitError(() => proportionInterval(1, 5, { method: "exact" as ProportionIntervalMethod }), "INVALID_INPUT", /method/);
  });

  it("property: 0 <= low <= estimate <= high <= 1, and a higher level gives a wider interval", () => {
    const methods: ProportionIntervalMethod[] = ["wilson", "wald", "agresti-coull", "clopper-pearson"];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...methods), (n, share, method) => {
        const x = Math.round(share * n);
        const narrow = proportionInterval(x, n, { method, level: 0.8 });
        const wide = proportionInterval(x, n, { method, level: 0.99 });
        for (const ci of [narrow, wide]) {
          expect(ci.low).toBeGreaterThanOrEqual(0);
          expect(ci.high).toBeLessThanOrEqual(1);
          expect(ci.low).toBeLessThanOrEqual(ci.estimate + 1e-15);
          expect(ci.high).toBeGreaterThanOrEqual(ci.estimate - 1e-15);
        }
        expect(wide.low).toBeLessThanOrEqual(narrow.low + 1e-15);
        expect(wide.high).toBeGreaterThanOrEqual(narrow.high - 1e-15);
      }),
    );
  });
});
