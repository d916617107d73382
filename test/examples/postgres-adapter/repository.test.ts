import { describe, expect, it } from "vitest";
import { postgresRepository } from "../../../examples/postgres-adapter/repository.js";
import type { SqlClient } from "../../../examples/postgres-adapter/sql-client.js";
import { isCrmkitError } from "../../../src/errors/index.js";

/** A client that records statements and answers with `rows` (or throws `fail`). */
function recordingClient(rows: Record<string, unknown>[] = [], fail?: Error): SqlClient & { calls: { text: string; params: unknown[] }[] } {
  const calls: { text: string; params: unknown[] }[] = [];
  return {
    calls,
    async query(text: string, params: unknown[] = []) {
      calls.push({ text, params });
      if (fail !== undefined) throw fail;
      return { rows };
    },
  };
}

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const tx = { id: "t-1", customerId: "c-1", occurredAt: "2024-05-01T00:00:00Z", amount: { amount: 10, currency: "EUR" }, kind: "purchase" as const };

describe("postgresRepository", () => {
  it("validates before writing: invalid entities, ids, options and queries never reach the database", async () => {
    const client = recordingClient();
    const repo = postgresRepository(client, "transactions", "acme");
    for (const p of [
      repo.upsert({ ...tx, amount: { amount: -1, currency: "EUR" } }),
      repo.upsert(tx, { expectedVersion: -1 }),
      repo.upsertMany([tx, { ...tx, id: "" }]),
      repo.get(""),
      repo.delete("x\u0000y"),
      repo.getMany(["ok", 42 as never]),
      repo.list({ filter: { customer: "c-1" } as never }),
      repo.list({ cursor: "not-a-cursor" }),
      repo.count({ occurredAt: { from: new Date("x") } }),
    ]) {
      expect(isCrmkitError(await errorOf(p), "INVALID_INPUT")).toBe(true);
    }
    expect(client.calls).toEqual([]);
  });

  it("scopes every statement to its tenant, as the first parameter", async () => {
    const client = recordingClient([{ version: 1, data: { ...tx, attributes: {} }, n: 0, id: "t-1" }]);
    const repo = postgresRepository(client, "transactions", "acme");
    await repo.get("t-1");
    await repo.list({ filter: { customerId: "c-1" }, orderBy: "occurredAt" });
    await repo.count({ kind: "purchase" });
    await repo.getMany(["t-1"]);
    await repo.upsert(tx);
    await repo.delete("t-1");
    for (const call of client.calls) {
      expect(call.text).toMatch(/tenant_id = \$1|\(tenant_id, id, version, data, [^)]*\)\s*VALUES \(\$1,/);
      expect(call.params[0]).toBe("acme");
    }
  });

  it("wraps driver errors in ADAPTER_FAILURE with the driver's error as cause", async () => {
    const cause = new Error("ECONNRESET");
    const repo = postgresRepository(recordingClient([], cause), "deals", "acme");
    for (const p of [repo.get("d-1"), repo.list(), repo.count(), repo.delete("d-1")]) {
      const e = await errorOf(p);
      expect(isCrmkitError(e, "ADAPTER_FAILURE")).toBe(true);
      expect((e as Error).cause).toBe(cause);
    }
  });

  it("reports CONFLICT when the conditional UPDATE matches no row", async () => {
    const client: SqlClient = {
      async query(text: string) {
        if (text.startsWith("UPDATE")) return { rows: [] };
        return { rows: [{ version: 4 }] }; // the version read for the message
      },
    };
    const e = await errorOf(postgresRepository(client, "transactions", "acme").upsert(tx, { expectedVersion: 3 }));
    expect(isCrmkitError(e, "CONFLICT")).toBe(true);
    expect((e as { details?: unknown }).details).toMatchObject({ expectedVersion: 3, actualVersion: 4 });
  });
});
