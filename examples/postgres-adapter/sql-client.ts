/**
 * The one thing the adapter needs from a PostgreSQL driver: run a statement with
 * positional parameters (`$1`, `$2`, …) and return its rows. `pg`'s `Pool` and
 * `Client` and PGlite's `PGlite` all have this method as is:
 *
 * ```ts
 * createPostgresStore(new pg.Pool({ connectionString }));   // node-postgres
 * createPostgresStore(await PGlite.create());               // PostgreSQL in WebAssembly
 * ```
 *
 * Every write of the adapter is a single statement, so atomicity needs no
 * client-side transaction and a pool can run each statement on any connection.
 */
export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
