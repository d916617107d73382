import { describe, expect, it } from "vitest";
import { parsePipeline, PipelineStageSchema } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const stages = [
  { id: "qualified", name: "Qualified", probability: 0.2, kind: "open" },
  { id: "proposal", name: "Proposal", probability: 0.5, kind: "open" },
  { id: "won", name: "Closed won", probability: 1, kind: "won" },
  { id: "lost", name: "Closed lost", probability: 0, kind: "lost" },
];
const valid = { id: "sales", name: "New business", createdAt: "2024-01-01T00:00:00Z", stages };

describe("parsePipeline", () => {
  it("parses a pipeline with ordered stages", () => {
    const p = parsePipeline(valid);
    expect(p.stages.map((s) => s.id)).toEqual(["qualified", "proposal", "won", "lost"]);
    expect(p.createdAt).toEqual(new Date("2024-01-01T00:00:00Z"));
  });

  it("won stages have probability 1, lost stages 0, all within [0, 1]", () => {
    expectInvalid(() => parsePipeline({ ...valid, stages: stages.map((s) => (s.kind === "won" ? { ...s, probability: 0.99 } : s)) }), "stages[2].probability");
    expectInvalid(() => parsePipeline({ ...valid, stages: stages.map((s) => (s.kind === "lost" ? { ...s, probability: 0.01 } : s)) }), "stages[3].probability");
    expectInvalid(() => parsePipeline({ ...valid, stages: stages.map((s, i) => (i === 0 ? { ...s, probability: 1.2 } : s)) }), "stages[0].probability");
    expect(PipelineStageSchema.safeParse({ id: "x", name: "X", probability: 0.5, kind: "closed" }).success).toBe(false);
  });

  it("stage ids are unique and an open, a won and a lost stage are required (at least three stages)", () => {
    expectInvalid(() => parsePipeline({ ...valid, stages: [...stages, { ...stages[0]! }] }), "stages[4].id");
    expectInvalid(() => parsePipeline({ ...valid, stages: [stages[0]!, stages[1]!, stages[2]!] }), "stages");
    expectInvalid(() => parsePipeline({ ...valid, stages: [stages[2]!, stages[3]!] }), "stages");
    expectUnknownKeyRejected(() => parsePipeline({ ...valid, stages: [{ ...stages[0]!, color: "red" }, ...stages.slice(1)] }), "color");
  });
});
