import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { log1pmx } from "../../src/math/log1pmx.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

describe("log1pmx", () => {
  it("matches mpmath (log1p(x) − x at 40 digits), including where the terms cancel", () => {
    const cases: ReadonlyArray<readonly [number, number]> = [
      [1e-10, -4.999999999666667e-21],
      [0.3, -0.03763573553250894],
      [-0.4, -0.1108256237659907],
      [-0.5, -0.19314718055994531],
      [0.5, -0.09453489189183562],
      [-0.999, -5.908755278982136],
      [1e10, -9999999976.97415],
    ];
    for (const [x, expected] of cases) expectClose(log1pmx(x), expected, 3e-16, `log1pmx(${x})`);
    expect(log1pmx(0)).toBe(0);
  });

  it("rejects x <= -1 and NaN", () => {
    expectCrmkitError(() => log1pmx(-1), "INVALID_INPUT", /log1pmx\.x: expected a number > -1/);
    expectCrmkitError(() => log1pmx(Number.NaN), "INVALID_INPUT");
  });

  it("property: agrees with the direct formula where that does not cancel, and is <= 0", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.99, max: 100, noNaN: true }), (x) => {
        const value = log1pmx(x);
        expect(value).toBeLessThanOrEqual(0);
        if (Math.abs(x) > 0.1) expect(Math.abs(value - (Math.log1p(x) - x))).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(x)));
      }),
    );
  });
});
