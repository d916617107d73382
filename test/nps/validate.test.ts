import { describe, expect, it } from "vitest";
import { checkLevel, checkNumberAtLeast, checkOptionalDate, checkThresholds, optionsObject, precisionWarnings } from "../../src/nps/validate.js";
import type { SurveyInterval } from "../../src/nps/index.js";

const ci = (low: number, high: number): SurveyInterval => ({ low, high, level: 0.95, method: "wald", estimate: (low + high) / 2, standardError: (high - low) / 3.92 });

describe("validation helpers", () => {
  it("checks options, levels, numbers and dates", () => {
    expect(optionsObject(undefined, "o")).toEqual({});
    expect(() => optionsObject([] as unknown as object, "o")).toThrow(/^o: expected an options object/);
    expect(checkLevel(undefined, "l")).toBe(0.95);
    expect(checkLevel(0.9, "l")).toBe(0.9);
    expect(() => checkLevel("0.9", "l")).toThrow(/^l: expected a confidence level/);
    expect(checkNumberAtLeast(undefined, "x", 0, 7)).toBe(7);
    expect(() => checkNumberAtLeast(Infinity, "x", 0, 7)).toThrow(/^x: expected a number >= 0, got Infinity/);
    expect(checkOptionalDate(new Date(3), "d", 0)).toBe(3);
    expect(checkOptionalDate(undefined, "d", -1)).toBe(-1);
    expect(() => checkOptionalDate(3, "d", 0)).toThrow(/^d: expected a valid Date, got 3/);
    expect(checkThresholds({}, "o", 20)).toEqual({ minSampleSize: 30, maxIntervalWidth: 20 });
  });

  it("writes warnings only when they apply", () => {
    const thresholds = { minSampleSize: 30, maxIntervalWidth: 20 };
    expect(precisionWarnings(30, ci(10, 30), thresholds, "points")).toEqual([]);
    const w = precisionWarnings(29, ci(10, 30.5), thresholds, "points");
    expect(w.map((x) => x.code)).toEqual(["SMALL_SAMPLE", "WIDE_INTERVAL"]);
    expect(w[1]!.message).toBe("the 95% confidence interval spans 20.5 points (more than 20): the true value could be anywhere from 10.0 to 30.5");
    expect(precisionWarnings(1, ci(5, 5), thresholds, "points").map((x) => x.code)).toEqual(["SMALL_SAMPLE", "DEGENERATE_INTERVAL"]);
    expect(precisionWarnings(1, ci(5, 5), thresholds, "points")[0]!.message).toBe("only 1 response (fewer than 30): the estimate is imprecise");
  });
});
