import { describe, expect, it } from "vitest";
import { parseTransaction, TRANSACTION_KINDS } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "tx-1",
  customerId: "c-1",
  occurredAt: "2024-05-03T11:20:00Z",
  amount: { amount: 59.9, currency: "EUR" },
  kind: "purchase",
  orderId: "o-77",
  quantity: 2,
};

describe("parseTransaction", () => {
  it("parses a purchase; amounts keep their fractional value and currency", () => {
    const t = parseTransaction(valid);
    expect(t.amount).toEqual({ amount: 59.9, currency: "EUR" });
    expect(t.occurredAt).toEqual(new Date("2024-05-03T11:20:00Z"));
    expect(TRANSACTION_KINDS).toEqual(["purchase", "refund", "payment", "adjustment"]);
  });

  it("amounts are positive and the kind gives the direction; only adjustments may be negative", () => {
    for (const kind of ["purchase", "refund", "payment"]) expectInvalid(() => parseTransaction({ ...valid, kind, amount: { amount: -1, currency: "EUR" } }), "amount.amount");
    expect(parseTransaction({ ...valid, kind: "adjustment", amount: { amount: -12.5, currency: "EUR" } }).amount.amount).toBe(-12.5);
    expect(parseTransaction({ ...valid, amount: { amount: 0, currency: "EUR" } }).amount.amount).toBe(0);
  });

  it("validates currency, finiteness, quantity and kind; rejects unknown keys", () => {
    expectInvalid(() => parseTransaction({ ...valid, amount: { amount: 1, currency: "XYZ" } }), "amount.currency");
    expectInvalid(() => parseTransaction({ ...valid, amount: { amount: Number.POSITIVE_INFINITY, currency: "EUR" } }), "amount.amount");
    expectInvalid(() => parseTransaction({ ...valid, quantity: 1.5 }), "quantity");
    expectInvalid(() => parseTransaction({ ...valid, kind: "chargeback" }), "kind");
    expectInvalid(() => parseTransaction({ ...valid, occurredAt: 1714735200000 }), "occurredAt");
    expectUnknownKeyRejected(() => parseTransaction({ ...valid, total: 59.9 }), "total");
  });
});
