// The memory store at scale: `npm run bench -- test/bench/repository.bench.ts`.
// Data is built once, outside the measured functions; rows per second = hz × rows per iteration.
import { bench, describe } from "vitest";
import type { TransactionInput } from "../../src/model/index.js";
import { createMemoryStore, type CrmStore } from "../../src/repository/index.js";

const N = 100_000;
const CUSTOMERS = 10_000; // 10 transactions each
const T0 = Date.UTC(2023, 0, 1);

const rows: TransactionInput[] = Array.from({ length: N }, (_, i) => ({
  id: `t-${String(i).padStart(6, "0")}`,
  customerId: `c-${String(i % CUSTOMERS).padStart(5, "0")}`,
  // Spread over two years, with ties (several rows per minute).
  occurredAt: new Date(T0 + ((i * 7919) % (2 * 365 * 24 * 60)) * 60_000),
  amount: { amount: Math.round(((i * 37) % 20_000) + 99) / 100, currency: "EUR" },
  kind: i % 17 === 0 ? "refund" : "purchase",
}));

const loaded: CrmStore = createMemoryStore().forTenant("bench");
await loaded.transactions.upsertMany(rows);
// Build both sorted views once, so the paging benches measure steady-state paging.
await loaded.transactions.list({ limit: 1 });
await loaded.transactions.list({ orderBy: "occurredAt", limit: 1 });

async function pageAll(store: CrmStore, orderBy: "id" | "occurredAt"): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<CrmStore["transactions"]["list"]>> = await store.transactions.list({ orderBy, limit: 1000, cursor });
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  if (n !== N) throw new Error(`paged ${n} rows, expected ${N}`);
  return n;
}

describe(`memory store, ${N.toLocaleString("en")} transactions`, () => {
  bench(
    `bulk load with upsertMany (validate + copy + index; rows/s = hz × ${N})`,
    async () => {
      await createMemoryStore().forTenant("bench").transactions.upsertMany(rows);
    },
    { iterations: 3, warmupIterations: 0, time: 0 },
  );

  bench(`page through all by id, 1000 per page (rows/s = hz × ${N})`, async () => void (await pageAll(loaded, "id")), { iterations: 5, warmupIterations: 1, time: 0 });

  bench(`page through all by occurredAt, 1000 per page (rows/s = hz × ${N})`, async () => void (await pageAll(loaded, "occurredAt")), {
    iterations: 5,
    warmupIterations: 1,
    time: 0,
  });

  let k = 0;
  bench("stream one customer's transactions by occurredAt via the customerId index (10 rows)", async () => {
    const customerId = `c-${String((k++ * 7) % CUSTOMERS).padStart(5, "0")}`;
    let n = 0;
    for await (const _ of loaded.transactions.stream({ filter: { customerId }, orderBy: "occurredAt" })) n++;
    if (n !== N / CUSTOMERS) throw new Error(`streamed ${n} rows for ${customerId}`);
  });

  bench("count one customer's refunds via the customerId index", async () => {
    await loaded.transactions.count({ customerId: `c-${String((k++ * 13) % CUSTOMERS).padStart(5, "0")}`, kind: "refund" });
  });
});
