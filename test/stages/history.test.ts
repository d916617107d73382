import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { classifyRelationshipStage, relationshipStageHistory, type StageHistory } from "../../src/stages/index.js";
import { DAY, day, profile } from "./profile-fixtures.js";

function stateAt(h: StageHistory, at: Date) {
  let state = h.transitions[0]!.to;
  for (const t of h.transitions) if (t.at <= at) state = t.to;
  return state;
}

describe("relationshipStageHistory", () => {
  const p = profile({
    purchases: [{ at: day(10), amount: 40 }],
    interactions: [
      { at: day(5), department: "sales", twoWay: true },
      { at: day(20), department: "sales", twoWay: true },
    ],
  });

  it("lists the transitions with their dates, including time-driven ones", () => {
    const h = relationshipStageHistory(p, { until: day(400) });
    const rows = h.transitions.map((t) => [t.at.toISOString().slice(0, 10), t.to.stage, t.to.health]);
    expect(rows).toEqual([
      ["2024-01-01", "exploratory", "healthy"],
      ["2024-01-21", "basic", "healthy"], // day 20: the second two-way interaction
      ["2024-04-20", "basic", "atRisk"], // day 110: 90 days without activity
      ["2024-07-19", "basic", "dissolving"], // day 200: 180 days
      ["2025-01-05", "exploratory", "dissolving"], // day 370 = 365 + 5: the day-5 interaction leaves the 365-day window
    ]);
    expect(h.transitions[0]!.from).toBeNull();
    expect(h.transitions[1]!.from).toEqual({ stage: "exploratory", health: "healthy" });
  });

  it("adds up the time in each stage and health state to the whole span", () => {
    const h = relationshipStageHistory(p, { until: day(400) });
    expect(h.daysInStage).toEqual({ exploratory: 20 + 30, basic: 350, collaborated: 0, interconnected: 0 });
    expect(h.daysInHealth).toEqual({ healthy: 110, atRisk: 90, dissolving: 200 });
  });

  it("attaches the classification when asked", () => {
    const h = relationshipStageHistory(p, { until: day(30), includeClassifications: true });
    expect(h.transitions[1]!.classification?.reasons.length).toBe(2);
  });

  it("property: the replayed state at any instant equals the classification at that instant", () => {
    const arb = fc.record({
      purchases: fc.array(fc.record({ at: fc.integer({ min: 0, max: 500 }).map(day), amount: fc.integer({ min: 0, max: 300 }) }), { maxLength: 8 }),
      interactions: fc.array(
        fc.record({
          at: fc.integer({ min: 0, max: 500 * 24 }).map((h) => new Date(day(0).getTime() + h * 3_600_000)),
          department: fc.constantFrom("sales" as const, "support" as const, "success" as const),
          twoWay: fc.boolean(),
        }),
        { maxLength: 14 },
      ),
      tickets: fc.array(
        fc.record({ openedAt: fc.integer({ min: 0, max: 500 }).map(day), escalated: fc.boolean(), dur: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }) }).map((t) => ({
          openedAt: t.openedAt,
          escalated: t.escalated,
          ...(t.dur === undefined ? {} : { resolvedAt: new Date(t.openedAt.getTime() + t.dur * DAY) }),
        })),
        { maxLength: 3 },
      ),
      nps: fc.array(fc.record({ at: fc.integer({ min: 0, max: 500 }).map(day), score: fc.integer({ min: 0, max: 10 }) }), { maxLength: 3 }),
      subscriptions: fc.array(fc.record({ startedAt: fc.integer({ min: 0, max: 500 }).map(day) }), { maxLength: 1 }),
    });
    fc.assert(
      fc.property(arb, fc.array(fc.integer({ min: 0, max: 700 * 24 * 60 }), { minLength: 1, maxLength: 12 }), (parts, minutes) => {
        const pr = profile(parts);
        const until = day(700);
        const h = relationshipStageHistory(pr, { until });
        for (const m of minutes) {
          const at = new Date(day(0).getTime() + m * 60_000);
          const c = classifyRelationshipStage(pr, { asOf: at });
          expect(stateAt(h, at)).toEqual({ stage: c.stage, health: c.health });
        }
        // consecutive transitions always change something
        for (let i = 1; i < h.transitions.length; i++) expect(h.transitions[i]!.to).not.toEqual(h.transitions[i - 1]!.to);
      }),
      { numRuns: 150 },
    );
  });

  it("rejects bad input", () => {
    for (const [pr, o] of [
      [p, { until: new Date(Date.UTC(2023, 0, 1)) }],
      [p, { until: "2025" }],
      [p, null],
      [{ ...p, interactions: null }, { until: day(5) }],
    ] as const) {
      expect(() => relationshipStageHistory(pr as never, o as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    }
    try {
      relationshipStageHistory(p, { until: day(5), criteria: { basic: [] } as never });
    } catch (e) {
      expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
    }
  });
});
