import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { classifyRelationshipStage, DEFAULT_STAGE_CRITERIA, RELATIONSHIP_STAGES, relationshipStateOf, type RelationshipProfile } from "../../src/stages/index.js";
import { day, profile } from "./profile-fixtures.js";

const twoWay = (d: number, department: "sales" | "support" | "success" | "marketing" = "sales") => ({ at: day(d), department, twoWay: true });

/** Meets `basic` exactly: one purchase, two two-way interactions within 365 days. */
const basicProfile = profile({
  purchases: [{ at: day(10), amount: 40 }],
  interactions: [twoWay(5), twoWay(20)],
});

/** Meets `collaborated` at day 90 exactly: 3 purchases, 4 two-way interactions in 2 departments. */
const collaboratedProfile = profile({
  purchases: [{ at: day(10), amount: 40 }, { at: day(40), amount: 40 }, { at: day(80), amount: 40 }],
  interactions: [twoWay(5), twoWay(20), twoWay(60, "support"), twoWay(85, "support")],
});

/** Meets `interconnected` at day 365 exactly. */
const interconnectedProfile = profile({
  purchases: [{ at: day(10), amount: 40 }, { at: day(40), amount: 40 }, { at: day(300), amount: 40 }],
  interactions: [twoWay(200), twoWay(250, "support"), twoWay(300, "success"), twoWay(360)],
  subscriptions: [{ startedAt: day(30) }],
});

describe("classifyRelationshipStage", () => {
  it("starts exploratory and says what basic needs", () => {
    const c = classifyRelationshipStage(profile(), { asOf: day(1) });
    expect(c.stage).toBe("exploratory");
    expect(c.health).toBe("healthy");
    expect(c.reasons).toEqual([]);
    expect(c.next?.stage).toBe("basic");
    expect(c.next?.missing.map((m) => m.text)).toEqual([
      "0 purchases (needs ≥ 1)",
      "0 two-way interactions in the last 365 days (needs ≥ 2)",
    ]);
  });

  it("reaches basic exactly at the thresholds and not one fact earlier", () => {
    expect(classifyRelationshipStage(basicProfile, { asOf: day(20) }).stage).toBe("basic");
    expect(classifyRelationshipStage(basicProfile, { asOf: new Date(day(20).getTime() - 1) }).stage).toBe("exploratory");
    const c = classifyRelationshipStage(basicProfile, { asOf: day(20) });
    expect(c.reasons.map((r) => r.text)).toEqual(["1 purchases (needs ≥ 1)", "2 two-way interactions in the last 365 days (needs ≥ 2)"]);
    expect(c.next?.stage).toBe("collaborated");
  });

  it("moves back when a windowed requirement lapses (regression)", () => {
    // the first interaction (day 5) leaves the 365-day window at day 370
    expect(classifyRelationshipStage(basicProfile, { asOf: new Date(day(370).getTime() - 1) }).stage).toBe("basic");
    const later = classifyRelationshipStage(basicProfile, { asOf: day(370) });
    expect(later.stage).toBe("exploratory");
    expect(later.health).toBe("dissolving"); // 350 days since the last activity
  });

  it("reaches collaborated at 90 days of tenure exactly", () => {
    expect(classifyRelationshipStage(collaboratedProfile, { asOf: day(90) }).stage).toBe("collaborated");
    const before = classifyRelationshipStage(collaboratedProfile, { asOf: new Date(day(90).getTime() - 1) });
    expect(before.stage).toBe("basic");
    expect(before.next?.missing.map((m) => m.conditions[0]?.signal)).toEqual(["tenureDays"]);
  });

  it("reaches interconnected with a subscription, and an anyOf alternative is explained", () => {
    const c = classifyRelationshipStage(interconnectedProfile, { asOf: day(365) });
    expect(c.stage).toBe("interconnected");
    expect(c.next).toBeNull();
    const any = c.reasons.find((r) => r.conditions.length === 2)!;
    expect(any.satisfied).toBe(true);
    expect(any.text).toMatch(/^one of: active subscription or contract: yes \(needs yes\); or 3 purchases in the last 365 days \(needs ≥ 6\)$/);
    expect(classifyRelationshipStage(interconnectedProfile, { asOf: day(364) }).stage).toBe("collaborated");
    // without the subscription only 3 purchases in the last year: not interconnected
    const noSub: RelationshipProfile = { ...interconnectedProfile, subscriptions: [] };
    expect(classifyRelationshipStage(noSub, { asOf: day(365) }).stage).toBe("collaborated");
  });

  it("an open escalated ticket blocks interconnected and flags the risk", () => {
    const p: RelationshipProfile = { ...interconnectedProfile, tickets: [{ openedAt: day(362), escalated: true }] };
    const c = classifyRelationshipStage(p, { asOf: day(365) });
    expect(c.stage).toBe("collaborated");
    expect(c.health).toBe("atRisk");
    expect(c.risks.map((r) => r.signal)).toEqual(["openEscalatedTickets"]);
  });

  it("flags at-risk and dissolving from inactivity at 90 and 180 days exactly", () => {
    expect(classifyRelationshipStage(basicProfile, { asOf: new Date(day(110).getTime() - 1) }).health).toBe("healthy");
    expect(classifyRelationshipStage(basicProfile, { asOf: day(110) }).health).toBe("atRisk");
    expect(classifyRelationshipStage(basicProfile, { asOf: day(200) }).health).toBe("dissolving");
    const c = classifyRelationshipStage(basicProfile, { asOf: day(200) });
    expect(c.risks[0]!.text).toBe("180 days since the last activity (needs ≥ 180)");
  });

  it("flags a detractor, a falling NPS and a lost key contact", () => {
    const p = profile({ ...basicProfile, nps: [{ at: day(21), score: 10 }, { at: day(22), score: 7 }], keyContactEvents: [{ at: day(23), type: "lost" }] });
    const c = classifyRelationshipStage(p, { asOf: day(24) });
    expect(c.health).toBe("atRisk");
    expect(c.risks.map((r) => r.signal).sort()).toEqual(["keyContactLost", "npsChange"]);
    const detractor = classifyRelationshipStage(profile({ ...basicProfile, nps: [{ at: day(21), score: 6 }] }), { asOf: day(24) });
    expect(detractor.risks.map((r) => r.signal)).toEqual(["latestNps"]);
  });

  it("uses custom criteria (as data) and validates them", () => {
    const criteria = { ...DEFAULT_STAGE_CRITERIA, basic: [{ signal: "revenue" as const, op: "gte" as const, value: 30 }] };
    expect(classifyRelationshipStage(profile({ purchases: [{ at: day(3), amount: 30 }] }), { asOf: day(4), criteria }).stage).toBe("basic");
    try {
      classifyRelationshipStage(profile(), { asOf: day(4), criteria: { ...DEFAULT_STAGE_CRITERIA, basic: [{ signal: "nope", op: "gte", value: 1 }] } as never });
      expect.unreachable();
    } catch (e) {
      expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
      expect((e as Error).message).toContain("basic[0].signal");
    }
  });

  it("relationshipStateOf checks its input like classifyRelationshipStage", () => {
    expect(() => relationshipStateOf(profile(), { asOf: new Date("x") })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => relationshipStateOf(profile(), { asOf: day(1), criteria: { basic: 1 } as never })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });

  it("rejects bad input with clear errors", () => {
    const cases: [unknown, unknown, RegExp][] = [
      [profile(), { asOf: new Date("nope") }, /options\.asOf/],
      [profile(), { asOf: "2024-01-01" }, /options\.asOf/],
      [profile(), { asOf: new Date(Date.UTC(2023, 0, 1)) }, /on or after the start/],
      [{ ...profile(), since: "2024" }, { asOf: day(1) }, /profile\.since/],
      [{ ...profile(), purchases: undefined }, { asOf: day(1) }, /profile\.purchases/],
      [null, { asOf: day(1) }, /profile/],
      [profile(), null, /options/],
    ];
    for (const [p, o, message] of cases) {
      try {
        classifyRelationshipStage(p as RelationshipProfile, o as never);
        expect.unreachable();
      } catch (e) {
        expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
        expect((e as Error).message).toMatch(message);
      }
    }
  });

  it("property: stages are cumulative — reaching stage k means every lower stage's requirements hold", () => {
    const arbProfile = fc.record({
      purchases: fc.array(fc.record({ at: fc.integer({ min: 0, max: 700 }).map(day), amount: fc.integer({ min: 0, max: 500 }) }), { maxLength: 12 }),
      interactions: fc.array(
        fc.record({
          at: fc.integer({ min: 0, max: 700 }).map(day),
          department: fc.constantFrom("sales" as const, "support" as const, "success" as const, "marketing" as const),
          twoWay: fc.boolean(),
        }),
        { maxLength: 20 },
      ),
      subscriptions: fc.array(fc.record({ startedAt: fc.integer({ min: 0, max: 700 }).map(day) }), { maxLength: 1 }),
    });
    fc.assert(
      fc.property(arbProfile, fc.integer({ min: 0, max: 800 }), (parts, d) => {
        const c = classifyRelationshipStage(profile(parts), { asOf: day(d) });
        // the fast path gives the same answer
        expect(relationshipStateOf(profile(parts), { asOf: day(d) })).toEqual({ stage: c.stage, health: c.health });
        const k = RELATIONSHIP_STAGES.indexOf(c.stage);
        const stagesMet = new Set(c.reasons.map((r) => r.stage));
        expect(c.reasons.every((r) => r.satisfied)).toBe(true);
        expect(stagesMet.size).toBe(k);
        if (c.next !== null) {
          expect(RELATIONSHIP_STAGES.indexOf(c.next.stage)).toBe(k + 1);
          expect(c.next.missing.length).toBeGreaterThan(0);
          expect(c.next.missing.every((m) => !m.satisfied)).toBe(true);
        } else expect(c.stage).toBe("interconnected");
      }),
      { numRuns: 300 },
    );
  });
});
