import { describe, expect, it } from "vitest";
import { parseSubscription } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const usd = (amount: number) => ({ amount, currency: "USD" });
const valid = {
  id: "s-1",
  customerId: "c-1",
  accountId: "a-1",
  plan: "growth",
  status: "active",
  billingInterval: "month",
  mrr: usd(140),
  quantity: 4,
  startedAt: "2024-01-01T00:00:00Z",
  mrrHistory: [
    { effectiveAt: "2024-01-01T00:00:00Z", mrr: usd(105) },
    { effectiveAt: "2024-04-01T00:00:00Z", mrr: usd(140) },
  ],
};

describe("parseSubscription", () => {
  it("parses a subscription with its MRR history; timestamps become Dates", () => {
    const s = parseSubscription(valid);
    expect(s.startedAt).toEqual(new Date("2024-01-01T00:00:00Z"));
    expect(s.mrrHistory.map((c) => c.effectiveAt.toISOString())).toEqual(["2024-01-01T00:00:00.000Z", "2024-04-01T00:00:00.000Z"]);
    expect(parseSubscription({ id: "s", customerId: "c", plan: "p", status: "trialing", billingInterval: "year", mrr: usd(0), startedAt: "2024-01-01T00:00:00Z" }).mrrHistory).toEqual([]);
  });

  it("a canceled subscription needs endedAt; endedAt is only allowed once canceled", () => {
    expectInvalid(() => parseSubscription({ ...valid, status: "canceled" }), "endedAt");
    const ended = parseSubscription({ ...valid, status: "canceled", endedAt: "2024-06-01T00:00:00Z", cancelRequestedAt: "2024-05-20T00:00:00Z" });
    expect(ended.endedAt).toEqual(new Date("2024-06-01T00:00:00Z"));
    expectInvalid(() => parseSubscription({ ...valid, endedAt: "2024-06-01T00:00:00Z" }), "endedAt");
    // A cancellation scheduled for the end of the period: still active, cancelRequestedAt set.
    expect(parseSubscription({ ...valid, cancelRequestedAt: "2024-05-20T00:00:00Z" }).status).toBe("active");
  });

  it("checks the order of startedAt, trialEndsAt, cancelRequestedAt and endedAt", () => {
    expectInvalid(() => parseSubscription({ ...valid, status: "canceled", endedAt: "2023-12-31T00:00:00Z", mrrHistory: [] }), "endedAt");
    expectInvalid(() => parseSubscription({ ...valid, trialEndsAt: "2023-12-20T00:00:00Z" }), "trialEndsAt");
    expectInvalid(() => parseSubscription({ ...valid, cancelRequestedAt: "2023-12-20T00:00:00Z" }), "cancelRequestedAt");
    expectInvalid(() => parseSubscription({ ...valid, status: "canceled", endedAt: "2024-06-01T00:00:00Z", cancelRequestedAt: "2024-06-02T00:00:00Z" }), "cancelRequestedAt");
  });

  it("keeps the MRR history in the subscription's currency, within its life, oldest first, ending at the current MRR", () => {
    expectInvalid(() => parseSubscription({ ...valid, mrrHistory: [{ effectiveAt: "2024-01-01T00:00:00Z", mrr: { amount: 140, currency: "EUR" } }] }), "mrrHistory[0].mrr.currency");
    expectInvalid(() => parseSubscription({ ...valid, mrrHistory: [{ effectiveAt: "2023-12-01T00:00:00Z", mrr: usd(140) }] }), "mrrHistory[0].effectiveAt");
    expectInvalid(
      () => parseSubscription({ ...valid, status: "canceled", endedAt: "2024-03-01T00:00:00Z", mrrHistory: [{ effectiveAt: "2024-04-01T00:00:00Z", mrr: usd(140) }] }),
      "mrrHistory[0].effectiveAt",
    );
    expectInvalid(() => parseSubscription({ ...valid, mrrHistory: [...valid.mrrHistory].reverse().map((c, i) => ({ ...c, mrr: usd(i === 1 ? 140 : 105) })) }), "mrrHistory[1].effectiveAt");
    expectInvalid(() => parseSubscription({ ...valid, mrr: usd(99) }), "mrr.amount");
  });

  it("rejects negative MRR, unknown statuses and intervals, a zero quantity and unknown keys", () => {
    expectInvalid(() => parseSubscription({ ...valid, mrr: usd(-1), mrrHistory: [] }), "mrr.amount");
    expectInvalid(() => parseSubscription({ ...valid, status: "expired" }), "status");
    expectInvalid(() => parseSubscription({ ...valid, billingInterval: "fortnight" }), "billingInterval");
    expectInvalid(() => parseSubscription({ ...valid, quantity: 0 }), "quantity");
    expectUnknownKeyRejected(() => parseSubscription({ ...valid, arr: 1680 }), "arr");
  });
});
