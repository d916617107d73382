// The conformance kit on the PostgreSQL reference adapter, in process on PGlite
// (PostgreSQL compiled to WebAssembly). One database for the whole file; every rule gets
// empty tables (TRUNCATE), since the kit's rules use fixed tenant ids.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll } from "vitest";
import { migrate } from "../../../examples/postgres-adapter/index.js";
import { describePostgresConformance } from "./describe-postgres-conformance.js";

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create();
  await migrate(db);
});
afterAll(async () => {
  await db.close();
});

describePostgresConformance("PostgreSQL adapter on PGlite", () => db);
