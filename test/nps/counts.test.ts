import { describe, expect, it } from "vitest";
import { checkNpsCounts } from "../../src/nps/counts.js";
import { isCrmkitError } from "../../src/errors/index.js";

describe("checkNpsCounts", () => {
  it("returns the total of valid counts", () => {
    expect(checkNpsCounts({ promoters: 3, passives: 0, detractors: 2 }, "c")).toBe(5);
  });

  it.each([
    [null, /c: expected an object/],
    [{ promoters: -1, passives: 0, detractors: 1 }, /c\.promoters: expected a non-negative integer count, got -1/],
    [{ promoters: 1, passives: 0.5, detractors: 1 }, /c\.passives: expected a non-negative integer count, got 0\.5/],
    [{ promoters: 1, passives: 0, detractors: Number.NaN }, /c\.detractors: .* got NaN/],
    [{ promoters: 1, passives: 0 }, /c\.detractors: .* got undefined/],
  ])("rejects %j", (bad, message) => {
    expect(() => checkNpsCounts(bad, "c")).toThrow(message);
  });

  it("reports zero responses as INSUFFICIENT_DATA", () => {
    try {
      checkNpsCounts({ promoters: 0, passives: 0, detractors: 0 }, "c");
      expect.unreachable();
    } catch (e) {
      expect(isCrmkitError(e, "INSUFFICIENT_DATA")).toBe(true);
    }
  });
});
