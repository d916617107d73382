import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { CurrencyCodeSchema, MoneySchema, NonNegativeMoneySchema, parseWith, sumMoney } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

describe("money", () => {
  it("accepts ISO 4217 codes the runtime knows, upper case only", () => {
    for (const c of ["USD", "EUR", "JPY", "GBP", "CHF"]) expect(CurrencyCodeSchema.parse(c)).toBe(c);
    expectInvalid(() => parseWith(CurrencyCodeSchema, "currency", "usd"), "(root)");
    expectInvalid(() => parseWith(CurrencyCodeSchema, "currency", "XYZ"), "(root)");
    expectInvalid(() => parseWith(CurrencyCodeSchema, "currency", "EURO"), "(root)");
  });

  it("Money: a finite amount (negative allowed) and a currency; NonNegativeMoney: amount >= 0", () => {
    expect(parseWith(MoneySchema, "m", { amount: -3.5, currency: "EUR" })).toEqual({ amount: -3.5, currency: "EUR" });
    expect(parseWith(MoneySchema, "m", { amount: 1e15 + 0.5, currency: "USD" }).amount).toBe(1e15 + 0.5);
    expectInvalid(() => parseWith(MoneySchema, "m", { amount: Number.NaN, currency: "EUR" }), "amount");
    expectInvalid(() => parseWith(MoneySchema, "m", { amount: Number.NEGATIVE_INFINITY, currency: "EUR" }), "amount");
    expectInvalid(() => parseWith(MoneySchema, "m", { amount: "10", currency: "EUR" }), "amount");
    expectInvalid(() => parseWith(NonNegativeMoneySchema, "m", { amount: -0.01, currency: "EUR" }), "amount");
    expectUnknownKeyRejected(() => parseWith(MoneySchema, "m", { amount: 1, currency: "EUR", cents: 100 }), "cents");
  });

  it("sumMoney adds amounts of one currency", () => {
    expect(sumMoney([{ amount: 10, currency: "USD" }, { amount: 2.5, currency: "USD" }])).toEqual({ amount: 12.5, currency: "USD" });
    expect(sumMoney([], "EUR")).toEqual({ amount: 0, currency: "EUR" });
    // Works on any iterable (a generator here).
    function* gen() {
      yield { amount: 1, currency: "JPY" };
      yield { amount: 2, currency: "JPY" };
    }
    expect(sumMoney(gen())).toEqual({ amount: 3, currency: "JPY" });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1 }), (cents) => {
        const total = sumMoney(cents.map((c) => ({ amount: c, currency: "EUR" })));
        expect(total).toEqual({ amount: cents.reduce((a, b) => a + b, 0), currency: "EUR" });
      }),
    );
  });

  it("sumMoney never adds across currencies: CURRENCY_MISMATCH names both currencies and the item", () => {
    let error: unknown;
    try {
      sumMoney([{ amount: 1, currency: "USD" }, { amount: 1, currency: "USD" }, { amount: 2, currency: "EUR" }]);
    } catch (e) {
      error = e;
    }
    expect(isCrmkitError(error, "CURRENCY_MISMATCH")).toBe(true);
    expect((error as Error).message).toContain("USD");
    expect((error as Error).message).toContain("EUR");
    expect((error as { details: Record<string, unknown> }).details).toEqual({ expected: "USD", got: "EUR", index: 2 });
    // The fallback currency counts too.
    expect(() => sumMoney([{ amount: 1, currency: "USD" }], "EUR")).toThrow(expect.objectContaining({ code: "CURRENCY_MISMATCH" }));
  });

  it("sumMoney of an empty list without a currency is INSUFFICIENT_DATA, not a silent zero", () => {
    expect(() => sumMoney([])).toThrow(expect.objectContaining({ code: "INSUFFICIENT_DATA" }));
  });
});
