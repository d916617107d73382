import { describe, expect, it } from "vitest";
import { parseTransaction } from "../../../src/model/index.js";
import { generateDataset, generateTransactionBatches, generateTransactions, generatedCustomerId } from "../../../src/testing/index.js";

const asOf = new Date("2025-01-01T00:00:00Z");
const options = { seed: "stream", customers: 400, asOf, currency: "EUR" } as const;

describe("generateTransactions / generateTransactionBatches", () => {
  const purchases = generateDataset(options).transactions.filter((t) => t.kind === "purchase");

  it("stream exactly the purchases of generateDataset with the same options", () => {
    const streamed = [...generateTransactions(options)];
    expect(streamed).toEqual(purchases);
    for (const t of streamed.slice(0, 200)) expect(parseTransaction(t)).toEqual(t);
  });

  it("batches carry the same rows in columns, split at any batch size", () => {
    for (const batchSize of [1, 7, 1000]) {
      const rows: { customerId: string; at: number; amount: number }[] = [];
      for (const b of generateTransactionBatches({ ...options, batchSize })) {
        expect(b.length).toBeLessThanOrEqual(batchSize);
        expect(b.customerIndex.length).toBe(b.length);
        for (let j = 0; j < b.length; j++) rows.push({ customerId: generatedCustomerId(b.customerIndex[j]!), at: b.occurredAt[j]!, amount: b.amount[j]! });
      }
      expect(rows).toEqual(purchases.map((t) => ({ customerId: t.customerId, at: t.occurredAt.getTime(), amount: t.amount.amount })));
    }
  });

  it("are lazy: the first batch of a very large population arrives without generating the rest", () => {
    const it = generateTransactionBatches({ seed: 1, customers: 50_000_000, asOf, batchSize: 100 })[Symbol.iterator]();
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value!.length).toBe(100);
    it.return?.();
  });

  it("reject invalid options at the call, before any iteration", () => {
    expect(() => generateTransactionBatches({ ...options, batchSize: 0 })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => generateTransactionBatches({ ...options, batchSize: 1.5 })).toThrow(/options\.batchSize/);
    expect(() => generateTransactionBatches({ ...options, purchases: { kind: "bgnbd", r: 0, alpha: 1, a: 1, b: 1 } })).toThrow(/options\.purchases\.r/);
    expect(() => generateTransactions({ ...options, customers: -1 })).toThrow(/options\.customers/);
    expect(() => generateTransactions({ ...options, customers: 100_000_001 })).toThrow(/options\.customers/);
    expect(() => generateTransactions({ ...options, asOf: new Date(Number.NaN) })).toThrow(/options\.asOf/);
  });
});
