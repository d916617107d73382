import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { createPostgresStore, migrate, schemaStatements } from "../../../examples/postgres-adapter/index.js";
import { tableFor } from "../../../examples/postgres-adapter/tables.js";
import { isCrmkitError } from "../../../src/errors/index.js";
import { ENTITY_COLLECTIONS } from "../../../src/model/index.js";

describe("PostgreSQL store", () => {
  it("schema.sql creates, idempotently, every table with the columns the adapter writes", async () => {
    const db = await PGlite.create();
    try {
      await migrate(db);
      await migrate(db);
      for (const c of ENTITY_COLLECTIONS) {
        const table = tableFor(c);
        const { rows } = await db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = $1", [table.name]);
        expect(rows.map((r) => r.column_name).sort()).toEqual(["tenant_id", "id", "version", "data", ...table.columns.map((col) => col.name)].sort());
      }
      expect((await schemaStatements()).length).toBeGreaterThan(24);
    } finally {
      await db.close();
    }
  });

  it("declares the pushdown, validates tenant ids without I/O and closes through the given callback", async () => {
    let queries = 0;
    let closed = 0;
    const provider = createPostgresStore(
      {
        async query() {
          queries++;
          return { rows: [] };
        },
      },
      {
        close: async () => {
          closed++;
        },
      },
    );
    expect(provider.capabilities.purchaseSummary).toBe(true);
    const store = provider.forTenant("acme");
    expect(provider.forTenant("acme")).toBe(store);
    expect(typeof store.transactions.summarizePurchases).toBe("function");
    expect(() => provider.forTenant("")).toThrow();
    try {
      provider.forTenant(42 as never);
    } catch (e) {
      expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
    }
    expect(queries).toBe(0);
    await provider.close?.();
    expect(closed).toBe(1);
  });
});
