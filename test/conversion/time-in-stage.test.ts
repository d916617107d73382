import { describe, expect, it } from "vitest";
import { timeInStage, type ConversionDeal } from "../../src/conversion/index.js";
import { SALES_PIPELINE, day, expectCrmkitError } from "../support/conversion-fixtures.js";

const h = (...entries: [string, string][]) => entries.map(([stageId, d]) => ({ stageId, enteredAt: day(d) }));

// Deal 1: qualified 10 days, proposal 4, back to qualified 5, proposal again (open at asOf, 11 days so far).
const d1: ConversionDeal = {
  id: "d1", status: "open", pipelineId: "sales", stageId: "proposal", createdAt: day("2024-01-01"),
  stageHistory: h(["qualified", "2024-01-01"], ["proposal", "2024-01-11"], ["qualified", "2024-01-15"], ["proposal", "2024-01-20"]),
};
// Deal 2: qualified 6 days, proposal 14, won.
const d2: ConversionDeal = {
  id: "d2", status: "won", pipelineId: "sales", stageId: "won", createdAt: day("2024-01-01"), closedAt: day("2024-01-21"),
  stageHistory: h(["qualified", "2024-01-01"], ["proposal", "2024-01-07"], ["won", "2024-01-21"]),
};
// Deal 3: lost straight from qualified, no closing-stage entry in its history: qualified until closedAt (20 days).
const d3: ConversionDeal = {
  id: "d3", status: "lost", pipelineId: "sales", stageId: "qualified", createdAt: day("2024-01-01"), closedAt: day("2024-01-21"),
  stageHistory: h(["qualified", "2024-01-01"]),
};
const asOf = day("2024-01-31");

describe("timeInStage", () => {
  it("latest visit and cumulative time per stage, by hand", () => {
    const r = timeInStage([d1, d2, d3], { asOf, pipeline: SALES_PIPELINE });
    const q = r.stages.find((s) => s.stageId === "qualified")!;
    expect(q).toMatchObject({ deals: 3, visits: 4, reentered: 1, ongoing: 0 });
    // cumulative: d1 10 + 5 = 15, d2 6, d3 20; latest: d1 5, d2 6, d3 20.
    expect(q.cumulative!.meanDays).toBeCloseTo((15 + 6 + 20) / 3, 12);
    expect(q.cumulative!.medianDays).toBe(15);
    expect(q.latest!.meanDays).toBeCloseTo((5 + 6 + 20) / 3, 12);
    const p = r.stages.find((s) => s.stageId === "proposal")!;
    // d1: 4 + 11 (ongoing to asOf), latest 11; d2: 14.
    expect(p).toMatchObject({ deals: 2, visits: 3, reentered: 1, ongoing: 1 });
    expect(p.cumulative!.meanDays).toBe((15 + 14) / 2);
    expect(p.latest!.meanDays).toBe((11 + 14) / 2);
    // Won and lost stages are not reported; unvisited open stages are, with no durations.
    expect(r.stages.map((s) => s.stageId)).toEqual(["lead", "qualified", "proposal", "negotiation"]);
    expect(r.stages[0]).toMatchObject({ deals: 0, latest: null, cumulative: null });
  });

  it("ongoing: exclude leaves out deals still in the stage", () => {
    const r = timeInStage([d1, d2, d3], { asOf, pipeline: SALES_PIPELINE, ongoing: "exclude" });
    const p = r.stages.find((s) => s.stageId === "proposal")!;
    expect(p.ongoing).toBe(1);
    expect(p.cumulative!.count).toBe(1);
    expect(p.cumulative!.meanDays).toBe(14);
  });

  it("as of an earlier date, the history is cut there", () => {
    const r = timeInStage([d1], { asOf: day("2024-01-13") });
    expect(r.stages.map((s) => [s.stageId, s.cumulative!.meanDays, s.ongoing])).toEqual([
      ["qualified", 10, 0],
      ["proposal", 2, 1],
    ]);
  });

  it("without a pipeline: stages in order of appearance; a closed deal's last entry is its closing stage", () => {
    const r = timeInStage([d2], { asOf });
    expect(r.stages.map((s) => s.stageId)).toEqual(["qualified", "proposal"]);
    expect(r.stages[1]!.cumulative!.meanDays).toBe(14);
  });

  describe("bad input", () => {
    it("unknown stage", () => {
      const bad = { ...d1, stageHistory: h(["qualified", "2024-01-01"], ["demo", "2024-01-05"]) };
      expectCrmkitError(() => timeInStage([bad], { asOf, pipeline: SALES_PIPELINE }), "INVALID_INPUT", /stageHistory\[1\]\.stageId: expected a stage of pipeline "sales"/);
    });
    it("deal of another pipeline, history out of order, missing asOf", () => {
      expectCrmkitError(() => timeInStage([{ ...d1, pipelineId: "renewals" }], { asOf, pipeline: SALES_PIPELINE }), "INVALID_INPUT", /pipelineId/);
      const unordered = { ...d1, stageHistory: h(["qualified", "2024-01-05"], ["proposal", "2024-01-02"]) };
      expectCrmkitError(() => timeInStage([unordered], { asOf }), "INVALID_INPUT", /chronological/);
      expectCrmkitError(() => timeInStage([d1], {} as { asOf: Date }), "INVALID_INPUT", /options\.asOf/);
      expectCrmkitError(() => timeInStage([d1], { asOf, ongoing: "maybe" as "include" }), "INVALID_INPUT", /options\.ongoing/);
    });
  });
});
