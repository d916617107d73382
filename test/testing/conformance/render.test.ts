import { describe, expect, it } from "vitest";
import { firstDifference, kindOf, render } from "../../../src/testing/conformance/render.js";

describe("firstDifference", () => {
  it("is null for equal values, treating undefined properties as absent and 0 as -0", () => {
    const d = new Date("2024-01-01T00:00:00Z");
    expect(firstDifference({ a: [1, { b: new Date(d) }], c: undefined }, { a: [1, { b: new Date(d) }] })).toBeNull();
    expect(firstDifference(0, -0)).toBeNull();
    expect(firstDifference(Number.NaN, Number.NaN)).toBeNull();
  });

  it("names the path and both values with their kinds; a Date never equals its ISO string", () => {
    expect(firstDifference({ t: new Date("2024-01-01T00:00:00Z") }, { t: "2024-01-01T00:00:00.000Z" })).toBe(
      'at t: expected Date(2024-01-01T00:00:00.000Z) (a Date), got "2024-01-01T00:00:00.000Z" (a string)',
    );
    expect(firstDifference({ amount: { amount: 0.1 } }, { amount: { amount: "0.1" } })).toBe('at amount.amount: expected 0.1 (a number), got "0.1" (a string)');
    expect(firstDifference({ tags: ["a", "b"] }, { tags: ["a"] })).toContain("at tags: expected an array of 2");
    expect(firstDifference({ e: [{ x: 1 }] }, { e: [{ x: 2 }] })).toBe("at e[0].x: expected 1 (a number), got 2 (a number)");
    expect(firstDifference({ a: 1 }, { a: 1, b: null })).toBe("at b: expected no such property, got null (null)");
    expect(firstDifference({ a: 1, b: 2 }, { a: 1 })).toBe("at b: expected 2 (a number), got nothing (the property is missing)");
    expect(firstDifference({ "odd key": 1 }, { "odd key": 2 })).toContain('at "odd key"');
    expect(firstDifference([1], { 0: 1 })).toContain("(an array), got");
    expect(firstDifference(null, {})).toContain("expected null (null), got {  } (an object)");
  });
});

describe("render and kindOf", () => {
  it("renders what JSON hides and truncates", () => {
    expect(render({ d: new Date(0), u: undefined, n: Number.NaN, z: -0, s: "x" })).toBe('{ d: Date(1970-01-01T00:00:00.000Z), u: undefined, n: NaN, z: -0, s: "x" }');
    expect(render(new Date(Number.NaN))).toBe("Date(Invalid)");
    expect(render("x".repeat(500), 20)).toHaveLength(20);
    expect(render(new TypeError("boom"))).toBe("TypeError: boom");
    expect(kindOf([])).toBe("an array");
    expect(kindOf(new Date())).toBe("a Date");
    expect(kindOf("s")).toBe("a string");
  });
});
