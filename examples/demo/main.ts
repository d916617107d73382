// The tour of crmkit: `npm run demo` (options: --customers N, --seed S, --postgres).
// Generates a CRM dataset, seeds the in-memory store with it — or, with --postgres, the
// PostgreSQL reference adapter on PGlite (PostgreSQL in WebAssembly, in process) — shows
// what the store holds, then runs each module's section (examples/demo/sections/index.ts).
import { parseArgs } from "node:util";
import { createMemoryStore, type CrmStoreProvider } from "crmkit/repository";
import { ENTITY_COLLECTIONS } from "crmkit/model";
import { generateDataset, seedStore } from "crmkit/testing";
import { createDemoContext } from "./context.js";
import { sections } from "./sections/index.js";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "2000" },
    seed: { type: "string", default: "2025" },
    postgres: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log("Usage: npm run demo -- [--customers N] [--seed S] [--postgres]");
  process.exit(0);
}
const customers = Number(values.customers);
if (!Number.isInteger(customers) || customers < 1 || customers > 200_000) {
  console.error(`--customers: expected an integer from 1 to 200000, got ${values.customers}`);
  process.exit(2);
}
// A numeric seed is used as a number, anything else as a string seed.
const seed = /^-?\d+$/.test(values.seed) && Number.isSafeInteger(Number(values.seed)) ? Number(values.seed) : values.seed;
const asOf = new Date("2025-01-01T00:00:00Z");

const started = performance.now();
const data = generateDataset({ seed, customers, asOf });
const generated = performance.now();
const provider = values.postgres ? await pgliteProvider() : createMemoryStore();
const store = provider.forTenant("demo");
await seedStore(store, data);
const seeded = performance.now();
const where = values.postgres ? "the PostgreSQL adapter on PGlite" : "the memory store";

const ctx = createDemoContext(store, asOf);
ctx.heading(`crmkit demo — ${customers.toLocaleString("en-US")} generated customers, seed ${JSON.stringify(seed)}, as of ${asOf.toISOString().slice(0, 10)}`);
ctx.log(
  `generated in ${((generated - started) / 1000).toFixed(1)} s, written to ${where} (tenant "${store.tenantId}") in ${((seeded - generated) / 1000).toFixed(1)} s`,
  "",
);
const counts = [];
for (const c of ENTITY_COLLECTIONS) counts.push({ collection: c, entities: await store[c].count() });
ctx.table(counts);

const first = (xs: Date[]) => xs.reduce((a, b) => (b < a ? b : a));
const last = (xs: Date[]) => xs.reduce((a, b) => (b > a ? b : a));
const created = data.customers.map((c) => c.createdAt);
const bought = data.transactions.map((t) => t.occurredAt);
ctx.log(
  "",
  `customers acquired ${first(created).toISOString().slice(0, 10)} – ${last(created).toISOString().slice(0, 10)}; transactions ${first(bought).toISOString().slice(0, 10)} – ${last(bought).toISOString().slice(0, 10)} (${data.currency})`,
  "",
);
const sources = [...new Set(data.customers.map((c) => c.acquisitionSource ?? "unknown"))].sort();
const bySource = [];
for (const source of sources) {
  const n = await store.customers.count({ acquisitionSource: source });
  const leads = await store.leads.count({ source });
  bySource.push({ source, customers: n, share: `${((100 * n) / customers).toFixed(1)}%`, leads });
}
ctx.table(bySource);

let failed = 0;
for (const section of sections) {
  ctx.heading(section.title);
  try {
    await section.run(ctx);
  } catch (error) {
    failed++;
    console.error(`  section "${section.title}" failed:`, error);
  }
}
await provider.close?.();
console.log("");
if (failed > 0) {
  console.error(`${failed} demo section(s) failed`);
  process.exitCode = 1;
}

/** The PostgreSQL reference adapter on a fresh in-process PGlite database (loaded only with --postgres). */
async function pgliteProvider(): Promise<CrmStoreProvider> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { createPostgresStore, migrate } = await import("../postgres-adapter/index.js");
  const db = await PGlite.create();
  await migrate(db);
  return createPostgresStore(db, { close: () => db.close() });
}
