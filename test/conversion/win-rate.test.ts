import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { winRate, type ConversionDeal } from "../../src/conversion/index.js";
import { day, expectCrmkitError } from "../support/conversion-fixtures.js";

const won = (id: string, created: string, closed: string): ConversionDeal => ({ id, status: "won", createdAt: day(created), closedAt: day(closed) });
const lost = (id: string, created: string, closed: string): ConversionDeal => ({ id, status: "lost", createdAt: day(created), closedAt: day(closed) });
const open = (id: string, created: string): ConversionDeal => ({ id, status: "open", createdAt: day(created) });

const deals: ConversionDeal[] = [
  won("a", "2024-01-01", "2024-02-01"),
  won("b", "2024-01-02", "2024-03-01"),
  won("c", "2024-01-03", "2024-04-01"),
  lost("d", "2024-01-04", "2024-02-15"),
  open("e", "2024-02-01"),
  open("f", "2024-03-01"),
];

describe("winRate", () => {
  it("is won / (won + lost) over closed deals, with the all-deals variant alongside", () => {
    const r = winRate(deals);
    expect(r).toMatchObject({ won: 3, lost: 1, closed: 4, open: 2 });
    expect(r.rate).toBe(0.75);
    expect(r.rateOverAllDeals).toBe(0.5);
  });

  it("gives the Wilson interval (R: prop.test(3, 4, correct = FALSE)$conf.int = 0.3006418 0.9544127)", () => {
    const r = winRate(deals);
    expect(r.method).toBe("wilson");
    expect(r.low).toBeCloseTo(0.3006418, 6);
    expect(r.high).toBeCloseTo(0.9544127, 6);
  });

  it("as of a past date, later deals are unknown and later closes are still open", () => {
    const r = winRate(deals, { asOf: day("2024-02-20") });
    // a won (Feb 1), d lost (Feb 15); b, c still open; e open; f not yet created.
    expect(r).toMatchObject({ won: 1, lost: 1, open: 3 });
  });

  it("restricts to a closing window", () => {
    const r = winRate(deals, { closedFrom: day("2024-02-10"), closedBefore: day("2024-04-01") });
    expect(r).toMatchObject({ won: 1, lost: 1 }); // b won Mar 1, d lost Feb 15 (c closes on Apr 1: excluded)
  });

  it("accepts an async iterable (a repository stream)", async () => {
    async function* stream() {
      yield* deals;
    }
    const r = await winRate(stream());
    expect(r.rate).toBe(0.75);
  });

  it("property: the win rate and its interval stay in [0, 1], the interval contains the rate", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<"won" | "lost" | "open">("won", "lost", "open"), { minLength: 1, maxLength: 60 }), (statuses) => {
        fc.pre(statuses.some((s) => s !== "open"));
        const ds = statuses.map((s, i) => (s === "open" ? open(`d${i}`, "2024-01-01") : { id: `d${i}`, status: s, createdAt: day("2024-01-01"), closedAt: day("2024-02-01") }));
        const r = winRate(ds);
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(1);
        expect(r.low).toBeLessThanOrEqual(r.rate + 1e-12);
        expect(r.high).toBeGreaterThanOrEqual(r.rate - 1e-12);
        expect(r.low).toBeGreaterThanOrEqual(0);
        expect(r.high).toBeLessThanOrEqual(1);
        expect(r.rateOverAllDeals).toBeLessThanOrEqual(r.rate);
      }),
    );
  });

  describe("bad input", () => {
    it("a deal closed before it was created", () => {
      expectCrmkitError(() => winRate([won("x", "2024-03-01", "2024-02-01")]), "INVALID_INPUT", /deals\[0\] \(id "x"\)\.closedAt: expected a date >= createdAt/);
    });
    it("a won deal without closedAt, an open deal with one", () => {
      expectCrmkitError(() => winRate([{ id: "x", status: "won", createdAt: day("2024-01-01") }]), "INVALID_INPUT", /closedAt/);
      expectCrmkitError(() => winRate([{ id: "x", status: "open", createdAt: day("2024-01-01"), closedAt: day("2024-01-02") }]), "INVALID_INPUT", /no close date/);
    });
    it("an unknown status, string dates, invalid dates", () => {
      expectCrmkitError(() => winRate([{ id: "x", status: "pending" as "open", createdAt: day("2024-01-01") }]), "INVALID_INPUT", /status/);
      expectCrmkitError(() => winRate([{ id: "x", status: "open", createdAt: "2024-01-01" as unknown as Date }]), "INVALID_INPUT", /createdAt: expected a Date/);
      expectCrmkitError(() => winRate([{ id: "x", status: "open", createdAt: new Date("nope") }]), "INVALID_INPUT", /valid Date/);
    });
    it("no closed deal: the win rate is undefined", () => {
      expectCrmkitError(() => winRate([open("x", "2024-01-01")]), "INSUFFICIENT_DATA", /no closed deals/);
      expectCrmkitError(() => winRate([]), "INSUFFICIENT_DATA");
    });
    it("not an iterable, bad options", () => {
      expectCrmkitError(() => winRate(won("x", "2024-01-01", "2024-01-02") as unknown as ConversionDeal[]), "INVALID_INPUT", /iterable/);
      expectCrmkitError(() => winRate(deals, { level: 95 }), "INVALID_INPUT", /options\.level/);
      expectCrmkitError(() => winRate(deals, { method: "exact" as "wald" }), "INVALID_INPUT", /options\.method/);
      expectCrmkitError(() => winRate(deals, { asOf: "2024-01-01" as unknown as Date }), "INVALID_INPUT", /options\.asOf/);
    });
  });
});
