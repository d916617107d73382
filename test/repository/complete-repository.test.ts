import { describe, expect, it, test } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import type { Transaction } from "../../src/model/index.js";
import {
  completeRepository,
  compareSortKeys,
  decodeCursor,
  encodeCursor,
  matchesFilter,
  parseListQuery,
  prepareWrite,
  sortKeyOf,
  validateId,
  type RepositoryCore,
  type Stored,
} from "../../src/repository/index.js";
import { describeCrmStoreConformance } from "../../src/testing/index.js";
import { createMinimalStore } from "../support/minimal-store.js";

/** A RepositoryCore over a Map that counts its calls. */
function countingCore() {
  const rows = new Map<string, Stored<Transaction>>();
  const calls = { get: 0, list: 0, upsert: 0, delete: 0, limits: [] as number[] };
  const core: RepositoryCore<"transactions"> = {
    async get(id) {
      calls.get++;
      validateId("transactions.get(id)", id);
      const r = rows.get(id);
      return r === undefined ? null : structuredClone(r);
    },
    async list(query) {
      calls.list++;
      const q = parseListQuery("transactions", query);
      calls.limits.push(q.limit);
      const after = q.cursor === null ? null : decodeCursor(q.cursor, "transactions", q.orderBy).after;
      const sorted = [...rows.values()]
        .filter((t) => matchesFilter("transactions", t, q.filter))
        .map((t) => ({ t, key: sortKeyOf("transactions", q.orderBy, t) }))
        .filter((r) => after === null || compareSortKeys(r.key, after) > 0)
        .sort((a, b) => compareSortKeys(a.key, b.key));
      const page = sorted.slice(0, q.limit);
      const next = sorted.length > q.limit ? encodeCursor({ collection: "transactions", orderBy: q.orderBy, after: page.at(-1)!.key }) : null;
      return { items: page.map((r) => structuredClone(r.t)), nextCursor: next };
    },
    async upsert(input, options) {
      calls.upsert++;
      const { entity } = prepareWrite("transactions", input, options);
      const stored = { ...entity, version: (rows.get(entity.id)?.version ?? 0) + 1 };
      rows.set(entity.id, stored);
      return structuredClone(stored);
    },
    async delete(id) {
      calls.delete++;
      return rows.delete(id);
    },
  };
  return { core, calls, rows };
}

const tx = (id: string, occurredAt = "2024-01-01T00:00:00Z", customerId = "c-1") => ({
  id,
  customerId,
  occurredAt,
  amount: { amount: 1, currency: "USD" },
  kind: "purchase" as const,
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("completeRepository with a minimal core", () => {
  it("passes get, list, upsert and delete through to the core", async () => {
    const { core, calls } = countingCore();
    const repo = completeRepository("transactions", core);
    await repo.upsert(tx("t-1"));
    expect((await repo.get("t-1"))?.version).toBe(1);
    expect((await repo.list()).items.map((t) => t.id)).toEqual(["t-1"]);
    expect(await repo.delete("t-1")).toBe(true);
    expect(calls).toMatchObject({ get: 1, list: 1, upsert: 1, delete: 1 });
  });

  it("derives getMany from get: the ids' order, each once, missing ids skipped", async () => {
    const { core, calls } = countingCore();
    const repo = completeRepository("transactions", core);
    for (const id of ["a", "b", "c"]) await repo.upsert(tx(id));
    const got = await repo.getMany(["c", "missing", "a", "c"]);
    expect(got.map((t) => t.id)).toEqual(["c", "a"]);
    expect(calls.get).toBe(3); // "c" asked once
    expect(await repo.getMany([])).toEqual([]);
  });

  it("derives stream by paging list with batchSize (default 1000), passing the filter and order", async () => {
    const { core, calls } = countingCore();
    const repo = completeRepository("transactions", core);
    for (let i = 0; i < 25; i++) await repo.upsert(tx(`t-${String(i).padStart(2, "0")}`, `2024-01-${String(25 - i).padStart(2, "0")}T00:00:00Z`, i % 2 ? "c-1" : "c-2"));
    const streamed = await collect(repo.stream({ filter: { customerId: "c-1" }, orderBy: "occurredAt", batchSize: 4 }));
    expect(streamed.map((t) => t.id)).toEqual(["t-23", "t-21", "t-19", "t-17", "t-15", "t-13", "t-11", "t-09", "t-07", "t-05", "t-03", "t-01"]);
    expect(calls.list).toBe(3); // 12 rows in pages of 4: the third page has no nextCursor
    expect(calls.limits).toEqual([4, 4, 4]);
    await collect(repo.stream());
    expect(calls.limits.at(-1)).toBe(1000);
  });

  it("derives count from stream", async () => {
    const { core } = countingCore();
    const repo = completeRepository("transactions", core);
    for (let i = 0; i < 7; i++) await repo.upsert(tx(`t-${i}`, "2024-01-01T00:00:00Z", i < 3 ? "c-1" : "c-2"));
    expect(await repo.count()).toBe(7);
    expect(await repo.count({ customerId: "c-1" })).toBe(3);
    await expect(repo.count({ customer: "c-1" } as never)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("derives upsertMany: validates every entity before writing any, then upserts in order", async () => {
    const { core, calls, rows } = countingCore();
    const repo = completeRepository("transactions", core);
    const bad = { ...tx("bad"), kind: "gift" };
    await expect(repo.upsertMany([tx("a"), tx("b"), bad as never])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(calls.upsert).toBe(0);
    expect(rows.size).toBe(0);
    const out = await repo.upsertMany([tx("a"), tx("b"), tx("a", "2024-02-01T00:00:00Z")]);
    expect(out.map((t) => [t.id, t.version])).toEqual([
      ["a", 1],
      ["b", 1],
      ["a", 2],
    ]);
  });

  it("rejects a getMany or upsertMany argument that is not an array with INVALID_INPUT (not a TypeError)", async () => {
    const { core, calls } = countingCore();
    const repo = completeRepository("transactions", core);
    for (const notArray of [null, "abc", { 0: "a" }, 42]) {
      const e1 = await repo.getMany(notArray as never).catch((e: unknown) => e);
      expect(isCrmkitError(e1, "INVALID_INPUT")).toBe(true);
      expect((e1 as Error).message).toContain("transactions.getMany(ids)");
      const e2 = await repo.upsertMany(notArray as never).catch((e: unknown) => e);
      expect(isCrmkitError(e2, "INVALID_INPUT")).toBe(true);
      expect((e2 as Error).message).toContain("transactions.upsertMany(entities)");
    }
    expect(calls.get + calls.upsert).toBe(0);
  });

  it("uses the overrides instead of the derived methods", async () => {
    const { core } = countingCore();
    const repo = completeRepository("transactions", core, { count: async () => 42 });
    expect(await repo.count()).toBe(42);
  });
});

// The minimal adapter of test/support (a RepositoryCore per collection + completeRepository) passes the
// contract. Its code is the same for every collection, so three cover it: the primary collection of the
// store-wide rules, the one with nested data, and the one with an optional range key.
describeCrmStoreConformance({
  name: "minimal adapter (RepositoryCore + completeRepository)",
  createStore: () => createMinimalStore(),
  describe,
  test,
  collections: ["transactions", "customers", "deals"],
});
