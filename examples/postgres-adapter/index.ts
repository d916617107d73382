// crmkit's PostgreSQL reference adapter, written as a consumer would write one: it imports
// crmkit's public API only (crmkit/repository, crmkit/clv, crmkit/model, crmkit/errors).
// See docs/adapters.md, "The PostgreSQL reference adapter".
export type { SqlClient } from "./sql-client.js";
export { createPostgresStore, migrate, truncateAll, schemaStatements, type PostgresStoreOptions } from "./store.js";
export { summarizePurchasesSql } from "./purchase-summary.js";
