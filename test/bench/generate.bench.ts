import { afterAll, bench, describe } from "vitest";
import { generateDataset, generateTransactionBatches, generateTransactions, type PurchaseProcess } from "../../src/testing/index.js";

// The synthetic data generator at scale. Rows per second = rows per iteration (printed
// at the end) divided by the mean time of an iteration.
const asOf = new Date("2025-01-01T00:00:00Z");
/** A busier purchase process than CDNOW's: about ten purchases per customer over three years. */
const busy: PurchaseProcess = { kind: "bgnbd", r: 2, alpha: 8, a: 1, b: 30 };
const rows: Record<string, number> = {};
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

afterAll(() => {
  for (const [name, n] of Object.entries(rows)) console.log(`${name}: ${n.toLocaleString("en-US")} rows per iteration`);
});

describe("generateTransactionBatches (columns, bounded memory)", () => {
  bench(
    "1,000,000 customers, ~10M purchases",
    () => {
      let n = 0;
      for (const b of generateTransactionBatches({ seed: 1, customers: 1_000_000, asOf, purchases: busy })) n += b.length;
      rows["batches 1M customers"] = n;
    },
    once,
  );
  bench(
    "100,000 customers, CDNOW process",
    () => {
      let n = 0;
      for (const b of generateTransactionBatches({ seed: 1, customers: 100_000, asOf })) n += b.length;
      rows["batches 100k customers (CDNOW)"] = n;
    },
    { iterations: 3, warmupIterations: 1 },
  );
});

describe("generateTransactions (objects)", () => {
  bench(
    "100,000 customers, ~1M transaction objects",
    () => {
      let n = 0;
      for (const _ of generateTransactions({ seed: 1, customers: 100_000, asOf, purchases: busy })) n++;
      rows["objects 100k customers"] = n;
    },
    { iterations: 2, warmupIterations: 0 },
  );
});

describe("generateDataset (every collection)", () => {
  bench(
    "3,000 customers (the demo's size)",
    () => {
      const d = generateDataset({ seed: 1, customers: 3_000, asOf });
      rows["dataset 3k customers (entities)"] = Object.values(d).reduce((s: number, v) => s + (Array.isArray(v) ? v.length : 0), 0);
    },
    { iterations: 3, warmupIterations: 1 },
  );
});
