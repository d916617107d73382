import { describe, expect, it } from "vitest";
import { holmAdjust } from "../../src/conversion/index.js";
import { expectCrmkitError } from "../support/conversion-fixtures.js";

describe("holmAdjust", () => {
  it("reproduces statsmodels' Holm-corrected pairwise p-values (smokers data)", () => {
    const raw = [0.00533824886503131, 0.8327574849753566, 0.1880573726722516, 0.002026764254350234, 0.1309487516334318, 0.1076118730631731];
    const holm = [0.02669124432515654, 0.8327574849753566, 0.4304474922526926, 0.0121605855261014, 0.4304474922526926, 0.4304474922526926];
    holmAdjust(raw).forEach((p, i) => expect(p).toBeCloseTo(holm[i]!, 12));
  });

  it("by hand: sorted p × (m − rank), made monotone, capped at 1", () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });

  it("bad input", () => {
    expectCrmkitError(() => holmAdjust([0.1, Number.NaN]), "INVALID_INPUT", /pValues\[1\]/);
    expectCrmkitError(() => holmAdjust([1.2]), "INVALID_INPUT");
  });
});
