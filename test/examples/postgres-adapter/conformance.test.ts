// The conformance kit on the PostgreSQL reference adapter, in process on PGlite
// (PostgreSQL compiled to WebAssembly). One database for the whole file; every rule gets
// empty tables (TRUNCATE), since the kit's rules use fixed tenant ids.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createPostgresStore, migrate, truncateAll } from "../../../examples/postgres-adapter/index.js";
import { describeCrmStoreConformance } from "../../../src/testing/index.js";

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create();
  await migrate(db);
});
afterAll(async () => {
  await db.close();
});

describeCrmStoreConformance({
  name: "PostgreSQL adapter on PGlite",
  createStore: async () => {
    await truncateAll(db);
    return createPostgresStore(db);
  },
  capabilities: { multiTenant: true, optimisticConcurrency: true, consistentPagingUnderWrites: true, purchaseSummary: true },
  describe,
  test,
});
