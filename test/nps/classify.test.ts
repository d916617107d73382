import { describe, expect, it } from "vitest";
import { classifyNps } from "../../src/nps/index.js";
import { isCrmkitError } from "../../src/errors/index.js";

describe("classifyNps (Bain: 9–10 promoters, 7–8 passives, 0–6 detractors)", () => {
  it("classifies every point of the 0–10 scale", () => {
    const expected = ["detractor", "detractor", "detractor", "detractor", "detractor", "detractor", "detractor", "passive", "passive", "promoter", "promoter"];
    for (let s = 0; s <= 10; s++) expect(classifyNps(s)).toBe(expected[s]);
  });

  it.each([-1, 11, 6.5, 9.0001, Number.NaN, Infinity, -0.5])("rejects %s with INVALID_INPUT naming the field", (bad) => {
    try {
      classifyNps(bad);
      expect.unreachable();
    } catch (e) {
      expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
      expect((e as Error).message).toMatch(/^score: expected an integer NPS answer from 0 to 10/);
    }
  });

  it("rejects non-numbers and uses the given field name", () => {
    expect(() => classifyNps("9" as unknown as number, "answers[3]")).toThrow(/answers\[3\]: expected an integer NPS answer/);
    expect(() => classifyNps(null as unknown as number)).toThrow(/got null/);
  });
});
