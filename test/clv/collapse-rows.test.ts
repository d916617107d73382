import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { collapseRows } from "../../src/clv/collapse-rows.js";

describe("collapseRows", () => {
  it("sums the weights of identical rows and keeps first-seen order", () => {
    const r = collapseRows([Float64Array.of(1, 0, 1, 0, 2), Float64Array.of(5, 0, 5, 0, 5)], Float64Array.of(1, 2, 3, 4, 0));
    expect(r.rows).toBe(2);
    expect(Array.from(r.cols[0]!)).toEqual([1, 0]);
    expect(Array.from(r.w)).toEqual([4, 6]);
  });
  it("property: total weight and the multiset of rows are preserved", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 0.5, 1.25, -0)), { minLength: 1, maxLength: 60 }), (rows) => {
        const a = Float64Array.from(rows, (r) => r[0]);
        const b = Float64Array.from(rows, (r) => r[1]);
        const c = collapseRows([a, b], undefined);
        let total = 0;
        c.w.forEach((w) => (total += w));
        expect(total).toBe(rows.length);
        const keys = new Set(rows.map((r) => `${r[0]}|${r[1] === 0 ? 0 : r[1]}`));
        expect(c.rows).toBe(keys.size);
      }),
    );
  });
});
