// The purchase-summary pushdown of the PostgreSQL adapter (on PGlite) against crmkit's
// streaming path over the same rows.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStore, migrate, summarizePurchasesSql } from "../../../examples/postgres-adapter/index.js";
import { summarizeTransactions } from "../../../src/clv/index.js";
import { isCrmkitError } from "../../../src/errors/index.js";
import { createMemoryStore, type TransactionRepository } from "../../../src/repository/index.js";
import { columns, expectSameSummaries, OBSERVATION_END, purchaseLog, PUSHDOWN_CASES, ZONED_CASES } from "../../support/pushdown-cases.js";

let db: PGlite;
let quarters: TransactionRepository;
let cents: TransactionRepository;

beforeAll(async () => {
  db = await PGlite.create();
  await migrate(db);
  const provider = createPostgresStore(db);
  quarters = provider.forTenant("quarters").transactions;
  cents = provider.forTenant("cents").transactions;
  await quarters.upsertMany(purchaseLog(7, 150));
  await cents.upsertMany(purchaseLog(8, 150, { cents: true }));
});
afterAll(async () => {
  await db.close();
});

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe("PostgreSQL summarizePurchases", () => {
  it.each(PUSHDOWN_CASES)("gives the summary streaming gives, bit for bit when sums are exact in binary: $name", async ({ options }) => {
    await expectSameSummaries(quarters, options, true);
  });

  it.each(PUSHDOWN_CASES)("with amounts in cents, the same up to the last bits of the monetary columns (exact decimal sums): $name", async ({ options }) => {
    await expectSameSummaries(cents, options, false);
  });

  it("returns what the in-process reference (the memory store) returns", async () => {
    const memory = createMemoryStore().forTenant("m").transactions;
    await memory.upsertMany(purchaseLog(7, 150));
    for (const { options } of PUSHDOWN_CASES) {
      const a = columns(await summarizeTransactions(quarters, { ...options, pushdown: "require" }));
      const b = columns(await summarizeTransactions(memory, { ...options, pushdown: "require" }));
      expect(a).toEqual(b);
    }
  });

  it.each(ZONED_CASES)("declines a time zone (the server's zone rules may differ), so the summary is streamed: $name", async ({ options }) => {
    const query = { kinds: ["purchase" as const], observationEnd: OBSERVATION_END, period: options.period ?? "day", timeZone: options.timeZone! };
    expect(await quarters.summarizePurchases!(query)).toBeNull();
    const e = await errorOf(summarizeTransactions(quarters, { ...options, pushdown: "require" }));
    expect(isCrmkitError(e, "UNSUPPORTED")).toBe(true);
    const memory = createMemoryStore().forTenant("m").transactions;
    await memory.upsertMany(purchaseLog(7, 150));
    expect(columns(await summarizeTransactions(quarters, options))).toEqual(columns(await summarizeTransactions(memory, { ...options, pushdown: "never" })));
  });

  it("accepts an explicit UTC zone, and only sees its own tenant", async () => {
    const q = { kinds: ["purchase" as const], observationEnd: OBSERVATION_END, period: "day" as const };
    const utc = await quarters.summarizePurchases!({ ...q, timeZone: "UTC" });
    expect(utc).toEqual(await quarters.summarizePurchases!(q));
    const empty = await createPostgresStore(db).forTenant("nobody").transactions.summarizePurchases!(q);
    expect(empty).toEqual([]);
  });

  it("rejects a bad query with INVALID_INPUT before touching the database", async () => {
    let called = false;
    const client = {
      async query() {
        called = true;
        return { rows: [] };
      },
    };
    for (const bad of [null, { kinds: [], observationEnd: OBSERVATION_END, period: "day" }, { kinds: ["purchase"], observationEnd: "2024", period: "day" }]) {
      expect(isCrmkitError(await errorOf(summarizePurchasesSql(client, "t", bad as never)), "INVALID_INPUT")).toBe(true);
    }
    expect(called).toBe(false);
  });

  it("wraps a driver error in ADAPTER_FAILURE with the error as cause", async () => {
    const cause = new Error("connection terminated");
    const client = {
      async query(): Promise<never> {
        throw cause;
      },
    };
    const e = await errorOf(summarizePurchasesSql(client, "t", { kinds: ["purchase"], observationEnd: OBSERVATION_END, period: "day" }));
    expect(isCrmkitError(e, "ADAPTER_FAILURE")).toBe(true);
    expect((e as Error).cause).toBe(cause);
  });
});
