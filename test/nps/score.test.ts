import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { npsFromCounts, npsScore, type NpsResult } from "../../src/nps/index.js";
import { answers, response, stream, Z975 } from "./helpers.js";
import { expectError } from "../support/expect-error.js";

const countsArb = fc
  .record({
    promoters: fc.integer({ min: 0, max: 400 }),
    passives: fc.integer({ min: 0, max: 400 }),
    detractors: fc.integer({ min: 0, max: 400 }),
  })
  .filter((c) => c.promoters + c.passives + c.detractors > 0);
const levelArb = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const methodArb = fc.constantFrom("wald" as const, "adjusted-wald" as const);


describe("npsScore: the definition", () => {
  it("responses 1..10 give NPS −40 (20% promoters − 60% detractors)", () => {
    const r = npsScore([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.nps).toBeCloseTo(-40, 12);
    expect(r.value).toBe(r.nps);
    expect(r.metric).toBe("nps");
    expect([r.promoters, r.passives, r.detractors, r.n]).toEqual([2, 2, 6, 10]);
    expect([r.promoterShare, r.passiveShare, r.detractorShare]).toEqual([0.2, 0.2, 0.6]);
  });

  it("250 promoters and 75 detractors of 1000 give NPS 17.5", () => {
    expect(npsFromCounts({ promoters: 250, passives: 675, detractors: 75 }).nps).toBeCloseTo(17.5, 12);
  });

  it("everyone a promoter is +100, everyone a detractor −100, only passives 0", () => {
    expect(npsScore([9, 10, 10]).nps).toBe(100);
    expect(npsScore([0, 6, 3]).nps).toBe(-100);
    expect(npsScore([7, 8]).nps).toBe(0);
  });

  it("reports the plug-in variance and standard error, and the chosen interval (adjusted Wald by default)", () => {
    const r = npsScore(answers(50, 30, 20));
    expect(r.variance).toBeCloseTo(61, 10);
    expect(r.standardError).toBeCloseTo(Math.sqrt(61), 10);
    expect(r.ci.method).toBe("adjusted-wald");
    expect(r.ci.level).toBe(0.95);
    expect(r.ci.low).toBeCloseTo(14.0511, 4);
    expect(r.ci.high).toBeCloseTo(44.2013, 4);
    const wald = npsScore(answers(50, 30, 20), { method: "wald", level: 0.9 });
    expect(wald.ci.low).toBeCloseTo(30 - 1.6448536269514722 * Math.sqrt(61), 8);
    expect(wald.ci.high).toBeCloseTo(30 + 1.6448536269514722 * Math.sqrt(61), 8);
  });

  it("1..10 with adjusted Wald: counts 2.75/3.5/6.75 of 13 → centre −30.77, 95% CI [−74.12, 12.59] (hand-computed)", () => {
    const r = npsScore([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const p = 2.75 / 13;
    const d = 6.75 / 13;
    const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / 13);
    expect(r.ci.estimate).toBeCloseTo(100 * (p - d), 10);
    expect(r.ci.low).toBeCloseTo(100 * (p - d) - Z975 * se, 8);
    expect(r.ci.high).toBeCloseTo(100 * (p - d) + Z975 * se, 8);
    expect(r.ci.low).toBeCloseTo(-74.124, 3);
    expect(r.ci.high).toBeCloseTo(12.586, 3);
  });
});

describe("npsScore: inputs", () => {
  const scores = [10, 9, 9, 8, 7, 6, 0, 5, 10, 10];
  const expected = npsFromCounts({ promoters: 5, passives: 2, detractors: 3 });

  it("accepts arrays, typed arrays, iterables and records alike", () => {
    const records = scores.map((s, i) => response(`r${i}`, s, "2024-05-01T00:00:00Z"));
    expect(npsScore(scores)).toEqual(expected);
    expect(npsScore(Int32Array.from(scores))).toEqual(expected);
    expect(npsScore(Uint8Array.from(scores))).toEqual(expected);
    expect(npsScore(Float64Array.from(scores))).toEqual(expected);
    expect(npsScore(Uint16Array.from(scores))).toEqual(expected);
    expect(npsScore(scores.values())).toEqual(expected);
    expect(npsScore(records)).toEqual(expected);
  });

  it("accepts an async iterable and returns a promise", async () => {
    const r = npsScore(stream(scores));
    expect(r).toBeInstanceOf(Promise);
    expect(await r).toEqual(expected);
    await expect(npsScore(stream([1, 2, 11]))).rejects.toThrow(/responses\[2\]: expected an integer NPS answer from 0 to 10, got 11/);
    await expect(npsScore(stream([]))).rejects.toThrow(/no responses/);
  });

  it("names the offending element in typed arrays, arrays and records", () => {
    expectError(() => npsScore(Uint8Array.from([10, 11, 3])), "INVALID_INPUT", /^responses\[1\]: expected an integer NPS answer from 0 to 10, got 11/);
    expectError(() => npsScore(Float64Array.from([10, 3, 7.5])), "INVALID_INPUT", /^responses\[2\]: .* got 7\.5/);
    expectError(() => npsScore(Float64Array.from([10, Number.NaN])), "INVALID_INPUT", /^responses\[1\]: .* got NaN/);
    expectError(() => npsScore(Int8Array.from([-1])), "INVALID_INPUT", /^responses\[0\]: .* got -1/);
    expectError(() => npsScore([3, 12]), "INVALID_INPUT", /^responses\[1\]: .* got 12/);
    expectError(() => npsScore([response("a", 9, "2024-01-01T00:00:00Z"), response("b", 10.5, "2024-01-01T00:00:00Z")]), "INVALID_INPUT", /^responses\[1\]\.score: .* got 10\.5/);
    expectError(() => npsScore([response("a", 4, "2024-01-01T00:00:00Z", { kind: "csat" })]), "INVALID_INPUT", /^responses\[0\]\.kind: expected "nps" \(filter the responses by kind first\), got "csat"/);
    expectError(() => npsScore([9, "10"] as unknown as number[]), "INVALID_INPUT", /^responses\[1\]: expected a score or a SurveyResponse record, got "10"/);
    expectError(() => npsScore([null] as unknown as number[]), "INVALID_INPUT", /^responses\[0\]: expected a score or a SurveyResponse record, got null/);
  });

  it("rejects what is not a collection", () => {
    expectError(() => npsScore(undefined as unknown as number[]), "INVALID_INPUT", /^responses: expected an array, typed array, iterable or async iterable/);
    expectError(() => npsScore(42 as unknown as number[]), "INVALID_INPUT", /got 42/);
    expectError(() => npsScore({ length: 2 } as unknown as number[]), "INVALID_INPUT", /^responses: expected an array/);
    expectError(() => npsScore(new DataView(new ArrayBuffer(4)) as unknown as number[]), "INVALID_INPUT", /numeric typed array/);
    expectError(() => npsScore(new BigInt64Array(2) as unknown as number[]), "INVALID_INPUT", /numeric typed array/);
  });

  it("an empty input is INSUFFICIENT_DATA, never a NaN score", () => {
    expectError(() => npsScore([]), "INSUFFICIENT_DATA", /^responses: no responses; an NPS needs at least one response/);
    expectError(() => npsScore(new Uint8Array(0)), "INSUFFICIENT_DATA", /no responses/);
  });

  it("rejects bad options", () => {
    expectError(() => npsScore([9], { method: "bootstrap" as "wald" }), "INVALID_INPUT", /^options\.method: expected "adjusted-wald" or "wald", got "bootstrap"/);
    for (const level of [0, 1, 95, -0.5, Number.NaN]) {
      expectError(() => npsScore([9], { level }), "INVALID_INPUT", /^options\.level: expected a confidence level strictly between 0 and 1/);
    }
    expectError(() => npsScore([9], { minSampleSize: -1 }), "INVALID_INPUT", /^options\.minSampleSize/);
    expectError(() => npsScore([9], { maxIntervalWidth: Number.NaN }), "INVALID_INPUT", /^options\.maxIntervalWidth/);
    expectError(() => npsScore([9], "wald" as unknown as object), "INVALID_INPUT", /^options: expected an options object/);
    expectError(() => npsScore([9], { latestPerCustomer: "yes" as unknown as boolean }), "INVALID_INPUT", /^options\.latestPerCustomer: expected a boolean/);
    expectError(() => npsScore([9], { from: new Date("nope") }), "INVALID_INPUT", /^options\.from: expected a valid Date, got Invalid Date/);
    expectError(
      () => npsScore([response("a", 9, "2024-01-01T00:00:00Z")], { from: new Date("2024-02-01T00:00:00Z"), to: new Date("2024-01-01T00:00:00Z") }),
      "INVALID_INPUT",
      /^options\.to: expected an instant after options\.from/,
    );
    expectError(() => npsFromCounts({ promoters: 1, passives: 0, detractors: 0 }, { level: 2 }), "INVALID_INPUT", /options\.level/);
  });
});

describe("npsScore: selecting responses", () => {
  const data = [
    response("1", 10, "2024-01-05T00:00:00Z", { customerId: "c1" }),
    response("2", 3, "2024-02-05T00:00:00Z", { customerId: "c1" }), // c1's latest
    response("3", 9, "2024-01-10T00:00:00Z", { customerId: "c2" }), // c2's only
    response("4", 8, "2024-03-01T00:00:00Z"), // anonymous
    response("5", 2, "2024-03-01T00:00:00Z"), // anonymous
    response("6", 6, "2024-03-02T00:00:00Z", { customerId: "c3" }),
    response("7", 10, "2024-03-02T00:00:00Z", { customerId: "c3" }), // tie: later in input wins
  ];

  it("from is inclusive and to exclusive", () => {
    const r = npsScore(data, { from: new Date("2024-01-10T00:00:00Z"), to: new Date("2024-03-01T00:00:00Z") });
    expect([r.promoters, r.passives, r.detractors]).toEqual([1, 0, 1]); // responses 3 and 2
  });

  it("latestPerCustomer keeps each customer's latest answer and every anonymous one", () => {
    const r = npsScore(data, { latestPerCustomer: true });
    // c1 → 3 (detractor), c2 → 9, c3 → 10 (tie, later in input), anonymous 8 and 2.
    expect([r.promoters, r.passives, r.detractors, r.n]).toEqual([2, 1, 2, 5]);
  });

  it("applies the window before choosing the latest answer", () => {
    const r = npsScore(data, { latestPerCustomer: true, to: new Date("2024-02-01T00:00:00Z") });
    expect([r.promoters, r.passives, r.detractors]).toEqual([2, 0, 0]); // c1 → 10, c2 → 9
  });

  it("an empty selection is INSUFFICIENT_DATA", () => {
    expectError(() => npsScore(data, { from: new Date("2030-01-01T00:00:00Z") }), "INSUFFICIENT_DATA", /no responses in the selection/);
  });

  it("needs records, with valid dates, to select", () => {
    expectError(() => npsScore([9, 10], { latestPerCustomer: true }), "INVALID_INPUT", /^responses\[0\]: expected a SurveyResponse record/);
    expectError(() => npsScore(Uint8Array.from([9]), { from: new Date(0) }), "INVALID_INPUT", /^responses: expected SurveyResponse records/);
    const broken = { ...response("x", 9, "2024-01-01T00:00:00Z"), respondedAt: "2024-01-01" as unknown as Date };
    expectError(() => npsScore([broken], { from: new Date(0) }), "INVALID_INPUT", /^responses\[0\]\.respondedAt: expected a valid Date, got "2024-01-01"/);
    const badId = { ...response("x", 9, "2024-01-01T00:00:00Z"), customerId: 7 as unknown as string };
    expectError(() => npsScore([badId], { latestPerCustomer: true }), "INVALID_INPUT", /^responses\[0\]\.customerId/);
  });

  it("selects from an async stream too", async () => {
    const r = await npsScore(stream(data), { latestPerCustomer: true });
    expect(r.n).toBe(5);
  });
});

describe("npsScore: warnings instead of false precision", () => {
  it("flags small samples and wide intervals with the defaults (n < 30, width > 20 points)", () => {
    const r = npsScore([10, 9, 3]);
    expect(r.warnings.map((w) => w.code)).toEqual(["SMALL_SAMPLE", "WIDE_INTERVAL"]);
    expect(r.warnings[0]!.message).toBe("only 3 responses (fewer than 30): the estimate is imprecise");
  });

  it("stays quiet for a large, precise sample and honours custom thresholds", () => {
    const big = npsFromCounts({ promoters: 2000, passives: 1000, detractors: 1000 });
    expect(big.ci.high - big.ci.low).toBeLessThan(20);
    expect(big.warnings).toEqual([]);
    const strict = npsFromCounts({ promoters: 2000, passives: 1000, detractors: 1000 }, { minSampleSize: 5000, maxIntervalWidth: 1 });
    expect(strict.warnings.map((w) => w.code)).toEqual(["SMALL_SAMPLE", "WIDE_INTERVAL"]);
  });

  it("says so when a Wald interval degenerates to a point", () => {
    const r = npsScore(answers(40, 0, 0), { method: "wald" });
    expect(r.ci.low).toBe(100);
    expect(r.warnings.map((w) => w.code)).toContain("DEGENERATE_INTERVAL");
    expect(npsScore(answers(40, 0, 0)).warnings.map((w) => w.code)).not.toContain("DEGENERATE_INTERVAL");
  });
});

describe("npsScore: properties", () => {
  const result = (c: { promoters: number; passives: number; detractors: number }, options = {}): NpsResult => npsFromCounts(c, options);

  it("NPS lies in [−100, 100], shares sum to 1, the interval is ordered and within [−100, 100]", () => {
    fc.assert(
      fc.property(countsArb, levelArb, methodArb, (c, level, method) => {
        const r = result(c, { level, method });
        expect(r.nps).toBeGreaterThanOrEqual(-100);
        expect(r.nps).toBeLessThanOrEqual(100);
        expect(r.promoterShare + r.passiveShare + r.detractorShare).toBeCloseTo(1, 12);
        expect(r.ci.low).toBeLessThanOrEqual(r.ci.high);
        expect(r.ci.low).toBeGreaterThanOrEqual(-100);
        expect(r.ci.high).toBeLessThanOrEqual(100);
        expect(r.variance).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(r.ci.low) && Number.isFinite(r.ci.high)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("the interval contains its centre, and the Wald interval always contains the NPS", () => {
    fc.assert(
      fc.property(countsArb, levelArb, methodArb, (c, level, method) => {
        const r = result(c, { level, method });
        expect(r.ci.low).toBeLessThanOrEqual(r.ci.estimate + 1e-9);
        expect(r.ci.high).toBeGreaterThanOrEqual(r.ci.estimate - 1e-9);
        if (method === "wald") {
          expect(r.ci.low).toBeLessThanOrEqual(r.nps + 1e-9);
          expect(r.ci.high).toBeGreaterThanOrEqual(r.nps - 1e-9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the adjusted Wald interval contains the NPS at 95% and above for every n >= 2", () => {
    fc.assert(
      fc.property(countsArb.filter((c) => c.promoters + c.passives + c.detractors >= 2), fc.double({ min: 0.95, max: 0.9999, noNaN: true }), (c, level) => {
        const r = result(c, { level });
        expect(r.ci.low).toBeLessThanOrEqual(r.nps + 1e-9);
        expect(r.ci.high).toBeGreaterThanOrEqual(r.nps - 1e-9);
      }),
      { numRuns: 1000 },
    );
    // Exhaustively for small samples, where the shrinkage towards 0 is largest.
    for (let n = 2; n <= 60; n++) {
      for (let p = 0; p <= n; p++) {
        for (let d = 0; p + d <= n; d++) {
          const r = result({ promoters: p, passives: n - p - d, detractors: d });
          expect(r.ci.low <= r.nps + 1e-9 && r.ci.high >= r.nps - 1e-9).toBe(true);
        }
      }
    }
    // The documented exception: a single answer (the adjusted centre is 25 or −25).
    expect(result({ promoters: 1, passives: 0, detractors: 0 }).ci.high).toBeLessThan(100);
  });

  it("adding a promoter never lowers the score; adding a detractor never raises it; a passive pulls towards 0", () => {
    fc.assert(
      fc.property(countsArb, (c) => {
        const base = result(c).nps;
        expect(result({ ...c, promoters: c.promoters + 1 }).nps).toBeGreaterThanOrEqual(base);
        expect(result({ ...c, detractors: c.detractors + 1 }).nps).toBeLessThanOrEqual(base);
        expect(Math.abs(result({ ...c, passives: c.passives + 1 }).nps)).toBeLessThanOrEqual(Math.abs(base));
      }),
      { numRuns: 500 },
    );
  });

  it("the order of the answers does not matter, and every input form agrees", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const a = npsScore(scores);
        expect(npsScore([...scores].reverse())).toEqual(a);
        expect(npsScore(Uint8Array.from(scores))).toEqual(a);
        expect(npsScore(Float64Array.from(scores))).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
