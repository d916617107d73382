import { describe, expect, it } from "vitest";
import { buildRelationshipProfile, customer360 } from "../../src/app/index.js";
import { createMemoryStore } from "../../src/repository/index.js";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function seeded() {
  const store = createMemoryStore().forTenant("acme");
  await store.accounts.upsert({ id: "a", name: "Acme", createdAt: d("2023-01-01") });
  await store.customers.upsert({
    id: "c",
    accountId: "a",
    createdAt: d("2024-01-01"),
    lifecycleStage: "customer",
    lifecycleHistory: [
      { stage: "lead", enteredAt: d("2024-01-01") },
      { stage: "customer", enteredAt: d("2024-03-01") },
    ],
  });
  await store.customers.upsert({ id: "other", createdAt: d("2024-01-01") });
  const pipeline = {
    id: "p",
    name: "P",
    createdAt: d("2024-01-01"),
    stages: [
      { id: "a", name: "A", probability: 0.3, kind: "open" as const },
      { id: "won", name: "Won", probability: 1, kind: "won" as const },
      { id: "lost", name: "Lost", probability: 0, kind: "lost" as const },
    ],
  };
  await store.pipelines.upsert(pipeline);
  await store.transactions.upsertMany([
    { id: "t1", customerId: "c", orderId: "o1", occurredAt: d("2024-02-01"), amount: { amount: 100, currency: "EUR" }, kind: "purchase" },
    { id: "t2", customerId: "c", orderId: "o1", occurredAt: d("2024-02-01"), amount: { amount: 20, currency: "EUR" }, kind: "purchase" },
    { id: "t3", customerId: "c", occurredAt: d("2024-04-01"), amount: { amount: 60, currency: "EUR" }, kind: "purchase" },
    { id: "t4", customerId: "c", occurredAt: d("2024-04-05"), amount: { amount: 10, currency: "EUR" }, kind: "refund" },
    { id: "t5", customerId: "c", occurredAt: d("2024-05-01"), amount: { amount: 30, currency: "USD" }, kind: "purchase" },
    { id: "t6", customerId: "other", occurredAt: d("2024-05-01"), amount: { amount: 999, currency: "EUR" }, kind: "purchase" },
  ]);
  await store.interactions.upsertMany([
    { id: "i1", customerId: "c", channel: "call", department: "sales", direction: "outbound", occurredAt: d("2024-01-10") },
    { id: "i2", customerId: "c", channel: "email", department: "support", direction: "inbound", occurredAt: d("2024-03-10") },
    { id: "i3", customerId: "c", channel: "note", department: "success", direction: "internal", occurredAt: d("2024-03-11") },
    { id: "i4", customerId: "c", channel: "email", department: "marketing", direction: "outbound", occurredAt: d("2024-03-12") },
  ]);
  await store.tickets.upsertMany([
    { id: "k1", customerId: "c", status: "resolved", priority: "high", channel: "email", openedAt: d("2024-03-10"), resolvedAt: d("2024-05-20") },
    { id: "k2", customerId: "c", status: "open", priority: "low", channel: "chat", openedAt: d("2024-05-02") },
  ]);
  await store.deals.upsertMany([
    { id: "d1", name: "Renewal", pipelineId: "p", stageId: "won", status: "won", customerId: "c", amount: { amount: 500, currency: "EUR" }, createdAt: d("2024-02-01"), closedAt: d("2024-06-01"), stageHistory: [{ stageId: "a", enteredAt: d("2024-02-01") }, { stageId: "won", enteredAt: d("2024-06-01") }] },
    { id: "d2", name: "Upsell", pipelineId: "p", stageId: "a", status: "open", customerId: "c", amount: { amount: 200, currency: "EUR" }, createdAt: d("2024-04-01"), stageHistory: [{ stageId: "a", enteredAt: d("2024-04-01") }] },
  ]);
  await store.surveyResponses.upsertMany([
    { id: "r1", customerId: "c", kind: "nps", score: 9, respondedAt: d("2024-03-15") },
    { id: "r2", customerId: "c", kind: "nps", score: 6, respondedAt: d("2024-05-15") },
  ]);
  await store.subscriptions.upsert({
    id: "s1",
    customerId: "c",
    plan: "pro",
    status: "active",
    billingInterval: "month",
    mrr: { amount: 80, currency: "EUR" },
    startedAt: d("2024-02-01"),
    mrrHistory: [
      { effectiveAt: d("2024-02-01"), mrr: { amount: 50, currency: "EUR" } },
      { effectiveAt: d("2024-06-15"), mrr: { amount: 80, currency: "EUR" } },
    ],
  });
  return store;
}

describe("customer360", () => {
  it("assembles the view as of a date with money per currency", async () => {
    const store = await seeded();
    const v = await customer360("c", store, { asOf: d("2024-05-25"), timelineLimit: 3 });
    expect(v.account?.name).toBe("Acme");
    expect(v.lifecycleStage).toBe("customer");
    expect(v.keyFigures.revenue).toEqual([{ amount: 180, currency: "EUR" }, { amount: 30, currency: "USD" }]);
    expect(v.keyFigures.refunds).toEqual([{ amount: 10, currency: "EUR" }]);
    expect(v.keyFigures.orders).toBe(3); // o1 (two lines), t3, t5
    expect(v.keyFigures.averageOrderValue).toEqual([{ amount: 90, currency: "EUR" }, { amount: 30, currency: "USD" }]);
    expect(v.keyFigures.firstPurchaseAt).toEqual(d("2024-02-01"));
    expect(v.keyFigures.lastPurchaseAt).toEqual(d("2024-05-01"));
    expect(v.keyFigures.latestNps).toEqual({ score: 6, category: "detractor", at: d("2024-05-15") });
    expect(v.keyFigures.activeSubscriptions).toBe(1);
    expect(v.keyFigures.mrr).toEqual([{ amount: 50, currency: "EUR" }]); // the upgrade is after asOf
    expect(v.openTickets.map((t) => t.id)).toEqual(["k2"]); // k1 was resolved on 05-20
    expect(v.openDeals.map((x) => x.id).sort()).toEqual(["d1", "d2"]); // d1 closes on 06-01
    expect(v.keyFigures.openPipeline).toEqual([{ amount: 700, currency: "EUR" }]);
    expect(v.timeline.recent.map((e) => e.kind)).toEqual(["ticket_resolved", "survey_response", "ticket_opened"]);
    expect(v.timeline.byKind.transaction).toBe(5);
    expect(v.timeline.total).toBe(Object.values(v.timeline.byKind).reduce((a, b) => a + b, 0));
    expect(v.lastTouch.byDepartment.support?.kind).toBe("ticket_resolved");
    expect(v.lastTouch.byDepartment.success?.kind).toBe("survey_response"); // the internal note is not a touch
    expect(v.lastTouch.byChannel.call?.at).toEqual(d("2024-01-10"));
    expect(v.relationship.health).toBe("atRisk"); // latest NPS 6 is a detractor
    expect(v.relationshipCurrency).toBe("EUR"); // 3 EUR purchases vs 1 USD
  });

  it("sees the past: as of an earlier date later events do not exist", async () => {
    const store = await seeded();
    const v = await customer360("c", store, { asOf: d("2024-02-15") });
    expect(v.lifecycleStage).toBe("lead");
    expect(v.keyFigures.revenue).toEqual([{ amount: 120, currency: "EUR" }]);
    expect(v.keyFigures.latestNps).toBeNull();
    expect(v.openTickets).toEqual([]);
  });

  it("errors on unknown customers, dates before the customer existed and bad limits", async () => {
    const store = await seeded();
    await expect(customer360("nobody", store, { asOf: d("2024-05-25") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(customer360("c", store, { asOf: d("2023-05-25") })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(customer360("c", store, { asOf: d("2024-05-25"), timelineLimit: -1 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("buildRelationshipProfile", () => {
  it("gathers two-way interactions, open tickets and purchases as of a date", async () => {
    const store = await seeded();
    await expect(buildRelationshipProfile("c", store, { asOf: d("2024-05-25") })).rejects.toMatchObject({ code: "CURRENCY_MISMATCH" });
    const p = await buildRelationshipProfile("c", store, { asOf: d("2024-05-25"), currency: "EUR" });
    expect(p.purchases.map((x) => x.amount)).toEqual([100, 20, 60]);
    // outbound call = conversation (two-way); inbound email two-way; internal note left out; outbound email one-way
    expect(p.interactions).toEqual([
      { at: d("2024-01-10"), department: "sales", twoWay: true },
      { at: d("2024-03-10"), department: "support", twoWay: true },
      { at: d("2024-03-12"), department: "marketing", twoWay: false },
    ]);
    expect(p.tickets).toEqual([
      { openedAt: d("2024-03-10"), escalated: false, resolvedAt: d("2024-05-20") },
      { openedAt: d("2024-05-02"), escalated: false },
    ]);
    expect(p.nps.map((r) => r.score)).toEqual([9, 6]);
    const earlier = await buildRelationshipProfile("c", store, { asOf: d("2024-04-01"), currency: "EUR" });
    expect(earlier.tickets).toEqual([{ openedAt: d("2024-03-10"), escalated: false }]); // not yet resolved then
  });
});
