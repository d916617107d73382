import { describe, expect, it } from "vitest";
import { numericGradient, numericHessian } from "../../src/math/hessian.js";
import { expectCrmkitError } from "../support/numeric.js";

describe("numericGradient / numericHessian", () => {
  it("match analytic derivatives (f = x² y + y³ + e^x)", () => {
    const f = (p: Float64Array): number => p[0]! ** 2 * p[1]! + p[1]! ** 3 + Math.exp(p[0]!);
    const grad = (p: Float64Array, g: Float64Array): void => {
      g[0] = 2 * p[0]! * p[1]! + Math.exp(p[0]!);
      g[1] = p[0]! ** 2 + 3 * p[1]! ** 2;
    };
    const x = [0.7, -1.3];
    const g = numericGradient(f, x);
    expect(g[0]).toBeCloseTo(2 * 0.7 * -1.3 + Math.exp(0.7), 9);
    expect(g[1]).toBeCloseTo(0.49 + 3 * 1.69, 9);
    const h = numericHessian(grad, x);
    // analytic: [[2y + e^x, 2x], [2x, 6y]]
    expect(h[0]).toBeCloseTo(2 * -1.3 + Math.exp(0.7), 8);
    expect(h[1]).toBeCloseTo(1.4, 8);
    expect(h[2]).toBe(h[1]);
    expect(h[3]).toBeCloseTo(6 * -1.3, 8);
  });

  it("rejects bad input and non-finite values", () => {
    expectCrmkitError(() => numericGradient(() => 1, []), "INVALID_INPUT", /numericGradient\.x/);
    expectCrmkitError(() => numericGradient(() => 1, [Number.NaN]), "INVALID_INPUT", /x\[0\]/);
    expectCrmkitError(() => numericGradient((p) => (p[0]! > 1 ? Number.POSITIVE_INFINITY : 0), [1]), "INVALID_INPUT", /finite values of f/);
    expectCrmkitError(() => numericHessian(() => undefined, []), "INVALID_INPUT", /numericHessian\.x/);
    expectCrmkitError(
      () =>
        numericHessian((_p, g) => {
          g[0] = Number.NaN;
        }, [1]),
      "INVALID_INPUT",
      /finite gradient/,
    );
  });
});
