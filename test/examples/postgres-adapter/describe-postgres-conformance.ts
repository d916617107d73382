import { describe, test } from "vitest";
import { createPostgresStore, truncateAll, type SqlClient } from "../../../examples/postgres-adapter/index.js";
import { describeCrmStoreConformance } from "../../../src/testing/index.js";

/**
 * The conformance kit on the PostgreSQL adapter over `client()` (PGlite or a `pg`
 * pool, opened by the caller's `beforeAll`): every rule starts from empty tables,
 * since the kit's rules use fixed tenant ids.
 */
export function describePostgresConformance(name: string, client: () => SqlClient): void {
  describeCrmStoreConformance({
    name,
    createStore: async () => {
      await truncateAll(client());
      return createPostgresStore(client());
    },
    capabilities: { multiTenant: true, optimisticConcurrency: true, consistentPagingUnderWrites: true, purchaseSummary: true },
    describe,
    test,
  });
}
