import { describe, expect, it } from "vitest";
import { RELATIONSHIP_SIGNAL_NAMES, signalValue } from "../../src/stages/index.js";
import { day, profile } from "./profile-fixtures.js";

describe("signalValue", () => {
  const p = profile({
    purchases: [
      { at: day(10), amount: 100 },
      { at: day(100), amount: 50.5 },
      { at: day(400), amount: 20 },
    ],
    interactions: [
      { at: day(5), department: "sales", twoWay: true },
      { at: day(50), department: "support", twoWay: true },
      { at: day(60), department: "marketing", twoWay: false },
      { at: day(70), department: "support", twoWay: true },
    ],
    tickets: [
      { openedAt: day(20), resolvedAt: day(25), escalated: true },
      { openedAt: day(30), escalated: true },
      { openedAt: day(35), escalated: false },
    ],
    nps: [
      { at: day(40), score: 9 },
      { at: day(80), score: 5 },
    ],
    subscriptions: [{ startedAt: day(15), endedAt: day(200) }],
    keyContactEvents: [
      { at: day(90), type: "lost" },
      { at: day(150), type: "restored" },
    ],
  });

  it("counts only facts up to asOf, over a half-open trailing window (asOf - w, asOf]", () => {
    expect(signalValue(p, "purchaseCount", day(100))).toBe(2); // the purchase exactly at asOf counts
    expect(signalValue(p, "purchaseCount", day(99))).toBe(1);
    expect(signalValue(p, "purchaseCount", day(110), 100)).toBe(1); // day 10 is exactly 100 days before: excluded
    expect(signalValue(p, "purchaseCount", day(109), 100)).toBe(2);
    expect(signalValue(p, "revenue", day(500))).toBeCloseTo(170.5, 12);
    expect(signalValue(p, "revenue", day(500), 450)).toBeCloseTo(70.5, 12);
  });

  it("counts two-way interactions and distinct departments with them", () => {
    expect(signalValue(p, "twoWayInteractions", day(100))).toBe(3);
    expect(signalValue(p, "departmentsEngaged", day(100))).toBe(2); // marketing was one-way
    expect(signalValue(p, "departmentsEngaged", day(100), 60)).toBe(1); // only support (days 50, 70)
  });

  it("measures tenure and inactivity in days", () => {
    expect(signalValue(p, "tenureDays", day(365))).toBe(365);
    // last activity before day 45: purchase day 10, interactions 5, tickets opened 20/30/35, nps 40 -> day 40
    expect(signalValue(p, "daysSinceLastActivity", day(45))).toBe(5);
    // one-way interaction at day 60 does not count as activity; at day 65 the last is day 50
    expect(signalValue(p, "daysSinceLastActivity", day(65))).toBe(15);
    expect(signalValue(profile(), "daysSinceLastActivity", day(30))).toBe(30); // no activity: since the start
  });

  it("knows which tickets are open at asOf", () => {
    expect(signalValue(p, "openTickets", day(22))).toBe(1);
    expect(signalValue(p, "openEscalatedTickets", day(22))).toBe(1);
    expect(signalValue(p, "openTickets", day(25))).toBe(0); // resolved exactly at asOf
    expect(signalValue(p, "openTickets", day(40))).toBe(2);
    expect(signalValue(p, "openEscalatedTickets", day(40))).toBe(1);
  });

  it("reads the latest NPS and its change, undefined when absent", () => {
    expect(signalValue(p, "latestNps", day(39))).toBeUndefined();
    expect(signalValue(p, "latestNps", day(40))).toBe(9);
    expect(signalValue(p, "npsChange", day(79))).toBeUndefined();
    expect(signalValue(p, "npsChange", day(80))).toBe(-4);
  });

  it("knows subscriptions and key contacts at asOf", () => {
    expect(signalValue(p, "activeSubscription", day(14))).toBe(false);
    expect(signalValue(p, "activeSubscription", day(15))).toBe(true);
    expect(signalValue(p, "activeSubscription", day(200))).toBe(false); // ended at asOf
    expect(signalValue(p, "keyContactLost", day(89))).toBe(false);
    expect(signalValue(p, "keyContactLost", day(120))).toBe(true);
    expect(signalValue(p, "keyContactLost", day(150))).toBe(false);
  });

  it("defines every listed signal", () => {
    for (const s of RELATIONSHIP_SIGNAL_NAMES) expect(() => signalValue(p, s, day(100))).not.toThrow();
  });
});
