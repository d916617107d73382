import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { isCrmkitError } from "../../../src/errors/index.js";
import type { TransactionInput } from "../../../src/model/index.js";
import { createMemoryStore } from "../../../src/repository/index.js";
import * as querySpec from "../../../src/repository/query-spec.js";
import { shortId } from "../../support/arbitraries.js";

// Count the reference filter's calls, to see how many rows a query examines (the indexes at work).
vi.mock("../../../src/repository/query-spec.js", async (importOriginal) => {
  const original = await importOriginal<typeof querySpec>();
  return { ...original, matchesFilter: vi.fn(original.matchesFilter) };
});
const matchesFilter = vi.mocked(querySpec.matchesFilter);

const T0 = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;
const utf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

function tx(id: string, customerId: string, minute: number, kind: "purchase" | "refund" = "purchase", amount = 1): TransactionInput {
  return { id, customerId, occurredAt: new Date(T0 + minute * MINUTE), amount: { amount, currency: "USD" }, kind };
}

async function pageAll<T extends { id: string }>(list: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await list(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(isCrmkitError(e)).toBe(true);
  return e as { code: string; message: string };
}

describe("createMemoryStore: the provider", () => {
  it("creates tenants on first use, lists them, and forgets everything on close()", async () => {
    const provider = createMemoryStore();
    expect(provider.tenants()).toEqual([]);
    await provider.forTenant("acme").customers.upsert({ id: "c-1", createdAt: "2024-01-01T00:00:00Z" });
    provider.forTenant("globex");
    expect(provider.tenants()).toEqual(["acme", "globex"]);
    expect(provider.forTenant("acme")).toBe(provider.forTenant("acme"));
    await provider.close!();
    expect(provider.tenants()).toEqual([]);
    expect(await provider.forTenant("acme").customers.count()).toBe(0);
  });

  it("rejects invalid tenant ids, and a tenant's store is frozen", () => {
    const provider = createMemoryStore();
    for (const bad of ["", "x".repeat(257), "a\nb"]) expect(() => provider.forTenant(bad)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }) as unknown as Error);
    expect(Object.isFrozen(provider.forTenant("t"))).toBe(true);
  });
});

describe("createMemoryStore: writes", () => {
  it("upsertMany with one id twice checks each stated version against the batch's earlier writes, all or nothing", async () => {
    const store = createMemoryStore().forTenant("t");
    const a1 = await store.transactions.upsert(tx("a", "c", 0, "purchase", 1));
    // Both entries claim version 1: the second would be stale once the first is written.
    const e = await rejection(store.transactions.upsertMany([{ ...tx("a", "c", 0, "purchase", 2), version: 1 }, { ...tx("a", "c", 0, "purchase", 3), version: 1 }]));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toContain('"a": expected version 1 but it is at version 2');
    expect(await store.transactions.get("a")).toEqual(a1);
    // A batch that chains the versions is fine.
    const out = await store.transactions.upsertMany([{ ...tx("a", "c", 0, "purchase", 2), version: 1 }, { ...tx("a", "c", 0, "purchase", 3), version: 2 }]);
    expect(out.map((t) => [t.amount.amount, t.version])).toEqual([
      [2, 2],
      [3, 3],
    ]);
    // Create then update in one batch; a stale entry later in the batch stops all of it.
    const e2 = await rejection(store.transactions.upsertMany([tx("n", "c", 0), { ...tx("n", "c", 1), version: 1 }, { ...tx("a", "c", 0), version: 1 }]));
    expect(e2.code).toBe("CONFLICT");
    expect(await store.transactions.get("n")).toBeNull();
    const ok = await store.transactions.upsertMany([tx("n", "c", 0), { ...tx("n", "c", 1), version: 1 }]);
    expect(ok.map((t) => t.version)).toEqual([1, 2]);
  });

  it("keeps its own copies: changing what was passed in or handed out changes nothing stored", async () => {
    const store = createMemoryStore().forTenant("t");
    const input = { id: "c-1", createdAt: new Date("2024-01-01T00:00:00Z"), tags: ["vip"], attributes: { when: new Date("2024-02-01T00:00:00Z") } };
    const saved = await store.customers.upsert(input);
    input.createdAt.setTime(0);
    input.tags.push("x");
    input.attributes.when.setTime(0);
    saved.tags.push("y");
    (saved.attributes.when as Date).setTime(0);
    const got = (await store.customers.get("c-1"))!;
    expect(got.createdAt.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(got.tags).toEqual(["vip"]);
    expect((got.attributes.when as Date).toISOString()).toBe("2024-02-01T00:00:00.000Z");
  });

  it("moves an entity between index buckets and re-sorts when an update changes its customer or its time", async () => {
    const store = createMemoryStore().forTenant("t");
    await store.transactions.upsertMany([tx("t-1", "c-1", 5), tx("t-2", "c-1", 10), tx("t-3", "c-2", 1)]);
    await store.transactions.upsert(tx("t-1", "c-2", 20));
    const ids = async (q: object) => (await store.transactions.list(q)).items.map((t) => t.id);
    expect(await ids({ filter: { customerId: "c-1" } })).toEqual(["t-2"]);
    expect(await ids({ filter: { customerId: "c-2" }, orderBy: "occurredAt" })).toEqual(["t-3", "t-1"]);
    expect(await ids({ orderBy: "occurredAt" })).toEqual(["t-3", "t-2", "t-1"]);
    await store.transactions.delete("t-3");
    expect(await ids({ filter: { customerId: "c-2" } })).toEqual(["t-1"]);
    expect(await store.transactions.count({ customerId: "c-2" })).toBe(1);
    await store.transactions.delete("t-1");
    expect(await ids({ filter: { customerId: "c-2" } })).toEqual([]);
  });

  it("rejects a getMany or upsertMany argument that is not an array, and invalid ids inside one", async () => {
    const store = createMemoryStore().forTenant("t");
    expect((await rejection(store.deals.getMany("d-1" as never))).code).toBe("INVALID_INPUT");
    expect((await rejection(store.deals.getMany(["d-1", ""]))).code).toBe("INVALID_INPUT");
    expect((await rejection(store.deals.upsertMany(null as never))).code).toBe("INVALID_INPUT");
  });
});

describe("createMemoryStore: indexes", () => {
  const N_CUSTOMERS = 500;
  const PER_CUSTOMER = 10;
  let store: ReturnType<ReturnType<typeof createMemoryStore>["forTenant"]>;

  beforeEach(async () => {
    store = createMemoryStore().forTenant("t");
    const rows: TransactionInput[] = [];
    for (let c = 0; c < N_CUSTOMERS; c++) {
      for (let k = 0; k < PER_CUSTOMER; k++) rows.push(tx(`t-${c}-${k}`, `c-${c}`, (c * 7 + k * 13) % 1000, k % 3 === 0 ? "refund" : "purchase"));
    }
    await store.transactions.upsertMany(rows);
    matchesFilter.mockClear();
  });

  it("a customerId filter examines only that customer's rows (list, stream, count)", async () => {
    const page = await store.transactions.list({ filter: { customerId: "c-7" }, orderBy: "occurredAt" });
    expect(page.items).toHaveLength(PER_CUSTOMER);
    expect(page.items.every((t) => t.customerId === "c-7")).toBe(true);
    expect(matchesFilter).toHaveBeenCalledTimes(PER_CUSTOMER);
    matchesFilter.mockClear();
    expect(await store.transactions.count({ customerId: "c-7", kind: "refund" })).toBe(4);
    expect(matchesFilter).toHaveBeenCalledTimes(PER_CUSTOMER);
    matchesFilter.mockClear();
    let n = 0;
    for await (const _ of store.transactions.stream({ filter: { customerId: "c-499" }, batchSize: 3 })) n++;
    expect(n).toBe(PER_CUSTOMER);
    expect(matchesFilter.mock.calls.length).toBeLessThanOrEqual(PER_CUSTOMER + 4); // one look past each page of 3
  });

  it("a customer with no rows answers without examining any row", async () => {
    expect((await store.transactions.list({ filter: { customerId: "c-none" } })).items).toEqual([]);
    expect(await store.transactions.count({ customerId: "c-none" })).toBe(0);
    expect(matchesFilter).not.toHaveBeenCalled();
  });

  it("a filter without an indexed key examines every row (and still answers exactly)", async () => {
    expect(await store.transactions.count({ kind: "refund" })).toBe(N_CUSTOMERS * 4);
    expect(matchesFilter).toHaveBeenCalledTimes(N_CUSTOMERS * PER_CUSTOMER);
  });
});

describe("createMemoryStore: paging", () => {
  // Deliberately large (the point is the size): a generous timeout for a loaded CI machine.
  it("pages 100 000 rows by id and by time, every row exactly once, in order", { timeout: 180_000 }, async () => {
    const store = createMemoryStore().forTenant("t");
    const N = 100_000;
    const rows: TransactionInput[] = new Array(N);
    // Ids sort like i (fixed width); times repeat every 1000 minutes, so each time has 100 rows tied by id.
    for (let i = 0; i < N; i++) rows[i] = tx(`t-${String(i).padStart(6, "0")}`, `c-${i % 5000}`, (i * 7919) % 1000);
    await store.transactions.upsertMany(rows);
    expect(await store.transactions.count()).toBe(N);

    const byId = await pageAll((cursor) => store.transactions.list({ limit: 1000, cursor }));
    expect(byId).toHaveLength(N);
    for (let i = 0; i < N; i++) if (byId[i]!.id !== rows[i]!.id) expect.fail(`id order breaks at ${i}: ${byId[i]!.id}`);

    const expected = rows.map((r, i) => ({ minute: (i * 7919) % 1000, i, id: r.id })).sort((a, b) => a.minute - b.minute || a.i - b.i);
    let k = 0;
    for await (const t of store.transactions.stream({ orderBy: "occurredAt", batchSize: 1000 })) {
      if (t.id !== expected[k]!.id) expect.fail(`time order breaks at ${k}: ${t.id}, expected ${expected[k]!.id}`);
      k++;
    }
    expect(k).toBe(N);
  });

  const row = fc.record({
    id: shortId,
    customer: fc.constantFrom("c1", "c2", "c3"),
    kind: fc.constantFrom("purchase" as const, "refund" as const),
    minute: fc.integer({ min: 0, max: 5 }),
  });
  type Row = { id: string; customer: string; kind: "purchase" | "refund"; minute: number };
  const compare = (orderBy: "id" | "occurredAt") => (a: Row, b: Row) => (orderBy === "id" ? utf8(a.id, b.id) : a.minute - b.minute || utf8(a.id, b.id));

  it("pagination of random data with random page sizes yields exactly the sorted filtered set (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { maxLength: 40, selector: (r) => r.id }),
        fc.record({ customer: fc.option(fc.constantFrom("c1", "c2", "c9")), kind: fc.option(fc.constantFrom("purchase" as const, "refund" as const)), from: fc.option(fc.integer({ min: 0, max: 6 })), to: fc.option(fc.integer({ min: 0, max: 6 })) }),
        fc.constantFrom("id" as const, "occurredAt" as const),
        fc.integer({ min: 1, max: 12 }),
        async (rows, f, orderBy, limit) => {
          const store = createMemoryStore().forTenant("t");
          await store.transactions.upsertMany(rows.map((r) => tx(r.id, r.customer, r.minute, r.kind)));
          const [from, to] = f.from !== null && f.to !== null && f.from > f.to ? [f.to, f.from] : [f.from, f.to];
          const filter = {
            ...(f.customer === null ? {} : { customerId: f.customer }),
            ...(f.kind === null ? {} : { kind: f.kind }),
            ...(from === null && to === null
              ? {}
              : { occurredAt: { ...(from === null ? {} : { from: new Date(T0 + from * MINUTE) }), ...(to === null ? {} : { to: new Date(T0 + to * MINUTE) }) } }),
          };
          const expected = rows
            .filter((r) => (f.customer === null || r.customer === f.customer) && (f.kind === null || r.kind === f.kind))
            .filter((r) => (from === null || r.minute >= from) && (to === null || r.minute < to))
            .sort(compare(orderBy))
            .map((r) => r.id);
          const got = await pageAll((cursor) => store.transactions.list({ filter, orderBy, limit, cursor }));
          expect(got.map((t) => t.id)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("random inserts interleaved with paging never make it skip or repeat a pre-existing row (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { minLength: 1, maxLength: 30, selector: (r) => r.id }),
        fc.array(fc.array(row, { maxLength: 4 }), { maxLength: 12 }),
        fc.constantFrom("id" as const, "occurredAt" as const),
        fc.integer({ min: 1, max: 6 }),
        async (initial, batches, orderBy, limit) => {
          const store = createMemoryStore().forTenant("t");
          await store.transactions.upsertMany(initial.map((r) => tx(r.id, r.customer, r.minute)));
          const preExisting = new Set(initial.map((r) => r.id));
          const seen: Row[] = [];
          let cursor: string | null = null;
          let b = 0;
          do {
            const page: Awaited<ReturnType<typeof store.transactions.list>> = await store.transactions.list({ orderBy, limit, cursor });
            seen.push(...page.items.map((t) => ({ id: t.id, customer: t.customerId, kind: "purchase" as const, minute: (t.occurredAt.getTime() - T0) / MINUTE })));
            cursor = page.nextCursor;
            // New rows only: re-writing a pre-existing id could move it, which is not an insert.
            const inserts = (batches[b++] ?? []).filter((r) => !preExisting.has(r.id));
            for (const r of inserts) await store.transactions.upsert(tx(r.id, r.customer, r.minute));
          } while (cursor !== null);
          for (let i = 1; i < seen.length; i++) expect(compare(orderBy)(seen[i - 1]!, seen[i]!)).toBeLessThan(0);
          const ids = seen.map((r) => r.id);
          for (const id of preExisting) expect(ids.filter((x) => x === id)).toHaveLength(1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
