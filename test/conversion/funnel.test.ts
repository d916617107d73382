import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { funnel, type FunnelCounts, type FunnelEntity } from "../../src/conversion/index.js";
import { SALES_PIPELINE, addDays, day, expectCrmkitError } from "../support/conversion-fixtures.js";

const start = day("2024-01-01");
const entity = (id: string, stages: string[], extra: Partial<FunnelEntity> = {}): FunnelEntity => ({
  id,
  createdAt: start,
  stageHistory: stages.map((stageId, i) => ({ stageId, enteredAt: addDays(start, i) })),
  ...extra,
});

const records: FunnelEntity[] = [
  entity("A", ["lead", "qualified", "proposal", "won"], { source: "referral" }),
  entity("B", ["lead", "proposal", "lost"], { source: "website" }),
  entity("C", ["lead", "qualified", "lead", "qualified"], { source: "referral" }),
  entity("D", ["qualified", "negotiation", "proposal"], { source: "website" }),
  entity("E", ["lost"], { source: "website" }),
  { id: "F", createdAt: start, stageId: "lead", stageHistory: [] },
];
const asOf = day("2024-02-01");

const column = (f: FunnelCounts, key: "reached" | "entered" | "skipped" | "reentered" | "open" | "lost") => f.steps.map((s) => s[key]);

describe("funnel", () => {
  it("counts a pipeline funnel by hand: skips, re-entries, backward moves, lost and open", () => {
    const r = funnel(records, SALES_PIPELINE, { asOf });
    expect(r.steps.map((s) => s.id)).toEqual(["lead", "qualified", "proposal", "negotiation", "won"]);
    const t = r.total;
    expect(t).toMatchObject({ records: 6, notStarted: 0, lostBeforeFirstStep: 1, movedBackward: 2 });
    expect(column(t, "reached")).toEqual([5, 4, 3, 2, 1]);
    expect(column(t, "entered")).toEqual([4, 3, 3, 1, 1]);
    expect(column(t, "skipped")).toEqual([1, 1, 0, 1, 0]);
    expect(column(t, "reentered")).toEqual([1, 1, 0, 0, 0]);
    expect(column(t, "open")).toEqual([1, 1, 0, 1, 0]);
    expect(column(t, "lost")).toEqual([0, 0, 1, 0, 0]);
    expect(t.steps.map((s) => s.conversionToNext)).toEqual([4 / 5, 3 / 4, 2 / 3, 1 / 2, null]);
    expect(t.steps.map((s) => s.decidedConversionToNext)).toEqual([1, 1, 2 / 3, 1, null]);
    expect(t.steps.map((s) => s.conversionFromFirst)).toEqual([1, 4 / 5, 3 / 5, 2 / 5, 1 / 5]);
  });

  it("per source and per cohort", () => {
    const late = entity("G", ["lead"], { source: "referral", createdAt: day("2024-01-20") });
    const r = funnel([...records, { ...late, stageHistory: [{ stageId: "lead", enteredAt: day("2024-01-20") }] }], SALES_PIPELINE, {
      asOf,
      groupBy: ["source", "cohort"],
      cohort: "week",
    });
    expect(r.groups.map((g) => g.key)).toEqual([
      { source: "referral", cohort: "2024-W01" },
      { source: "referral", cohort: "2024-W03" },
      { source: "website", cohort: "2024-W01" },
      { source: null, cohort: "2024-W01" },
    ]);
    expect(column(r.groups[0]!, "reached")).toEqual([2, 2, 1, 1, 1]);
    expect(column(r.groups[2]!, "reached")).toEqual([2, 2, 2, 1, 0]);
    expect(r.groups[2]!.lostBeforeFirstStep).toBe(1);
    // Groups partition the total.
    const sum = r.groups.reduce((acc, g) => acc.map((v, k) => v + g.steps[k]!.reached), [0, 0, 0, 0, 0]);
    expect(sum).toEqual(column(r.total, "reached"));
  });

  it("as of an earlier date: later entries and later records are ignored", () => {
    const r = funnel(records, SALES_PIPELINE, { asOf: addDays(start, 1) });
    // A: lead, qualified; B: lead, proposal; C: lead, qualified; D: qualified, negotiation; E: lost; F: lead.
    expect(column(r.total, "reached")).toEqual([5, 4, 2, 1, 0]);
    expect(funnel(records, SALES_PIPELINE, { asOf: addDays(start, -1) }).total.records).toBe(0);
  });

  it("a plain list of lifecycle stages", () => {
    const r = funnel(
      [entity("1", ["subscriber", "lead", "customer"]), entity("2", ["lead"]), entity("3", ["subscriber", "other"])],
      ["subscriber", "lead", "customer"],
      { asOf, unknownStages: "ignore" },
    );
    expect(column(r.total, "reached")).toEqual([3, 2, 1]);
    expect(column(r.total, "skipped")).toEqual([1, 0, 0]);
  });

  it("accepts an async iterable", async () => {
    async function* stream() {
      yield* records;
    }
    const r = await funnel(stream(), SALES_PIPELINE, { asOf });
    expect(column(r.total, "reached")).toEqual([5, 4, 3, 2, 1]);
  });

  const stepIds = ["lead", "qualified", "proposal", "negotiation", "won"];
  const history = (monotone: boolean) =>
    fc
      .record({
        steps: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 8 }),
        lost: fc.boolean(),
        source: fc.constantFrom("referral", "website", undefined),
      })
      .map(({ steps, lost, source }) => {
        const seq = monotone ? [...steps].sort((a, b) => a - b) : steps;
        const stages = seq.map((s) => stepIds[s]!);
        if (lost && !stages.includes("won")) stages.push("lost");
        return { stages, source };
      });

  it("property: for monotone histories, counts never increase down the funnel and are conserved", () => {
    fc.assert(
      fc.property(fc.array(history(true), { maxLength: 40 }), (rows) => {
        const r = funnel(rows.map((row, i) => entity(`e${i}`, row.stages, { source: row.source })), SALES_PIPELINE, { asOf, groupBy: ["source"] });
        for (const f of [r.total, ...r.groups]) {
          const reached = column(f, "reached");
          const entered = column(f, "entered");
          for (let k = 1; k < reached.length; k++) expect(reached[k]).toBeLessThanOrEqual(reached[k - 1]!);
          for (let k = 0; k < reached.length; k++) expect(entered[k]).toBeLessThanOrEqual(reached[k]!);
          // reached(k) = reached(k+1) + open(k) + lost(k): every record is counted once at its furthest step.
          for (let k = 0; k + 1 < reached.length; k++) expect(reached[k]).toBe(reached[k + 1]! + f.steps[k]!.open + f.steps[k]!.lost);
          expect(f.records).toBe(reached[0]! + f.notStarted + f.lostBeforeFirstStep);
          expect(f.movedBackward).toBe(0);
          for (const s of f.steps) {
            for (const c of [s.conversionToNext, s.decidedConversionToNext, s.conversionFromFirst]) {
              if (c !== null) {
                expect(c).toBeGreaterThanOrEqual(0);
                expect(c).toBeLessThanOrEqual(1);
              }
            }
          }
        }
      }),
    );
  });

  it("property: with backward moves and re-entries, `reached` is still non-increasing and conserved", () => {
    fc.assert(
      fc.property(fc.array(history(false), { maxLength: 40 }), (rows) => {
        const r = funnel(rows.map((row, i) => entity(`e${i}`, row.stages)), SALES_PIPELINE, { asOf });
        const reached = column(r.total, "reached");
        for (let k = 1; k < reached.length; k++) expect(reached[k]).toBeLessThanOrEqual(reached[k - 1]!);
        for (let k = 0; k + 1 < reached.length; k++) expect(reached[k]).toBe(reached[k + 1]! + r.total.steps[k]!.open + r.total.steps[k]!.lost);
      }),
    );
  });

  describe("bad input", () => {
    it("an unknown stage names the record, the entry and the known stages", () => {
      expectCrmkitError(() => funnel([entity("x", ["lead", "demo"])], SALES_PIPELINE, { asOf }), "INVALID_INPUT", /entities\[0\] \(id "x"\)\.stageHistory\[1\]\.stageId: expected a stage of the funnel/);
    });
    it("bad stage lists, options, histories", () => {
      expectCrmkitError(() => funnel(records, [], { asOf }), "INVALID_INPUT", /stages/);
      expectCrmkitError(() => funnel(records, ["a", "a"], { asOf }), "INVALID_INPUT", /unique/);
      expectCrmkitError(() => funnel(records, SALES_PIPELINE, { asOf, groupBy: ["owner" as "source"] }), "INVALID_INPUT", /groupBy\[0\]/);
      expectCrmkitError(() => funnel(records, SALES_PIPELINE, { asOf, cohort: "fortnight" as "week" }), "INVALID_INPUT", /cohort/);
      expectCrmkitError(() => funnel(records, SALES_PIPELINE, {} as { asOf: Date }), "INVALID_INPUT", /asOf/);
      expectCrmkitError(() => funnel([{ createdAt: start, stageHistory: [{ stageId: "lead", enteredAt: addDays(start, -3) }] }], SALES_PIPELINE, { asOf }), "INVALID_INPUT", /createdAt/);
      expectCrmkitError(() => funnel([{ ...entity("x", ["lead"]), pipelineId: "other" } as FunnelEntity], SALES_PIPELINE, { asOf }), "INVALID_INPUT", /pipelineId/);
    });
  });
});
