import { describe, expect, it } from "vitest";
import { DEPARTMENTS, DirectionSchema, INTERACTION_CHANNELS, parseInteraction } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "i-1",
  customerId: "c-1",
  channel: "call",
  department: "support",
  direction: "inbound",
  occurredAt: "2024-05-02T14:30:00Z",
  durationSeconds: 420,
  ticketId: "t-9",
};

describe("parseInteraction", () => {
  it("parses a touchpoint on every channel, department and direction", () => {
    for (const channel of INTERACTION_CHANNELS) expect(parseInteraction({ ...valid, channel }).channel).toBe(channel);
    for (const department of DEPARTMENTS) expect(parseInteraction({ ...valid, department }).department).toBe(department);
    for (const direction of ["inbound", "outbound", "internal"] as const) expect(parseInteraction({ ...valid, direction }).direction).toBe(direction);
    const i = parseInteraction(valid);
    expect(i.occurredAt).toEqual(new Date("2024-05-02T14:30:00Z"));
    expect(i.tags).toEqual([]);
    expect(DirectionSchema.safeParse("sideways").success).toBe(false);
  });

  it("rejects unknown channels, departments and directions, negative durations, and missing links", () => {
    expectInvalid(() => parseInteraction({ ...valid, channel: "telegram" }), "channel");
    expectInvalid(() => parseInteraction({ ...valid, department: "hr" }), "department");
    expectInvalid(() => parseInteraction({ ...valid, direction: "both" }), "direction");
    expectInvalid(() => parseInteraction({ ...valid, durationSeconds: -1 }), "durationSeconds");
    expectInvalid(() => parseInteraction({ ...valid, durationSeconds: Number.POSITIVE_INFINITY }), "durationSeconds");
    const { customerId: _, ...noCustomer } = valid;
    expectInvalid(() => parseInteraction(noCustomer), "customerId");
    expectInvalid(() => parseInteraction({ ...valid, dealId: "" }), "dealId");
    expectUnknownKeyRejected(() => parseInteraction({ ...valid, sentiment: "angry" }), "sentiment");
  });
});
