import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreLead, type LeadScoringRulesInput } from "../../src/conversion/index.js";
import { addDays, day, expectCrmkitError } from "../support/conversion-fixtures.js";

const asOf = day("2024-06-01");
const rules: LeadScoringRulesInput = {
  fit: [
    { label: "referral", field: "source", op: "equals", value: "referral", points: 20 },
    { field: "jobTitle", op: "contains", value: "director", points: 15 },
    { field: "email", op: "endsWith", value: "@gmail.com", points: -10 },
    { field: "attributes.employees", op: "gte", value: 100, points: 10 },
    { field: "tags", op: "in", value: ["enterprise", "strategic"], points: 5 },
    { field: "company", op: "missing", points: -5 },
  ],
  engagement: [
    { event: "email_click", points: 4, cap: 10 },
    { event: "demo_request", points: 30, halfLifeDays: 7 },
    { event: "unsubscribe", points: -20 },
  ],
  halfLifeDays: 30,
};

describe("scoreLead", () => {
  it("fit points by hand (case-insensitive strings, attributes, tags, missing fields)", () => {
    const s = scoreLead(
      { source: "referral", jobTitle: "Sales Director", email: "a@acme.com", company: "Acme", attributes: { employees: 250 }, tags: ["Enterprise"] },
      rules,
      { asOf },
    );
    expect(s.fit).toBe(20 + 15 + 10 + 5);
    expect(s.engagement).toBe(0);
    expect(s.contributions.map((c) => c.label)).toEqual(["referral", 'jobTitle contains "director"', "attributes.employees gte 100", 'tags in ["enterprise","strategic"]']);
    expect(scoreLead({ source: "website", email: "x@GMAIL.com" }, rules, { asOf }).fit).toBe(-10 - 5);
  });

  it("engagement decays with the half-life and is capped per rule", () => {
    const events = [
      { type: "email_click", occurredAt: asOf }, // 4
      { type: "email_click", occurredAt: addDays(asOf, -30) }, // 2
      { type: "demo_request", occurredAt: addDays(asOf, -14) }, // 30 × 2^-2 = 7.5
      { type: "web_visit", occurredAt: asOf }, // no rule
    ];
    const s = scoreLead({ company: "Acme" }, rules, { asOf, events });
    expect(s.engagement).toBeCloseTo(4 + 2 + 7.5, 12);
    const clicks = Array.from({ length: 5 }, () => ({ type: "email_click", occurredAt: asOf }));
    const capped = scoreLead({ company: "Acme" }, rules, { asOf, events: clicks });
    expect(capped.engagement).toBe(10);
    expect(capped.contributions[0]).toMatchObject({ kind: "engagement", events: 5, capped: true, points: 10 });
  });

  it("score caps: minFit, maxFit, maxEngagement", () => {
    const r = { ...rules, maxFit: 30, maxEngagement: 5 };
    const s = scoreLead({ source: "referral", jobTitle: "director", company: "x" }, r, { asOf, events: [{ type: "demo_request", occurredAt: asOf }] });
    expect([s.fit, s.engagement, s.total]).toEqual([30, 5, 35]);
    expect(scoreLead({ email: "a@gmail.com" }, { ...rules, minFit: 0 }, { asOf }).fit).toBe(0);
  });

  it("property: without decay and caps, engagement is additive in events; decay never increases points", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 20 }), (ages) => {
        const events = ages.map((a) => ({ type: "email_click", occurredAt: addDays(asOf, -a) }));
        const flat = scoreLead({}, { engagement: [{ event: "email_click", points: 3 }] }, { asOf, events });
        expect(flat.engagement).toBe(3 * ages.length);
        const decayed = scoreLead({}, { engagement: [{ event: "email_click", points: 3 }], halfLifeDays: 10 }, { asOf, events });
        expect(decayed.engagement).toBeLessThanOrEqual(flat.engagement + 1e-9);
        expect(decayed.engagement).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  describe("bad input", () => {
    it("events after asOf, malformed events, invalid rules", () => {
      expectCrmkitError(() => scoreLead({}, rules, { asOf, events: [{ type: "email_click", occurredAt: addDays(asOf, 1) }] }), "INVALID_INPUT", /events\[0\]\.occurredAt: expected a time <= asOf/);
      expectCrmkitError(() => scoreLead({}, rules, { asOf, events: [{ type: "email_click", occurredAt: "2024-01-01" as unknown as Date }] }), "INVALID_INPUT", /occurredAt/);
      expectCrmkitError(() => scoreLead({}, { fit: [{ field: "constructor", op: "exists", points: 1 }] }, { asOf }), "INVALID_INPUT", /field/);
      expectCrmkitError(() => scoreLead({}, rules, {} as { asOf: Date }), "INVALID_INPUT", /asOf/);
      expectCrmkitError(() => scoreLead(null as unknown as object, rules, { asOf }), "INVALID_INPUT", /lead/);
    });
    it("prototype properties are never read as attributes", () => {
      const s = scoreLead({ attributes: {} }, { fit: [{ field: "attributes.toString", op: "exists", points: 1 }] }, { asOf });
      expect(s.fit).toBe(0);
    });
  });
});
