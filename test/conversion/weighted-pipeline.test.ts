import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weightedPipeline, type ConversionDeal } from "../../src/conversion/index.js";
import type { Pipeline } from "../../src/model/pipeline.js";
import { SALES_PIPELINE, day, eur, expectCrmkitError } from "../support/conversion-fixtures.js";

const open = (id: string, stageId: string, amount: number, close: string | undefined, extra: Partial<ConversionDeal> = {}): ConversionDeal => ({
  id, status: "open", pipelineId: "sales", stageId, createdAt: day("2024-01-01"), amount: eur(amount),
  ...(close === undefined ? {} : { expectedCloseAt: day(close) }), ...extra,
});

const deals: ConversionDeal[] = [
  open("a", "lead", 10_000, "2024-03-05", { ownerId: "ann", source: "referral" }), // 1,000
  open("b", "proposal", 20_000, "2024-03-28", { ownerId: "bob", source: "website" }), // 10,000
  open("c", "negotiation", 5_000, "2024-04-02", { ownerId: "ann", source: "referral" }), // 4,000
  open("d", "qualified", 8_000, undefined, { ownerId: "bob" }), // 2,000
  { id: "w", status: "won", pipelineId: "sales", stageId: "won", createdAt: day("2024-01-01"), closedAt: day("2024-02-01"), amount: eur(99_000) },
  { id: "n", status: "open", pipelineId: "sales", stageId: "lead", createdAt: day("2024-01-01") }, // no amount
];

describe("weightedPipeline", () => {
  it("amount × stage probability by expected close month (hand-computed)", () => {
    const r = weightedPipeline(deals, SALES_PIPELINE);
    expect(r.groups).toEqual([
      { key: "2024-03", currency: "EUR", deals: 2, total: 30_000, weighted: 11_000 },
      { key: "2024-04", currency: "EUR", deals: 1, total: 5_000, weighted: 4_000 },
      { key: null, currency: "EUR", deals: 1, total: 8_000, weighted: 2_000 },
    ]);
    expect(r.totals).toEqual([{ currency: "EUR", deals: 4, total: 43_000, weighted: 17_000 }]);
    expect(r.openDeals).toBe(5);
    expect(r.withoutAmount).toBe(1);
  });

  it("with asOf, deals expected to close before it are grouped as overdue (listed first)", () => {
    const r = weightedPipeline(deals, SALES_PIPELINE, { asOf: day("2024-04-01") });
    expect(r.groups.map((g) => [g.key, g.deals, g.weighted])).toEqual([
      ["overdue", 2, 11_000],
      ["2024-04", 1, 4_000],
      [null, 1, 2_000],
    ]);
  });

  it("by owner, by source, by stage", () => {
    expect(weightedPipeline(deals, SALES_PIPELINE, { by: "owner" }).groups.map((g) => [g.key, g.weighted])).toEqual([
      ["ann", 5_000],
      ["bob", 12_000],
    ]);
    expect(weightedPipeline(deals, SALES_PIPELINE, { by: "source" }).groups.map((g) => [g.key, g.total])).toEqual([
      ["referral", 15_000],
      ["website", 20_000],
      [null, 8_000],
    ]);
    expect(weightedPipeline(deals, SALES_PIPELINE, { by: "stage" }).groups.map((g) => g.key)).toEqual(["lead", "negotiation", "proposal", "qualified"]);
  });

  it("probability overrides", () => {
    const r = weightedPipeline(deals, SALES_PIPELINE, { by: "none", probabilities: { proposal: 0.9 } });
    expect(r.totals[0]!.weighted).toBe(1_000 + 18_000 + 4_000 + 2_000);
  });

  it("groups by currency, never summing currencies", () => {
    const usd = open("u", "proposal", 1_000, "2024-03-10", { amount: { amount: 1_000, currency: "USD" } });
    const r = weightedPipeline([...deals, usd], SALES_PIPELINE);
    expect(r.groups.filter((g) => g.key === "2024-03").map((g) => [g.currency, g.total])).toEqual([
      ["EUR", 30_000],
      ["USD", 1_000],
    ]);
    expect(r.totals.map((t) => t.currency)).toEqual(["EUR", "USD"]);
    expectCrmkitError(() => weightedPipeline([...deals, usd], SALES_PIPELINE, { currency: "EUR" }), "CURRENCY_MISMATCH", /USD, expected EUR/);
  });

  it("several pipelines: each deal weighted by its own pipeline", () => {
    const renewals: Pipeline = {
      id: "renewals", name: "Renewals", createdAt: day("2024-01-01"),
      stages: [
        { id: "due", name: "Due", probability: 0.7, kind: "open" },
        { id: "renewed", name: "Renewed", probability: 1, kind: "won" },
        { id: "churned", name: "Churned", probability: 0, kind: "lost" },
      ],
    };
    const r = weightedPipeline([...deals, open("r", "due", 1_000, "2024-03-01", { pipelineId: "renewals" })], [SALES_PIPELINE, renewals], { by: "none" });
    expect(r.totals[0]!.weighted).toBe(17_000 + 700);
  });

  it("property: weighted ≤ total in every group, totals add up", () => {
    const stages = ["lead", "qualified", "proposal", "negotiation"];
    fc.assert(
      fc.property(
        fc.array(fc.record({ stage: fc.integer({ min: 0, max: 3 }), amount: fc.double({ min: 0, max: 1e7, noNaN: true }), month: fc.integer({ min: 1, max: 12 }) }), { maxLength: 50 }),
        (rows) => {
          const ds = rows.map((r, i) => open(`d${i}`, stages[r.stage]!, r.amount, `2024-${String(r.month).padStart(2, "0")}-15`));
          const res = weightedPipeline(ds, SALES_PIPELINE);
          for (const g of res.groups) expect(g.weighted).toBeLessThanOrEqual(g.total * (1 + 1e-12));
          const total = res.groups.reduce((s, g) => s + g.total, 0);
          expect(res.totals[0]?.total ?? 0).toBeCloseTo(total, 6);
          expect(res.totals[0]?.weighted ?? 0).toBeLessThanOrEqual((res.totals[0]?.total ?? 0) * (1 + 1e-12));
        },
      ),
    );
  });

  describe("bad input", () => {
    it("unknown stage", () => {
      expectCrmkitError(() => weightedPipeline([open("x", "demo", 1, undefined)], SALES_PIPELINE), "INVALID_INPUT", /deals\[0\] \(id "x"\)\.stageId: expected a stage of pipeline "sales"/);
    });
    it("an open deal in a won or lost stage", () => {
      expectCrmkitError(() => weightedPipeline([open("x", "won", 1, undefined)], SALES_PIPELINE), "INVALID_INPUT", /won stage "won"/);
    });
    it("a deal of an unknown pipeline, negative amount, bad overrides", () => {
      expectCrmkitError(() => weightedPipeline([open("x", "lead", 1, undefined, { pipelineId: "other" })], [SALES_PIPELINE, { ...SALES_PIPELINE, id: "p2" }]), "INVALID_INPUT", /pipelineId/);
      expectCrmkitError(() => weightedPipeline([open("x", "lead", -5, undefined)], SALES_PIPELINE), "INVALID_INPUT", /amount/);
      expectCrmkitError(() => weightedPipeline(deals, SALES_PIPELINE, { probabilities: { demo: 0.5 } }), "INVALID_INPUT", /demo/);
      expectCrmkitError(() => weightedPipeline(deals, SALES_PIPELINE, { probabilities: { lead: 2 } }), "INVALID_INPUT", /probability/);
      expectCrmkitError(() => weightedPipeline(deals, SALES_PIPELINE, { probabilities: JSON.parse('{"__proto__": 0.5}') as Record<string, number> }), "INVALID_INPUT", /__proto__/);
      expectCrmkitError(() => weightedPipeline(deals, SALES_PIPELINE, { by: "month" as "closeMonth" }), "INVALID_INPUT", /options\.by/);
    });
    it("a malformed pipeline", () => {
      const bad = { ...SALES_PIPELINE, stages: SALES_PIPELINE.stages.map((s) => (s.id === "won" ? { ...s, probability: 0.9 } : s)) };
      expectCrmkitError(() => weightedPipeline(deals, bad), "INVALID_INPUT", /probability 1 for a won stage/);
    });
  });
});
