// The conformance kit and the pushdown comparison on a real PostgreSQL server, through
// node-postgres, when DATABASE_URL names one (see docs/adapters.md, "Running PostgreSQL
// locally"). Everything happens in the schema crmkit_test, whose tables are emptied
// before every rule; nothing else in the database is touched.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStore, migrate, truncateAll } from "../../../examples/postgres-adapter/index.js";
import { describePostgresConformance } from "./describe-postgres-conformance.js";
import { expectSameSummaries, purchaseLog, PUSHDOWN_CASES } from "../../support/pushdown-cases.js";

const url = process.env.DATABASE_URL;
if (url === undefined || url === "") console.warn("[skip] DATABASE_URL is not set: the PostgreSQL server suite is skipped (PGlite runs the same kit)");
const onServer = describe.skipIf(url === undefined || url === "");

let pool: pg.Pool;

onServer("PostgreSQL server", () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("CREATE SCHEMA IF NOT EXISTS crmkit_test");
    await admin.end();
    pool = new pg.Pool({ connectionString: url, options: "-c search_path=crmkit_test", max: 8 });
    await migrate(pool);
  });
  afterAll(async () => {
    await pool.end();
  });

  describePostgresConformance("PostgreSQL adapter on a server (pg)", () => pool);

  it("pushdown and streaming summaries agree on the server", async () => {
    await truncateAll(pool);
    const transactions = createPostgresStore(pool).forTenant("pushdown").transactions;
    await transactions.upsertMany(purchaseLog(11, 200));
    for (const { options } of PUSHDOWN_CASES) await expectSameSummaries(transactions, options, true);
    expect(await transactions.count()).toBeGreaterThan(200);
  });
});
