import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { createDemoContext } from "../../../examples/demo/context.js";
import { sections } from "../../../examples/demo/sections/index.js";
import { createPostgresStore, migrate } from "../../../examples/postgres-adapter/index.js";
import { createMemoryStore, type CrmStore } from "../../../src/repository/index.js";
import { generateDataset, seedStore } from "../../../src/testing/index.js";

async function tour(store: CrmStore, asOf: Date): Promise<string[]> {
  const out: string[] = [];
  for (const section of sections) await section.run(createDemoContext(store, asOf, (l) => out.push(l)));
  return out;
}

describe("demo tour on the PostgreSQL adapter (npm run demo -- --postgres)", () => {
  it("prints exactly what it prints on the memory store", async () => {
    const asOf = new Date("2025-01-01T00:00:00Z");
    const data = generateDataset({ seed: 7, customers: 300, asOf });
    const memory = createMemoryStore().forTenant("demo");
    await seedStore(memory, data);
    const db = await PGlite.create();
    try {
      await migrate(db);
      const pg = createPostgresStore(db).forTenant("demo");
      await seedStore(pg, data);
      const expected = await tour(memory, asOf);
      expect(expected.join("\n")).toContain("computed in the store");
      expect(await tour(pg, asOf)).toEqual(expected);
    } finally {
      await db.close();
    }
  });
});
