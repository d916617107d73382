import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../../src/repository/index.js";
import { generateDataset, seedStore } from "../../../src/testing/index.js";
import { createDemoContext } from "../../../examples/demo/context.js";
import { sections } from "../../../examples/demo/sections/index.js";

describe("demo sections", () => {
  it("every section of the tour runs on a small generated store and prints something", async () => {
    const asOf = new Date("2025-01-01T00:00:00Z");
    const store = createMemoryStore().forTenant("demo");
    await seedStore(store, generateDataset({ seed: 2025, customers: 600, asOf }));
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) {
      const out: string[] = [];
      await section.run(createDemoContext(store, asOf, (l) => out.push(l)));
      expect(out.join("\n").trim().length, section.title).toBeGreaterThan(0);
    }
  });
});
