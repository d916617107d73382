import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerTimeline, type TimelineEntry } from "../../src/app/index.js";
import { createMemoryStore, type CrmStore } from "../../src/repository/index.js";

const T0 = Date.UTC(2024, 0, 1);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

async function collect(it: AsyncIterable<TimelineEntry>): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  for await (const e of it) out.push(e);
  return out;
}

/** Random events for two customers in two tenants; returns what customer "c1" of tenant "t1" should see. */
async function seed(store: CrmStore, other: CrmStore, ev: { kind: number; t: number; d: number; who: number }[]) {
  const expected: string[] = [];
  for (const s of [store, other]) {
    await s.customers.upsert({ id: "c1", createdAt: at(0) });
    await s.customers.upsert({ id: "c2", createdAt: at(0) });
  }
  expected.push(`customer_created:c1@0`);
  await store.pipelines.upsert({
    id: "p",
    name: "P",
    createdAt: at(0),
    stages: [
      { id: "a", name: "A", probability: 0.3, kind: "open" },
      { id: "b", name: "B", probability: 0.6, kind: "open" },
      { id: "won", name: "Won", probability: 1, kind: "won" },
      { id: "lost", name: "Lost", probability: 0, kind: "lost" },
    ],
  });
  let n = 0;
  for (const e of ev) {
    const id = `e${n++}`;
    const target = e.who === 2 ? other : store; // who 2: same ids in another tenant
    const customerId = e.who === 1 ? "c2" : "c1";
    const mine = e.who === 0;
    const push = (kind: string, minute: number) => mine && expected.push(`${kind}:${id}@${minute}`);
    switch (e.kind % 5) {
      case 0:
        await target.interactions.upsert({ id, customerId, channel: "call", department: "sales", direction: "inbound", occurredAt: at(e.t) });
        push("interaction", e.t);
        break;
      case 1:
        await target.tickets.upsert({ id, customerId, status: "resolved", priority: "normal", channel: "email", openedAt: at(e.t), resolvedAt: at(e.t + e.d) });
        push("ticket_opened", e.t);
        push("ticket_resolved", e.t + e.d);
        break;
      case 2:
        await target.deals.upsert({
          id,
          name: "D",
          pipelineId: "p",
          stageId: "won",
          status: "won",
          customerId,
          createdAt: at(e.t),
          closedAt: at(e.t + 2 * e.d),
          stageHistory: [
            { stageId: "a", enteredAt: at(e.t) },
            { stageId: "b", enteredAt: at(e.t + e.d) },
            { stageId: "won", enteredAt: at(e.t + 2 * e.d) },
          ],
        });
        push("deal_created", e.t);
        push("deal_stage_changed", e.t);
        push("deal_stage_changed", e.t + e.d);
        push("deal_stage_changed", e.t + 2 * e.d);
        push("deal_closed", e.t + 2 * e.d);
        break;
      case 3:
        await target.transactions.upsert({ id, customerId, occurredAt: at(e.t), amount: { amount: 10, currency: "EUR" }, kind: "purchase" });
        push("transaction", e.t);
        break;
      case 4:
        await target.campaignMembers.upsert({ id, campaignId: "cmp", customerId, addedAt: at(e.t), sentAt: at(e.t + e.d), openedAt: at(e.t + 3 * e.d) });
        push("campaign_sent", e.t + e.d);
        push("campaign_opened", e.t + 3 * e.d);
        break;
    }
  }
  return expected;
}

describe("customerTimeline", () => {
  it("property: every event of the customer appears once, in time order, none of another customer or tenant", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.nat(), t: fc.integer({ min: 0, max: 5000 }), d: fc.integer({ min: 0, max: 3000 }), who: fc.integer({ min: 0, max: 2 }) }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (ev, batchSize) => {
          const provider = createMemoryStore();
          const store = provider.forTenant("t1");
          const expected = await seed(store, provider.forTenant("t2"), ev);
          const got = await collect(customerTimeline("c1", store, { asOf: at(1e6), batchSize }));
          expect(got.map((e) => `${e.kind}:${e.record.entity.id === "c1" ? "c1" : e.record.entity.id}@${(e.at.getTime() - T0) / 60_000}`).sort()).toEqual(expected.sort());
          for (let i = 1; i < got.length; i++) expect(got[i]!.at.getTime()).toBeGreaterThanOrEqual(got[i - 1]!.at.getTime());
          for (const e of got) expect("customerId" in e.record.entity ? e.record.entity.customerId : e.record.entity.id).toBe("c1");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("stops at asOf (events exactly at asOf included), starts at from, and reads only the sources asked for", async () => {
    const store = createMemoryStore().forTenant("t");
    await store.customers.upsert({ id: "c", createdAt: at(0) });
    await store.tickets.upsert({ id: "k", customerId: "c", status: "resolved", priority: "low", channel: "chat", openedAt: at(10), resolvedAt: at(30) });
    await store.transactions.upsert({ id: "x", customerId: "c", occurredAt: at(20), amount: { amount: 1, currency: "USD" }, kind: "purchase" });
    expect((await collect(customerTimeline("c", store, { asOf: at(20) }))).map((e) => e.kind)).toEqual(["customer_created", "ticket_opened", "transaction"]);
    expect((await collect(customerTimeline("c", store, { asOf: at(30), from: at(15) }))).map((e) => e.kind)).toEqual(["transaction", "ticket_resolved"]);
    expect((await collect(customerTimeline("c", store, { asOf: at(30), include: ["transactions"] }))).map((e) => e.kind)).toEqual(["customer_created", "transaction"]);
  });

  it("errors: unknown customer, bad id, bad dates, unknown source", async () => {
    const store = createMemoryStore().forTenant("t");
    await store.customers.upsert({ id: "c", createdAt: at(0) });
    await expect(collect(customerTimeline("nobody", store, { asOf: at(1) }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(collect(customerTimeline("", store, { asOf: at(1) }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(collect(customerTimeline("c", store, { asOf: new Date("x") }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(collect(customerTimeline("c", store, { asOf: at(1), include: ["leads" as never] }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
