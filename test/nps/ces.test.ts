import { describe, expect, it } from "vitest";
import { cesScore } from "../../src/nps/index.js";
import { response, stream } from "./helpers.js";
import { expectError } from "../support/expect-error.js";

// Student-t quantiles from standard tables (R: qt(0.975, df)).
const T975_4 = 2.7764451051977987;
const T975_9 = 2.2621571627409915;

describe("cesScore", () => {
  it("is the mean answer with a Student-t interval (hand-computed: mean 4.7, s² = 0.9, SE 0.3, t(9))", () => {
    const r = cesScore([4, 5, 5, 6, 3, 4, 5, 6, 5, 4]);
    expect(r.metric).toBe("ces");
    expect(r.ces).toBeCloseTo(4.7, 12);
    expect(r.value).toBe(r.ces);
    expect(r.standardDeviation).toBeCloseTo(Math.sqrt(0.9), 12);
    expect(r.standardError).toBeCloseTo(0.3, 12);
    expect(r.ci.method).toBe("t");
    expect(r.ci.low).toBeCloseTo(4.7 - T975_9 * 0.3, 6);
    expect(r.ci.high).toBeCloseTo(4.7 + T975_9 * 0.3, 6);
  });

  it("clips the interval to the scale", () => {
    const r = cesScore([7, 6, 6, 5, 2]);
    expect(r.ces).toBeCloseTo(5.2, 12);
    expect(r.ci.low).toBeCloseTo(5.2 - T975_4 * Math.sqrt(3.7 / 5), 6);
    expect(r.ci.high).toBe(7);
  });

  it("warns about small samples and intervals wider than 20% of the scale", () => {
    expect(cesScore([7, 6, 6, 5, 2]).warnings.map((w) => w.code)).toEqual(["SMALL_SAMPLE", "WIDE_INTERVAL"]);
    const calm = cesScore(Array.from({ length: 200 }, (_, i) => 4 + (i % 3)));
    expect(calm.warnings).toEqual([]);
    expect(cesScore([5, 5, 5]).warnings.map((w) => w.code)).toContain("DEGENERATE_INTERVAL");
  });

  it("reads records on another scale and async streams", async () => {
    const records = [3, 4, 5].map((s, i) => response(`e${i}`, s, "2024-05-01T00:00:00Z", { kind: "ces", scale: { min: 1, max: 5 } }));
    expect(cesScore(records, { scale: { min: 1, max: 5 } }).ces).toBe(4);
    expect((await cesScore(stream([6, 4]))).ces).toBe(5);
  });

  it("is numerically stable for large constant offsets (Welford)", () => {
    const scores = new Float64Array(100_001).map((_, i) => (i % 2 === 0 ? 7 : 6));
    const r = cesScore(scores);
    expect(r.ces).toBeCloseTo(6.5 + 0.5 / 100_001, 10);
    expect(r.standardDeviation).toBeCloseTo(0.5, 4);
  });

  it("rejects bad input", () => {
    const bad = expectError;
    bad(() => cesScore([5]), "INSUFFICIENT_DATA", /^responses: 1 response; a CES interval needs at least 2/);
    bad(() => cesScore([]), "INSUFFICIENT_DATA", /0 responses/);
    bad(() => cesScore([5, 8]), "INVALID_INPUT", /^responses\[1\]: expected an integer CES answer from 1 to 7, got 8/);
    bad(() => cesScore([response("a", 5, "2024-01-01T00:00:00Z", { kind: "csat" })]), "INVALID_INPUT", /^responses\[0\]\.kind: expected "ces"/);
    bad(() => cesScore([5, 6], { scale: { min: 1, max: 1 } }), "INVALID_INPUT", /^options\.scale/);
    bad(() => cesScore([5, 6], { maxIntervalWidth: -1 }), "INVALID_INPUT", /^options\.maxIntervalWidth/);
  });
});
