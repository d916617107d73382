import { describe, expect, it } from "vitest";
import { buildRelationshipProfile, buildRelationshipProfiles } from "../../src/app/index.js";
import { createMemoryStore } from "../../src/repository/index.js";
import type { RelationshipProfile } from "../../src/stages/index.js";
import { generateDataset, seedStore } from "../../src/testing/index.js";

const byTime = <T extends { at?: Date; openedAt?: Date; startedAt?: Date }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => (a.at ?? a.openedAt ?? a.startedAt)!.getTime() - (b.at ?? b.openedAt ?? b.startedAt)!.getTime() || JSON.stringify(a).localeCompare(JSON.stringify(b)));

function normal(p: RelationshipProfile) {
  return { ...p, purchases: byTime(p.purchases), interactions: byTime(p.interactions), tickets: byTime(p.tickets), nps: byTime(p.nps), subscriptions: byTime(p.subscriptions) };
}

describe("buildRelationshipProfiles", () => {
  it("equals the per-customer builder for every customer of a generated dataset, at two dates", async () => {
    const asOf = new Date("2025-01-01T00:00:00Z");
    const store = createMemoryStore().forTenant("t");
    await seedStore(store, generateDataset({ seed: 7, customers: 250, asOf }));
    for (const at of [asOf, new Date("2024-03-15T12:00:00Z")]) {
      const bulk = await buildRelationshipProfiles(store, { asOf: at });
      const created = await store.customers.count({ createdAt: { to: new Date(at.getTime() + 1) } });
      expect(bulk).toHaveLength(created);
      let compared = 0;
      for (const p of bulk) {
        const one = await buildRelationshipProfile(p.customerId, store, { asOf: at }).catch((e: { code?: string }) => {
          if (e.code === "CURRENCY_MISMATCH") return null;
          throw e;
        });
        if (one === null) continue;
        expect(normal(p)).toEqual(normal(one));
        compared++;
      }
      expect(compared).toBeGreaterThan(created * 0.9);
    }
  });

  it("rejects a bad date", async () => {
    await expect(buildRelationshipProfiles(createMemoryStore().forTenant("t"), { asOf: new Date("x") })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
