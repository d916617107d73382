import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { log1mExp, log1pExp, logAddExp, logSubExp, logSumExp } from "../../src/math/log-sum-exp.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

describe("logAddExp / logSumExp", () => {
  it("computes log(sum(exp)) exactly on easy cases and without overflow on hard ones", () => {
    expectClose(logAddExp(Math.log(2), Math.log(3)), Math.log(5), 1e-15);
    expect(logAddExp(1000, 1000)).toBe(1000 + Math.LN2);
    expect(logAddExp(-1000, -1000)).toBe(-1000 + Math.LN2);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
    expect(logAddExp(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(logAddExp(Number.POSITIVE_INFINITY, 3)).toBe(Number.POSITIVE_INFINITY);
    expectClose(logSumExp([0, 0, 0, 0]), Math.log(4), 1e-15);
    expect(logSumExp(new Float64Array([-1000, -1000]))).toBe(-1000 + Math.LN2);
    expectClose(logSumExp([1e308, 1e308]), 1e308, 1e-15);
    expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
    expect(logSumExp([Number.NEGATIVE_INFINITY, 5])).toBe(5);
    expect(logSumExp([Number.POSITIVE_INFINITY, 5])).toBe(Number.POSITIVE_INFINITY);
    // log(1 + e^-40) = 4.248354255291589e-18 (mpmath); the sum keeps it
    expectClose(logSumExp([0, -40]), 4.248354255291589e-18, 1e-15);
  });

  it("rejects NaN", () => {
    expectCrmkitError(() => logAddExp(Number.NaN, 1), "INVALID_INPUT", /logAddExp\.a/);
    expectCrmkitError(() => logAddExp(1, Number.NaN), "INVALID_INPUT", /logAddExp\.b/);
    expectCrmkitError(() => logSumExp([1, Number.NaN]), "INVALID_INPUT", /values\[1\]/);
    expectCrmkitError(() => logSumExp([Number.NaN, 1]), "INVALID_INPUT", /values\[0\]/);
    expectCrmkitError(() => logSumExp(undefined as unknown as number[]), "INVALID_INPUT");
  });

  it("property: max <= logSumExp <= max + log(n), symmetric in its arguments", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const max = Math.max(...values);
        const lse = logSumExp(values);
        expect(lse).toBeGreaterThanOrEqual(max);
        expect(lse).toBeLessThanOrEqual(max + Math.log(values.length) + 1e-9);
        expectClose(logSumExp([...values].reverse()), lse, 1e-12);
        const pairwise = values.reduce((acc, v) => logAddExp(acc, v), Number.NEGATIVE_INFINITY);
        expect(Math.abs(pairwise - lse)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(lse)));
      }),
    );
  });
});

describe("log1mExp / log1pExp / logSubExp", () => {
  it("log1mExp is accurate near 0 and far below", () => {
    // log(1 - e^x) ~ log(-x) + x/2 for x -> 0-
    expectClose(log1mExp(-1e-20), Math.log(1e-20), 1e-15);
    expectClose(log1mExp(-1e-300), Math.log(1e-300), 1e-15);
    // mpmath: log(1 - exp(-1e-5)) = -11.512930464966061; log(1-exp(-50)) = -1.9287498479639178e-22
    expectClose(log1mExp(-1e-5), -11.512930464966061, 1e-15);
    expectClose(log1mExp(-50), -1.9287498479639178e-22, 1e-15);
    expectClose(log1mExp(-Math.LN2), -Math.LN2, 1e-15);
    expect(log1mExp(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1mExp(Number.NEGATIVE_INFINITY) === 0).toBe(true);
    expectCrmkitError(() => log1mExp(0.1), "INVALID_INPUT", /log1mExp\.x/);
    expectCrmkitError(() => log1mExp(Number.NaN), "INVALID_INPUT");
  });

  it("log1pExp does not overflow and keeps tiny values", () => {
    expect(log1pExp(0)).toBe(Math.LN2);
    expect(log1pExp(800)).toBe(800);
    expectClose(log1pExp(-40), 4.248354255291589e-18, 1e-15);
    expectClose(log1pExp(-800), Math.exp(-800), 1e-15);
    // mpmath: log(1+e^20) = 20.000000002061153, log(1+e^1) = 1.3132616875182228
    expectClose(log1pExp(20), 20.000000002061153, 1e-16);
    expectClose(log1pExp(1), 1.3132616875182228, 1e-15);
    expect(log1pExp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expectCrmkitError(() => log1pExp(Number.NaN), "INVALID_INPUT", /log1pExp\.x/);
  });

  it("logSubExp", () => {
    expectClose(logSubExp(Math.log(5), Math.log(3)), Math.log(2), 1e-15);
    expectClose(logSubExp(0, -1e-20), Math.log(1e-20), 1e-15);
    expect(logSubExp(2, 2)).toBe(Number.NEGATIVE_INFINITY);
    expect(logSubExp(2, Number.NEGATIVE_INFINITY)).toBe(2);
    expect(logSubExp(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
    expectCrmkitError(() => logSubExp(1, 2), "INVALID_INPUT", /logSubExp\.b.*a >= b/);
    expectCrmkitError(() => logSubExp(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY), "INVALID_INPUT");
    expectCrmkitError(() => logSubExp(Number.NaN, 1), "INVALID_INPUT");
  });

  it("property: logSubExp inverts logAddExp", () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: -320, max: 20, noNaN: true }), (a, shift) => {
        const b = a + shift; // e^b at most e^20 times e^a, so e^a is still resolved in the sum
        const back = logSubExp(logAddExp(a, b), b);
        // the rounding of the sum (relative eps * max(|a|,|b|)) is amplified by 1 + e^(b - a)
        const tolerance = 4e-16 * Math.max(1, Math.abs(a), Math.abs(b)) * (1 + Math.exp(b - a));
        expect(Math.abs(back - a)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });
});
