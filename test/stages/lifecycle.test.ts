import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { parseCustomer } from "../../src/model/index.js";
import { canTransitionLifecycle, DEFAULT_LIFECYCLE_CONFIG, LifecycleConfigSchema, lifecycleStageAt, transitionLifecycle } from "../../src/stages/index.js";

const lead = parseCustomer({
  id: "c-1",
  createdAt: "2024-01-01T00:00:00Z",
  lifecycleStage: "lead",
  lifecycleHistory: [{ stage: "lead", enteredAt: "2024-01-01T00:00:00Z" }],
});

describe("lifecycle stages", () => {
  it("moves forward (skipping allowed), records the history and leaves the input untouched", () => {
    const c = transitionLifecycle(lead, "opportunity", { at: new Date("2024-02-01T00:00:00Z") });
    expect(c.lifecycleStage).toBe("opportunity");
    expect(c.lifecycleHistory).toEqual([
      { stage: "lead", enteredAt: new Date("2024-01-01T00:00:00Z") },
      { stage: "opportunity", enteredAt: new Date("2024-02-01T00:00:00Z") },
    ]);
    expect(lead.lifecycleStage).toBe("lead");
    expect(lead.lifecycleHistory).toHaveLength(1);
    expect(() => parseCustomer(c)).not.toThrow(); // still a valid customer
  });

  it("rejects a backward move naming the allowed moves", () => {
    const c = transitionLifecycle(lead, "customer", { at: new Date("2024-02-01") });
    try {
      transitionLifecycle(c, "lead", { at: new Date("2024-03-01") });
      expect.unreachable();
    } catch (e) {
      expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
      expect((e as Error).message).toBe('Customer "c-1": lifecycle move customer -> lead is not allowed; allowed from customer: evangelist, other');
    }
  });

  it("allows other from anywhere and anything from other, and a first stage from none", () => {
    expect(canTransitionLifecycle("opportunity", "other")).toBe(true);
    expect(canTransitionLifecycle("other", "subscriber")).toBe(true);
    expect(canTransitionLifecycle(undefined, "lead")).toBe(true);
    expect(canTransitionLifecycle("evangelist", "customer")).toBe(false);
    for (const [i, s] of DEFAULT_LIFECYCLE_CONFIG.stages.entries()) {
      for (const t of DEFAULT_LIFECYCLE_CONFIG.stages.slice(i + 1)) {
        if (s.id !== "other") expect(canTransitionLifecycle(s.id, t.id)).toBe(true);
      }
    }
  });

  it("moving to the current stage changes nothing", () => {
    expect(transitionLifecycle(lead, "lead", { at: new Date("2024-05-01") }).lifecycleHistory).toHaveLength(1);
  });

  it("rejects unknown stages, out-of-order dates and bad configs", () => {
    expect(() => transitionLifecycle(lead, "vip", { at: new Date("2024-02-01") })).toThrow(/one of subscriber, lead/);
    expect(() => transitionLifecycle(lead, "customer", { at: new Date("2023-12-01") })).toThrow(/on or after the last stage change/);
    expect(() => transitionLifecycle(lead, "customer", { at: new Date("nope") })).toThrow(/options\.at/);
    expect(LifecycleConfigSchema.safeParse({ stages: [{ id: "a", label: "A" }], initial: ["b"], transitions: {} }).success).toBe(false);
    expect(LifecycleConfigSchema.safeParse({ stages: [{ id: "a", label: "A" }], initial: ["a"], transitions: JSON.parse('{"__proto__": ["a"]}') }).success).toBe(false);
    expect(LifecycleConfigSchema.safeParse({ stages: [{ id: "a", label: "A" }, { id: "a", label: "B" }], initial: ["a"], transitions: {} }).success).toBe(false);
  });

  it("uses a custom configuration as data", () => {
    const config = { stages: [{ id: "trial", label: "Trial" }, { id: "paying", label: "Paying" }, { id: "churned", label: "Churned" }], initial: ["trial"], transitions: { trial: ["paying", "churned"], paying: ["churned"], churned: ["paying"] } };
    const c = parseCustomer({ id: "x", createdAt: "2024-01-01T00:00:00Z" });
    const t = transitionLifecycle(c, "trial", { at: new Date("2024-01-01T00:00:00Z"), config });
    const p = transitionLifecycle(t, "paying", { at: new Date("2024-01-15T00:00:00Z"), config });
    expect(transitionLifecycle(transitionLifecycle(p, "churned", { at: new Date("2024-03-01"), config }), "paying", { at: new Date("2024-04-01"), config }).lifecycleStage).toBe("paying");
    expect(() => transitionLifecycle(c, "paying", { at: new Date("2024-01-01"), config })).toThrow(/allowed from \(none\): trial/);
  });

  it("reads the stage at a date from the history", () => {
    const c = transitionLifecycle(lead, "customer", { at: new Date("2024-03-01T00:00:00Z") });
    expect(lifecycleStageAt(c, new Date("2023-12-31"))).toBeUndefined();
    expect(lifecycleStageAt(c, new Date("2024-02-01"))).toBe("lead");
    expect(lifecycleStageAt(c, new Date("2024-03-01T00:00:00Z"))).toBe("customer");
  });
});
