import { describe, expect, it } from "vitest";
import { averageSalesCycle, type ConversionDeal } from "../../src/conversion/index.js";
import { day, expectCrmkitError } from "../support/conversion-fixtures.js";

// Cycle lengths (days): won 10, 30, 40, 100; lost 60; one open deal.
const deals: ConversionDeal[] = [
  { id: "a", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-01-11") },
  { id: "b", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-01-31") },
  { id: "c", status: "won", createdAt: day("2024-02-01"), closedAt: day("2024-03-12"), stageHistory: [{ stageId: "qualified", enteredAt: day("2024-02-21") }] },
  { id: "d", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-04-10") },
  { id: "e", status: "lost", createdAt: day("2024-01-01"), closedAt: day("2024-03-01") },
  { id: "f", status: "open", createdAt: day("2024-01-01") },
];

describe("averageSalesCycle", () => {
  it("won deals, from creation: mean, median and quartiles (R type 7) by hand", () => {
    const r = averageSalesCycle(deals);
    expect(r.count).toBe(4);
    expect(r.meanDays).toBe(45); // (10 + 30 + 40 + 100) / 4
    expect(r.medianDays).toBe(35); // (30 + 40) / 2
    expect(r.p25Days).toBe(25); // 10 + 0.75 × (30 − 10)
    expect(r.p75Days).toBe(55); // 40 + 0.25 × (100 − 40)
    expect([r.minDays, r.maxDays]).toEqual([10, 100]);
    expect(r).toMatchObject({ include: "won", start: "created" });
  });

  it("won + lost", () => {
    const r = averageSalesCycle(deals, { include: "closed" });
    expect(r.count).toBe(5);
    expect(r.meanDays).toBe((10 + 30 + 40 + 100 + 60) / 5);
  });

  it("from the first stage entry (deal c starts 20 days after creation)", () => {
    const r = averageSalesCycle(deals, { start: "first-stage" });
    expect(r.meanDays).toBe((10 + 30 + 20 + 100) / 4);
  });

  it("as of a date and in a closing window", () => {
    expect(averageSalesCycle(deals, { asOf: day("2024-02-01") }).count).toBe(2);
    expect(averageSalesCycle(deals, { closedFrom: day("2024-02-01"), closedBefore: day("2024-04-01") }).meanDays).toBe(40);
  });

  describe("bad input", () => {
    it("no won deal", () => {
      expectCrmkitError(() => averageSalesCycle([deals[4]!, deals[5]!]), "INSUFFICIENT_DATA", /no won deals/);
    });
    it("deal closed before created; unknown option values", () => {
      expectCrmkitError(() => averageSalesCycle([{ id: "x", status: "won", createdAt: day("2024-02-01"), closedAt: day("2024-01-01") }]), "INVALID_INPUT", /closedAt/);
      expectCrmkitError(() => averageSalesCycle(deals, { include: "all" as "won" }), "INVALID_INPUT", /options\.include/);
      expectCrmkitError(() => averageSalesCycle(deals, { start: "stage" as "created" }), "INVALID_INPUT", /options\.start/);
    });
    it("stage history out of order", () => {
      const bad: ConversionDeal = {
        id: "x", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-03-01"),
        stageHistory: [{ stageId: "b", enteredAt: day("2024-02-01") }, { stageId: "a", enteredAt: day("2024-01-15") }],
      };
      expectCrmkitError(() => averageSalesCycle([bad], { start: "first-stage" }), "INVALID_INPUT", /chronological/);
    });
  });
});
