import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyRelationshipStage, RELATIONSHIP_STAGES, stageDistribution, stageTransitionMatrix } from "../../src/stages/index.js";
import { day, profile } from "./profile-fixtures.js";

const basic = profile({
  customerId: "b",
  purchases: [{ at: day(10), amount: 40 }],
  interactions: [
    { at: day(5), department: "sales", twoWay: true },
    { at: day(20), department: "sales", twoWay: true },
  ],
});
const fresh = profile({ customerId: "f" });
const late = profile({ customerId: "l", since: day(50) });

describe("stageDistribution", () => {
  it("counts stages and health at a date, leaving out customers not started", async () => {
    const d = await stageDistribution([basic, fresh, late], { asOf: day(30) });
    expect(d.total).toBe(2);
    expect(d.notStarted).toBe(1);
    expect(d.byStage).toEqual({ exploratory: 1, basic: 1, collaborated: 0, interconnected: 0 });
    expect(d.byHealth).toEqual({ healthy: 2, atRisk: 0, dissolving: 0 });
  });

  it("accepts async iterables", async () => {
    async function* gen() {
      yield basic;
      yield fresh;
    }
    expect((await stageDistribution(gen(), { asOf: day(200) })).byHealth).toEqual({ healthy: 0, atRisk: 0, dissolving: 2 });
  });

  it("property: the counts partition the started customers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 30 }), fc.integer({ min: 0, max: 120 }), async (starts, asOf) => {
        const ps = starts.map((s, i) => profile({ customerId: `c${i}`, since: day(s), purchases: [{ at: day(s + 1), amount: 1 }] }));
        const d = await stageDistribution(ps, { asOf: day(asOf) });
        expect(d.total + d.notStarted).toBe(ps.length);
        expect(Object.values(d.byStage).reduce((a, b) => a + b, 0)).toBe(d.total);
        expect(Object.values(d.byHealth).reduce((a, b) => a + b, 0)).toBe(d.total);
      }),
    );
  });

  it("rejects a bad date", async () => {
    await expect(stageDistribution([], { asOf: new Date("x") })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("stageTransitionMatrix", () => {
  it("counts moves between two dates, with customers who started in between in their own row", async () => {
    const m = await stageTransitionMatrix([basic, fresh, late], { from: day(15), to: day(30) });
    expect(m.counts.exploratory).toEqual({ exploratory: 1, basic: 1, collaborated: 0, interconnected: 0 });
    expect(m.counts.notStarted.exploratory).toBe(0); // "late" starts at day 50, after `to`
    expect(m.upgraded).toBe(1);
    expect(m.unchanged).toBe(1);
    expect(m.downgraded).toBe(0);
    expect(m.rates.exploratory.basic).toBe(0.5);
    expect(m.rates.collaborated.basic).toBeNull();
    const later = await stageTransitionMatrix([basic, late], { from: day(30), to: day(400) });
    expect(later.counts.basic.exploratory).toBe(1);
    expect(later.downgraded).toBe(1);
    expect(later.counts.notStarted.exploratory).toBe(1);
  });

  it("agrees with classification at both dates", async () => {
    const ps = [basic, fresh];
    const m = await stageTransitionMatrix(ps, { from: day(15), to: day(380) });
    for (const p of ps) {
      const a = classifyRelationshipStage(p, { asOf: day(15) }).stage;
      const b = classifyRelationshipStage(p, { asOf: day(380) }).stage;
      expect(m.counts[a][b]).toBeGreaterThan(0);
    }
    const sum = RELATIONSHIP_STAGES.reduce((n, a) => n + RELATIONSHIP_STAGES.reduce((k, b) => k + m.counts[a][b], 0), 0);
    expect(sum).toBe(2);
  });

  it("rejects to <= from", async () => {
    await expect(stageTransitionMatrix([], { from: day(5), to: day(5) })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
