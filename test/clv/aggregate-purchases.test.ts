import { describe, expect, it } from "vitest";
import { aggregatePurchases } from "../../src/clv/index.js";
import { isCrmkitError } from "../../src/errors/index.js";
import { parseTransaction, type TransactionKind } from "../../src/model/index.js";

const tx = (id: string, customerId: string, at: string, amount: number, kind: TransactionKind = "purchase", currency = "EUR") =>
  parseTransaction({ id, customerId, occurredAt: at, amount: { amount, currency }, kind });

const log = [
  tx("1", "a", "2024-01-01T10:00:00Z", 20),
  tx("2", "b", "2024-01-01T11:00:00Z", 7, "purchase", "USD"),
  tx("3", "a", "2024-01-01T18:00:00Z", 5),
  tx("4", "a", "2024-01-03T09:00:00Z", 1, "refund"),
  tx("5", "a", "2024-01-15T10:00:00Z", 30),
  tx("6", "a", "2024-02-10T10:00:00Z", 8),
  tx("7", "a", "2024-02-10T12:00:00Z", 4),
  tx("8", "a", "2024-02-20T12:00:00Z", 2),
  tx("9", "a", "2024-04-01T00:00:00Z", 100),
];

describe("aggregatePurchases", () => {
  it("groups by customer and currency: first/last instants, distinct periods, repeat spend", () => {
    const rows = aggregatePurchases(log, { kinds: ["purchase"], observationEnd: new Date("2024-03-01T00:00:00Z"), period: "day" });
    expect(rows).toEqual([
      {
        customerId: "a", currency: "EUR", transactions: 6,
        firstPurchaseAt: new Date("2024-01-01T10:00:00Z"), lastPurchaseAt: new Date("2024-02-20T12:00:00Z"),
        purchasePeriods: 4, repeatSpend: 44, holdoutPeriods: 0, holdoutSpend: 0,
      },
      {
        customerId: "b", currency: "USD", transactions: 1,
        firstPurchaseAt: new Date("2024-01-01T11:00:00Z"), lastPurchaseAt: new Date("2024-01-01T11:00:00Z"),
        purchasePeriods: 1, repeatSpend: 0, holdoutPeriods: 0, holdoutSpend: 0,
      },
    ]);
  });

  it("splits at the calibration end, counts calendar periods and the chosen kinds", () => {
    const [a] = aggregatePurchases(log, {
      kinds: ["purchase", "refund"],
      observationEnd: new Date("2024-04-01T00:00:00Z"),
      calibrationEnd: new Date("2024-01-31T00:00:00Z"),
      period: "month",
    });
    expect(a).toMatchObject({ customerId: "a", transactions: 8, purchasePeriods: 1, repeatSpend: 0, holdoutPeriods: 2, holdoutSpend: 114 });
  });

  it("rejects rows out of time order, a non-iterable and a bad query", () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isCrmkitError(e) ? e.code : "other";
      }
      return undefined;
    };
    const q = { kinds: ["purchase"] as TransactionKind[], observationEnd: new Date("2025-01-01T00:00:00Z"), period: "day" as const };
    expect(codeOf(() => aggregatePurchases([log[4]!, log[0]!], q))).toBe("INVALID_INPUT");
    expect(codeOf(() => aggregatePurchases(42 as never, q))).toBe("INVALID_INPUT");
    expect(codeOf(() => aggregatePurchases(log, { ...q, period: "decade" as never }))).toBe("INVALID_INPUT");
    expect(codeOf(() => aggregatePurchases(log, { ...q, timeZone: "Mars/Olympus" }))).toBe("INVALID_INPUT");
  });
});
