import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csatScore } from "../../src/nps/index.js";
import { response, stream } from "./helpers.js";
import { expectError } from "../support/expect-error.js";

const csat = (id: string, score: number, extra = {}) => response(id, score, "2024-05-01T00:00:00Z", { kind: "csat", ...extra });
const sample = [5, 5, 4, 4, 4, 3, 3, 2, 5, 4]; // 7 of 10 satisfied

describe("csatScore", () => {
  it("is the percentage of 4s and 5s on a 1–5 scale, with a Wilson interval (R: prop.test(7, 10, correct = FALSE))", () => {
    const r = csatScore(sample);
    expect(r.metric).toBe("csat");
    expect([r.csat, r.value, r.satisfied, r.n, r.share, r.threshold]).toEqual([70, 70, 7, 10, 0.7, 4]);
    expect(r.scale).toEqual({ min: 1, max: 5 });
    expect(r.ci.method).toBe("wilson");
    expect(r.ci.low).toBeCloseTo(39.67781, 4);
    expect(r.ci.high).toBeCloseTo(89.22087, 4);
    expect(r.standardError).toBeCloseTo(100 * Math.sqrt(0.21 / 10), 12);
  });

  it("offers the exact Clopper–Pearson interval (R: binom.test(7, 10))", () => {
    const r = csatScore(sample, { method: "clopper-pearson" });
    expect(r.ci.low).toBeCloseTo(34.75471, 3);
    expect(r.ci.high).toBeCloseTo(93.32605, 3);
  });

  it("takes a custom threshold and scale", () => {
    expect(csatScore(sample, { threshold: 5 }).csat).toBe(30);
    const seven = csatScore([7, 6, 6, 5, 1], { scale: { min: 1, max: 7 } });
    expect([seven.threshold, seven.satisfied]).toEqual([6, 3]);
  });

  it("reads CSAT records, declared scales included, and async streams", async () => {
    const records = sample.map((s, i) => csat(`c${i}`, s));
    expect(csatScore(records).csat).toBe(70);
    const declared = [csat("a", 10, { scale: { min: 1, max: 10 } }), csat("b", 3, { scale: { min: 1, max: 10 } })];
    expect(csatScore(declared, { scale: { min: 1, max: 10 } }).csat).toBe(50);
    expect((await csatScore(stream(sample))).csat).toBe(70);
  });

  it("warns like the NPS does", () => {
    expect(csatScore(sample).warnings.map((w) => w.code)).toEqual(["SMALL_SAMPLE", "WIDE_INTERVAL"]);
    expect(csatScore([5, 5, 5], { method: "wald" }).warnings.map((w) => w.code)).toContain("DEGENERATE_INTERVAL");
    expect(csatScore([5, 5, 5]).warnings.map((w) => w.code)).not.toContain("DEGENERATE_INTERVAL");
  });

  it("keeps its interval within 0–100 and around the share", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 300 }), fc.constantFrom("wilson" as const, "wald" as const, "agresti-coull" as const), (scores, method) => {
        const r = csatScore(scores, { method });
        expect(r.ci.low).toBeGreaterThanOrEqual(0);
        expect(r.ci.high).toBeLessThanOrEqual(100);
        expect(r.ci.low).toBeLessThanOrEqual(r.csat + 1e-9);
        expect(r.ci.high).toBeGreaterThanOrEqual(r.csat - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects bad input", () => {
    const bad = expectError;
    bad(() => csatScore([5, 6]), "INVALID_INPUT", /^responses\[1\]: expected an integer CSAT answer from 1 to 5, got 6/);
    bad(() => csatScore([5, 0]), "INVALID_INPUT", /^responses\[1\]: expected an integer CSAT answer from 1 to 5, got 0/);
    bad(() => csatScore([4.5]), "INVALID_INPUT", /got 4\.5/);
    bad(() => csatScore([csat("a", 4, { scale: { min: 1, max: 7 } })]), "INVALID_INPUT", /^responses\[0\]\.scale: expected the scale of this analysis, 1–5/);
    bad(() => csatScore([response("a", 9, "2024-01-01T00:00:00Z")]), "INVALID_INPUT", /^responses\[0\]\.kind: expected "csat"/);
    bad(() => csatScore(sample, { threshold: 1 }), "INVALID_INPUT", /^options\.threshold: expected an integer answer above 1 and at most 5, got 1/);
    bad(() => csatScore(sample, { threshold: 4.5 }), "INVALID_INPUT", /^options\.threshold/);
    bad(() => csatScore(sample, { scale: { min: 5, max: 1 } }), "INVALID_INPUT", /^options\.scale: expected a scale \{ min, max \}/);
    bad(() => csatScore(sample, { method: "bayes" as "wald" }), "INVALID_INPUT", /^options\.method/);
    bad(() => csatScore(sample, { level: 1.5 }), "INVALID_INPUT", /^options\.level/);
    bad(() => csatScore([]), "INSUFFICIENT_DATA", /^responses: no responses; a CSAT needs at least one/);
  });
});
