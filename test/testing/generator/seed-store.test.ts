import { describe, expect, it } from "vitest";
import { ENTITY_COLLECTIONS } from "../../../src/model/index.js";
import { createMemoryStore } from "../../../src/repository/index.js";
import { generateDataset, seedStore, SEED_ORDER } from "../../../src/testing/index.js";

const asOf = new Date("2025-01-01T00:00:00Z");

describe("seedStore", () => {
  const data = generateDataset({ seed: 11, customers: 300, asOf });

  it("writes every collection, in batches, and the store then holds exactly the dataset", async () => {
    const store = createMemoryStore().forTenant("t");
    const progress: string[] = [];
    const counts = await seedStore(store, data, { batchSize: 250, onProgress: (c, n) => progress.push(`${c}:${n}`) });
    for (const c of ENTITY_COLLECTIONS) {
      expect(counts[c], c).toBe(data[c].length);
      expect(await store[c].count(), c).toBe(data[c].length);
    }
    expect(progress).toContain(`transactions:${Math.min(250, data.transactions.length)}`);
    expect(progress.at(-1)).toBe(`surveyResponses:${data.surveyResponses.length}`);
    const customer = data.customers[10]!;
    const stored = await store.customers.get(customer.id);
    expect(stored).toEqual({ ...customer, version: 1 });
    const txs = [];
    for await (const t of store.transactions.stream({ filter: { customerId: customer.id }, orderBy: "occurredAt" })) txs.push(t);
    expect(txs.map((t) => t.id)).toEqual(
      data.transactions
        .filter((t) => t.customerId === customer.id)
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1))
        .map((t) => t.id),
    );
  });

  it("writes referenced collections first", () => {
    expect(SEED_ORDER.indexOf("pipelines")).toBeLessThan(SEED_ORDER.indexOf("deals"));
    expect(SEED_ORDER.indexOf("campaigns")).toBeLessThan(SEED_ORDER.indexOf("campaignMembers"));
    expect(SEED_ORDER.indexOf("customers")).toBeLessThan(SEED_ORDER.indexOf("transactions"));
    expect([...SEED_ORDER].sort()).toEqual([...ENTITY_COLLECTIONS].sort());
  });

  it("rejects a bad batch size, store or dataset", async () => {
    const store = createMemoryStore().forTenant("t");
    await expect(seedStore(store, data, { batchSize: 0 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(seedStore(null as never, data)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(seedStore(store, { ...data, deals: "nope" } as never)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("deals") });
  });
});
