import { describe, expect, it } from "vitest";
import { LeadScoringRulesSchema, parseLeadScoringRules } from "../../src/conversion/index.js";
import { expectCrmkitError } from "../support/conversion-fixtures.js";

describe("parseLeadScoringRules", () => {
  it("accepts fit and engagement rules with defaults, and freezes the result", () => {
    const rules = parseLeadScoringRules({ fit: [{ field: "attributes.employees", op: "gte", value: 100, points: 10 }], halfLifeDays: 30 });
    expect(rules.engagement).toEqual([]);
    expect(Object.isFrozen(rules)).toBe(true);
    expect(parseLeadScoringRules(rules)).toBe(rules); // remembered: not re-validated
  });

  it("rejects unknown fields, operators and keys, with the path", () => {
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "salary", op: "equals", value: 1, points: 1 }] }), "INVALID_INPUT", /fit\[0\]\.field/);
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "source", op: "matches", value: ".*", points: 1 }] }), "INVALID_INPUT", /fit\[0\]\.op/);
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "source", op: "equals", value: "x", points: 1 }], extra: true }), "INVALID_INPUT", /extra/);
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "attributes.__proto__", op: "exists", points: 1 }] }), "INVALID_INPUT", /reserved/);
  });

  it("checks each operator's value", () => {
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "score", op: "gt", value: "10", points: 1 }] }), "INVALID_INPUT", /expected a number for "gt"/);
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "source", op: "in", value: [], points: 1 }] }), "INVALID_INPUT", /non-empty array/);
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "source", op: "exists", value: 1, points: 1 }] }), "INVALID_INPUT", /no value/);
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "source", op: "equals", points: 1 }] }), "INVALID_INPUT", /single value/);
  });

  it("rejects empty rule sets, bad caps, non-finite points", () => {
    expectCrmkitError(() => parseLeadScoringRules({}), "INVALID_INPUT", /at least one/);
    expectCrmkitError(() => parseLeadScoringRules({ engagement: [{ event: "web_visit", points: 1, cap: -1 }] }), "INVALID_INPUT", /cap/);
    expectCrmkitError(() => parseLeadScoringRules({ engagement: [{ event: "Web Visit", points: 1 }] }), "INVALID_INPUT", /event/);
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "source", op: "exists", points: Infinity }] }), "INVALID_INPUT", /points/);
    expectCrmkitError(() => parseLeadScoringRules({ fit: [{ field: "source", op: "exists", points: 1 }], minFit: 10, maxFit: 5 }), "INVALID_INPUT", /minFit/);
  });

  it("the schema is usable directly", () => {
    expect(LeadScoringRulesSchema.safeParse({ engagement: [{ event: "demo_request", points: 30 }] }).success).toBe(true);
  });
});
