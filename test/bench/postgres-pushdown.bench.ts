// The CLV purchase summary on the PostgreSQL reference adapter: pushed down to the
// database (one GROUP BY, one row per customer over the wire) versus streamed (every
// transaction paged out in time order and summarised in Node).
//
//   npm run bench -- test/bench/postgres-pushdown.bench.ts
//     PGlite (in process), BENCH_PGLITE_TRANSACTIONS rows (default 200,000)
//   DATABASE_URL=postgres://… BENCH_PG_TRANSACTIONS=10000000 npm run bench -- test/bench/postgres-pushdown.bench.ts
//     also a PostgreSQL server (default 1,000,000 rows; schema crmkit_bench, kept between runs)
//
// Ten transactions per customer. Rows are generated inside the database (INSERT … SELECT
// FROM generate_series), once per size: a later run with the same size reuses them.
// Besides vitest's table (rows/s = hz × rows), each path prints its median time, rows per
// second and the peak growth of the Node process's heap and resident memory during a run
// (with PGlite the database itself lives in the process and is in the resident figure).
import { afterAll, bench, describe } from "vitest";
import { createPostgresStore, migrate } from "../../examples/postgres-adapter/index.js";
import type { SqlClient } from "../../examples/postgres-adapter/sql-client.js";
import { summarizeTransactions } from "../../src/clv/index.js";
import type { TransactionRepository } from "../../src/repository/index.js";

const OBSERVATION_END = new Date("2024-01-01T00:00:00Z");

function size(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 10) throw new Error(`${name}: expected an integer >= 10, got ${raw}`);
  return n;
}

/** Loads `n` generated transactions for tenant `bench-<n>` unless they are there already. */
async function load(client: SqlClient, n: number): Promise<TransactionRepository> {
  const tenant = `bench-${n}`;
  const customers = Math.max(1, Math.floor(n / 10));
  const have = Number((await client.query("SELECT count(*)::int AS n FROM crm_transactions WHERE tenant_id = $1", [tenant])).rows[0]!.n);
  if (have !== n) {
    await client.query("DELETE FROM crm_transactions WHERE tenant_id = $1", [tenant]);
    const chunk = 1_000_000;
    for (let from = 1; from <= n; from += chunk) {
      await client.query(
        `INSERT INTO crm_transactions (tenant_id, id, version, data, occurred_at, customer_id, kind, amount, currency)
         SELECT $1, id, 1,
                jsonb_build_object('id', id, 'customerId', customer_id,
                                   'occurredAt', jsonb_build_object('$date', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
                                   'amount', jsonb_build_object('amount', amount, 'currency', 'USD'), 'kind', 'purchase', 'attributes', '{}'::jsonb),
                at, customer_id, 'purchase', amount, 'USD'
           FROM (SELECT 't-' || lpad(g::text, 9, '0') AS id,
                        'c-' || lpad((g % $4)::text, 8, '0') AS customer_id,
                        timestamptz '2021-01-01 00:00:00+00' + ((g::bigint * 7919) % (3 * 365 * 86400)) * interval '1 second' AS at,
                        ((g::bigint * 37) % 20000 + 99) / 100.0 AS amount
                   FROM generate_series($2::int, $3::int) AS g) AS s`,
        [tenant, from, Math.min(n, from + chunk - 1), customers],
      );
    }
    await client.query("ANALYZE crm_transactions");
  }
  return createPostgresStore(client).forTenant(tenant).transactions;
}

interface Run {
  seconds: number;
  heapMB: number;
  rssMB: number;
}

/** Runs `fn`, sampling memory every 20 ms: elapsed time and peak growth over the start. */
async function measured(fn: () => Promise<unknown>): Promise<Run> {
  const start = process.memoryUsage();
  let heap = start.heapUsed;
  let rss = start.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 20);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  const m = process.memoryUsage();
  return {
    seconds: (performance.now() - t0) / 1000,
    heapMB: (Math.max(heap, m.heapUsed) - start.heapUsed) / 2 ** 20,
    rssMB: (Math.max(rss, m.rss) - start.rss) / 2 ** 20,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function report(label: string, path: string, n: number, rs: Run[]): void {
  const s = median(rs.map((r) => r.seconds));
  console.log(
    `[${label}] ${path}: ${n.toLocaleString("en")} transactions, ${rs.length} runs, median ${s.toFixed(2)} s = ${Math.round(n / s).toLocaleString("en")} rows/s;` +
      ` peak heap +${median(rs.map((r) => r.heapMB)).toFixed(0)} MB, peak RSS +${median(rs.map((r) => r.rssMB)).toFixed(0)} MB (medians)`,
  );
}

/** Registers the two benches on a loaded repository; each prints a report after its last run. */
function compare(label: string, n: number, repo: () => TransactionRepository, iterations: number): void {
  const runs: Record<string, Run[]> = { pushdown: [], streaming: [] };
  for (const path of ["pushdown", "streaming"] as const) {
    bench(
      `${label}: summary ${path === "pushdown" ? "pushed down (GROUP BY in the database)" : "streamed (every transaction paged into Node)"}, ${n.toLocaleString("en")} transactions (rows/s = hz × ${n})`,
      async () => {
        let customers = 0;
        runs[path]!.push(
          await measured(async () => {
            const s = await summarizeTransactions(repo(), { observationEnd: OBSERVATION_END, unit: "week", pushdown: path === "pushdown" ? "require" : "never" });
            customers = s.customerIds.length;
          }),
        );
        if (customers !== Math.floor(n / 10)) throw new Error(`${path}: ${customers} customers, expected ${Math.floor(n / 10)}`);
        if (runs[path]!.length === iterations) report(label, path, n, runs[path]!);
      },
      { iterations, warmupIterations: 0, warmupTime: 0, time: 0 },
    );
  }
}

// --- PGlite: always available (a devDependency) ---
const pgliteRows = size("BENCH_PGLITE_TRANSACTIONS", 200_000);
const { PGlite } = await import("@electric-sql/pglite");
const lite = await PGlite.create();
await migrate(lite);
const liteRepo = await load(lite, pgliteRows);

describe("PostgreSQL adapter on PGlite", () => {
  afterAll(() => lite.close());
  compare("PGlite", pgliteRows, () => liteRepo, 3);
});

// --- A PostgreSQL server: only with DATABASE_URL ---
const url = process.env.DATABASE_URL;
const serverRows = size("BENCH_PG_TRANSACTIONS", 1_000_000);
let serverRepo: TransactionRepository | undefined;
let closeServer = async (): Promise<void> => {};
if (url === undefined || url === "") {
  console.warn("[skip] DATABASE_URL is not set: the PostgreSQL server benchmark is skipped");
} else {
  const pg = (await import("pg")).default;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("CREATE SCHEMA IF NOT EXISTS crmkit_bench");
  await admin.end();
  const pool = new pg.Pool({ connectionString: url, options: "-c search_path=crmkit_bench" });
  await migrate(pool);
  serverRepo = await load(pool, serverRows);
  closeServer = () => pool.end();
}

describe.skipIf(serverRepo === undefined)("PostgreSQL adapter on a server (pg)", () => {
  afterAll(() => closeServer());
  compare("PostgreSQL server", serverRows, () => serverRepo!, 3);
});
