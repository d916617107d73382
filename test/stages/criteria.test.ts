import { describe, expect, it } from "vitest";
import { DEFAULT_STAGE_CRITERIA, StageConditionSchema, StageCriteriaSchema } from "../../src/stages/index.js";

describe("stage criteria schema", () => {
  it("accepts the defaults and survives a JSON round trip", () => {
    expect(StageCriteriaSchema.parse(DEFAULT_STAGE_CRITERIA)).toEqual(DEFAULT_STAGE_CRITERIA);
    expect(StageCriteriaSchema.parse(JSON.parse(JSON.stringify(DEFAULT_STAGE_CRITERIA)))).toEqual(DEFAULT_STAGE_CRITERIA);
  });

  it("rejects a window on a signal that has none", () => {
    const r = StageConditionSchema.safeParse({ signal: "tenureDays", op: "gte", value: 30, windowDays: 10 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["windowDays"]);
  });

  it("rejects booleans compared with an order and numbers given booleans", () => {
    expect(StageConditionSchema.safeParse({ signal: "activeSubscription", op: "gte", value: true }).success).toBe(false);
    expect(StageConditionSchema.safeParse({ signal: "activeSubscription", op: "eq", value: 1 }).success).toBe(false);
    expect(StageConditionSchema.safeParse({ signal: "purchaseCount", op: "gte", value: true }).success).toBe(false);
  });

  it("rejects unknown signals, operators, keys and NaN thresholds", () => {
    expect(StageConditionSchema.safeParse({ signal: "eval", op: "gte", value: 1 }).success).toBe(false);
    expect(StageConditionSchema.safeParse({ signal: "purchaseCount", op: "approx", value: 1 }).success).toBe(false);
    expect(StageConditionSchema.safeParse({ signal: "purchaseCount", op: "gte", value: Number.NaN }).success).toBe(false);
    expect(StageConditionSchema.safeParse({ signal: "purchaseCount", op: "gte", value: 1, __proto__x: 1 }).success).toBe(false);
    expect(StageCriteriaSchema.safeParse({ ...DEFAULT_STAGE_CRITERIA, extra: [] }).success).toBe(false);
  });
});
