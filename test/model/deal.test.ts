import { describe, expect, it } from "vitest";
import { parseDeal } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "d-1",
  name: "Acme renewal",
  pipelineId: "sales",
  stageId: "won",
  status: "won",
  amount: { amount: 12_000, currency: "EUR" },
  source: "referral",
  customerId: "c-1",
  createdAt: "2024-03-01T00:00:00Z",
  closedAt: "2024-04-10T00:00:00Z",
  stageHistory: [
    { stageId: "qualified", enteredAt: "2024-03-01T00:00:00Z" },
    { stageId: "proposal", enteredAt: "2024-03-15T00:00:00Z" },
    { stageId: "qualified", enteredAt: "2024-03-20T00:00:00Z" },
    { stageId: "won", enteredAt: "2024-04-10T00:00:00Z" },
  ],
};

describe("parseDeal", () => {
  it("parses a won deal with a stage history that moved backwards once", () => {
    const d = parseDeal(valid);
    expect(d.stageHistory.map((h) => h.stageId)).toEqual(["qualified", "proposal", "qualified", "won"]);
    expect(d.stageHistory[3]!.enteredAt).toEqual(new Date("2024-04-10T00:00:00Z"));
    expect(d.closedAt).toEqual(new Date("2024-04-10T00:00:00Z"));
  });

  it("closed deals have closedAt, open ones do not, and it is not before createdAt", () => {
    const { closedAt: _, ...noClose } = valid;
    expectInvalid(() => parseDeal(noClose), "closedAt");
    expectInvalid(() => parseDeal({ ...noClose, status: "lost", stageId: "lost", stageHistory: [] }), "closedAt");
    expectInvalid(() => parseDeal({ ...valid, status: "open", stageId: "won" }), "closedAt");
    expectInvalid(() => parseDeal({ ...valid, closedAt: "2024-02-01T00:00:00Z" }), "closedAt");
    expect(parseDeal({ ...noClose, status: "open", stageId: "won" }).status).toBe("open");
  });

  it("the stage history is chronological, not before createdAt, and ends at the current stage", () => {
    const h = valid.stageHistory;
    expectInvalid(() => parseDeal({ ...valid, stageHistory: [{ ...h[0]!, enteredAt: "2024-02-28T00:00:00Z" }, ...h.slice(1)] }), "stageHistory[0].enteredAt");
    expectInvalid(() => parseDeal({ ...valid, stageHistory: [h[0]!, h[2]!, { ...h[1]!, enteredAt: "2024-03-16T00:00:00Z" }, h[3]!] }), "stageHistory[2].enteredAt");
    expectInvalid(() => parseDeal({ ...valid, stageId: "proposal" }), "stageId");
  });

  it("validates amount, status and source; rejects unknown keys", () => {
    expectInvalid(() => parseDeal({ ...valid, amount: { amount: -1, currency: "EUR" } }), "amount.amount");
    expectInvalid(() => parseDeal({ ...valid, amount: { amount: Number.NaN, currency: "EUR" } }), "amount.amount");
    expectInvalid(() => parseDeal({ ...valid, status: "closed" }), "status");
    expectInvalid(() => parseDeal({ ...valid, source: "Cold Call" }), "source");
    expectUnknownKeyRejected(() => parseDeal({ ...valid, probability: 0.4 }), "probability");
  });
});
