import { describe, expect, it } from "vitest";
import { checkAnswer, checkScale } from "../../src/nps/survey-scale.js";
import { response } from "./helpers.js";

describe("survey scales", () => {
  it("defaults to the model's scales (CSAT 1–5, CES 1–7) and validates custom ones", () => {
    expect(checkScale(undefined, "csat", "s")).toEqual({ min: 1, max: 5 });
    expect(checkScale(undefined, "ces", "s")).toEqual({ min: 1, max: 7 });
    expect(checkScale({ min: 0, max: 10 }, "csat", "s")).toEqual({ min: 0, max: 10 });
    for (const bad of [null, { min: 1 }, { min: 1, max: 1 }, { min: 1.5, max: 5 }, "1-5"]) {
      expect(() => checkScale(bad, "csat", "s")).toThrow(/^s: expected a scale \{ min, max \} of integers with max > min/);
    }
  });

  it("checks answers and declared record scales against the analysis scale", () => {
    const scale = { min: 1, max: 5 };
    expect(() => checkAnswer(5, scale, "xs", 0, undefined, "csat")).not.toThrow();
    expect(() => checkAnswer(6, scale, "xs", 2, undefined, "csat")).toThrow(/^xs\[2\]: expected an integer CSAT answer from 1 to 5, got 6/);
    const onSeven = response("r", 4, "2024-01-01T00:00:00Z", { kind: "ces", scale: { min: 1, max: 7 } });
    expect(() => checkAnswer(4, scale, "xs", 1, onSeven, "ces")).toThrow(/^xs\[1\]\.scale: expected the scale of this analysis, 1–5/);
    const undeclared = response("r", 4, "2024-01-01T00:00:00Z", { kind: "ces" }); // CES default 1–7
    expect(() => checkAnswer(4, { min: 1, max: 7 }, "xs", 1, undeclared, "ces")).not.toThrow();
  });
});
