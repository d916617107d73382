import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { churnRate, retentionRate } from "../../src/retention/index.js";

describe("retentionRate / churnRate", () => {
  it("is (E − N) / S and its complement", () => {
    // 200 customers at the start, 180 at the end of whom 20 are new: 160 of the 200 stayed.
    expect(retentionRate({ start: 200, end: 180, acquired: 20 })).toBe(0.8);
    expect(churnRate({ start: 200, end: 180, acquired: 20 })).toBe(0.2);
    expect(retentionRate({ start: 10, end: 10, acquired: 0 })).toBe(1);
    expect(churnRate({ start: 10, end: 3, acquired: 3 })).toBe(1);
  });

  it("stays in [0, 1] and sums to 1 for every consistent set of counts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (start, keptRaw, acquired) => {
        const kept = keptRaw % (start + 1);
        const counts = { start, end: kept + acquired, acquired };
        const r = retentionRate(counts);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
        expect(r + churnRate(counts)).toBeCloseTo(1, 12);
      }),
    );
  });

  it("rejects impossible or undefined counts", () => {
    const cases: [unknown, string, string][] = [
      [{ start: 0, end: 5, acquired: 5 }, "INSUFFICIENT_DATA", "start is 0"],
      [{ start: -1, end: 5, acquired: 0 }, "INVALID_INPUT", "start"],
      [{ start: 10, end: Number.NaN, acquired: 0 }, "INVALID_INPUT", "end"],
      [{ start: 10, end: 5, acquired: 6 }, "INVALID_INPUT", "acquired"],
      [{ start: 10, end: 15, acquired: 2 }, "INVALID_INPUT", "end"],
      [null, "INVALID_INPUT", "retentionRate"],
    ];
    for (const [counts, code, text] of cases) {
      for (const fn of [retentionRate, churnRate]) {
        try {
          fn(counts as never);
          expect.unreachable();
        } catch (e) {
          expect(isCrmkitError(e, code as never)).toBe(true);
          expect((e as Error).message).toContain(text === "retentionRate" && fn === churnRate ? "churnRate" : text);
        }
      }
    }
  });
});
