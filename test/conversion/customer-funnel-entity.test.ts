import { describe, expect, it } from "vitest";
import { customerFunnelEntity, funnel } from "../../src/conversion/index.js";
import { parseCustomer } from "../../src/model/customer.js";
import { day } from "../support/conversion-fixtures.js";

describe("customerFunnelEntity", () => {
  it("turns a lifecycle history into a funnel record", () => {
    const c = parseCustomer({
      id: "c-1",
      createdAt: "2024-01-15T00:00:00Z",
      acquisitionSource: "referral",
      lifecycleStage: "customer",
      lifecycleHistory: [
        { stage: "subscriber", enteredAt: "2024-01-10T00:00:00Z" },
        { stage: "lead", enteredAt: "2024-01-15T00:00:00Z" },
        { stage: "customer", enteredAt: "2024-02-01T00:00:00Z" },
      ],
    });
    const e = customerFunnelEntity(c);
    expect(e).toMatchObject({ id: "c-1", source: "referral", createdAt: day("2024-01-10") });
    expect(e.stageHistory!.map((s) => s.stageId)).toEqual(["subscriber", "lead", "customer"]);
    const r = funnel([e], ["subscriber", "lead", "marketing_qualified_lead", "customer"], { asOf: day("2024-03-01") });
    expect(r.total.steps.map((s) => [s.reached, s.skipped])).toEqual([[1, 0], [1, 0], [1, 1], [1, 0]]);
  });
});
