import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leadConversion, type ConversionLead } from "../../src/conversion/index.js";
import { addDays, day, expectCrmkitError } from "../support/conversion-fixtures.js";

const asOf = day("2024-04-01"); // 91 days after 2024-01-01
const leads: ConversionLead[] = [
  { id: "L1", source: "referral", status: "converted", createdAt: day("2024-01-01"), convertedAt: day("2024-01-11") },
  { id: "L2", source: "website", status: "converted", createdAt: day("2024-01-01"), convertedAt: day("2024-01-31") },
  { id: "L3", source: "website", status: "disqualified", createdAt: day("2024-01-01"), disqualifiedAt: day("2024-01-05") },
  { id: "L4", source: "event", status: "new", createdAt: day("2024-03-22") },
  { id: "L5", source: "website", status: "nurturing", createdAt: day("2024-02-01") },
  { id: "L6", source: "referral", status: "converted", createdAt: day("2024-03-02"), convertedAt: day("2024-03-07") },
];

describe("leadConversion", () => {
  it("cohort counts, the share converted by asOf and the censoring, by hand", () => {
    const r = leadConversion(leads, { asOf });
    expect(r).toMatchObject({ leads: 6, converted: 3, disqualified: 1, open: 2 });
    expect(r.rate.rate).toBe(0.5);
    expect(r.timeToConvert).toMatchObject({ count: 3, meanDays: 15, medianDays: 10 });
  });

  it("Kaplan–Meier curve by hand: open leads censored at their age, disqualified ones at risk until asOf", () => {
    const r = leadConversion(leads, { asOf });
    // day 5: 6 at risk, 1 converts -> S = 5/6; day 10: 5 at risk (the lead censored on day 10 still counts) -> 4/6;
    // day 30: 3 at risk -> 4/6 × 2/3 = 4/9.
    expect(r.curve.map((p) => [p.day, p.atRisk, p.conversions])).toEqual([
      [5, 6, 1],
      [10, 5, 1],
      [30, 3, 1],
    ]);
    expect(r.curve.map((p) => p.cumulative)).toEqual([1 / 6, 1 - 4 / 6, 1 - 4 / 9].map((v) => expect.closeTo(v, 14)));
  });

  it("a fixed window: only leads old enough are judged; younger ones are counted as censored", () => {
    const r = leadConversion(leads, { asOf, within: 30 });
    expect(r.within).toMatchObject({ days: 30, eligible: 5, converted: 3, censored: 1 });
    expect(r.within!.rate!.rate).toBe(3 / 5);
    expect(r.within!.kaplanMeier).toBeCloseTo(5 / 9, 14);
    expect(leadConversion(leads, { asOf, within: 365 }).within).toMatchObject({ eligible: 0, censored: 6, rate: null });
  });

  it("a cohort window and as-of semantics (a conversion after asOf has not happened yet)", () => {
    const r = leadConversion(leads, { asOf: day("2024-01-20"), window: { before: day("2024-02-01") } });
    expect(r).toMatchObject({ leads: 3, converted: 1, disqualified: 1, open: 1 });
    expect(leadConversion(leads, { asOf, window: { from: day("2024-02-01") } }).leads).toBe(3);
  });

  it("a custom outcome (e.g. a won deal) replaces convertedAt", () => {
    const wonAt: Record<string, Date> = { L5: day("2024-03-01") };
    const r = leadConversion(leads, { asOf, outcome: (l) => wonAt[l.id] });
    expect(r.converted).toBe(1);
    expect(r.timeToConvert!.meanDays).toBe(29);
  });

  it("property: rates in [0, 1], the Kaplan–Meier cumulative non-decreasing in [0, 1], counts conserved", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ created: fc.integer({ min: 0, max: 90 }), delay: fc.option(fc.integer({ min: 0, max: 120 })), disq: fc.boolean() }), { minLength: 1, maxLength: 60 }),
        (rows) => {
          const ls: ConversionLead[] = rows.map((row, i) => {
            const createdAt = addDays(day("2024-01-01"), row.created);
            if (row.delay !== null) return { id: `l${i}`, source: "web", status: "converted", createdAt, convertedAt: addDays(createdAt, row.delay) };
            if (row.disq) return { id: `l${i}`, source: "web", status: "disqualified", createdAt, disqualifiedAt: addDays(createdAt, 1) };
            return { id: `l${i}`, source: "web", status: "new", createdAt };
          });
          const r = leadConversion(ls, { asOf: day("2024-04-01"), within: 30 });
          expect(r.rate.rate).toBeGreaterThanOrEqual(0);
          expect(r.rate.rate).toBeLessThanOrEqual(1);
          let previous = 0;
          for (const p of r.curve) {
            expect(p.cumulative).toBeGreaterThanOrEqual(previous - 1e-15);
            expect(p.cumulative).toBeLessThanOrEqual(1 + 1e-15);
            previous = p.cumulative;
          }
          expect(r.leads).toBe(r.converted + r.disqualified + r.open);
          expect(r.within!.eligible + r.within!.censored).toBe(r.leads);
        },
      ),
    );
  });

  it("without censoring, the Kaplan–Meier estimate equals the plain share", () => {
    const all = leads.filter((l) => l.id !== "L4" && l.id !== "L5");
    const r = leadConversion(all, { asOf: day("2025-01-01") });
    expect(r.curve.at(-1)!.cumulative).toBeCloseTo(r.rate.rate, 14);
  });

  describe("bad input", () => {
    it("inconsistent lead records", () => {
      expectCrmkitError(() => leadConversion([{ id: "x", source: "web", status: "converted", createdAt: day("2024-01-01") }], { asOf }), "INVALID_INPUT", /convertedAt/);
      expectCrmkitError(
        () => leadConversion([{ id: "x", source: "web", status: "converted", createdAt: day("2024-02-01"), convertedAt: day("2024-01-01") }], { asOf }),
        "INVALID_INPUT",
        /convertedAt: expected a date >= createdAt/,
      );
      expectCrmkitError(() => leadConversion([{ id: "x", source: "web", status: "new", createdAt: day("2024-01-01"), convertedAt: day("2024-01-02") }], { asOf }), "INVALID_INPUT", /convertedAt/);
    });
    it("empty cohort, bad options, outcome before creation", () => {
      expectCrmkitError(() => leadConversion([], { asOf }), "INSUFFICIENT_DATA", /no leads/);
      expectCrmkitError(() => leadConversion(leads, { asOf, within: -3 }), "INVALID_INPUT", /within/);
      expectCrmkitError(() => leadConversion(leads, { asOf, window: { before: new Date("x") } }), "INVALID_INPUT", /options\.window\.before/);
      expectCrmkitError(() => leadConversion(leads, { asOf, outcome: "won" as "converted" }), "INVALID_INPUT", /outcome/);
      expectCrmkitError(() => leadConversion(leads, { asOf, outcome: () => day("2023-01-01") }), "INVALID_INPUT", /outcome/);
    });
  });
});
