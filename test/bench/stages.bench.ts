import { bench, describe } from "vitest";
import { customer360 } from "../../src/app/index.js";
import { createMemoryStore } from "../../src/repository/index.js";
import { classifyRelationshipStage, relationshipStateOf, type RelationshipProfile } from "../../src/stages/index.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2022, 0, 1);
const ASOF = new Date(T0 + 900 * DAY);
const DEPTS = ["sales", "support", "success", "marketing"] as const;

// A small seeded LCG so the data is the same on every run.
let state = 42;
const rand = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);

function randomProfile(i: number): RelationshipProfile {
  const since = T0 + Math.floor(rand() * 800) * DAY;
  const nP = Math.floor(rand() * 8);
  const nI = Math.floor(rand() * 12);
  return {
    customerId: `c${i}`,
    since: new Date(since),
    purchases: Array.from({ length: nP }, () => ({ at: new Date(since + rand() * 800 * DAY), amount: 20 + rand() * 200 })),
    interactions: Array.from({ length: nI }, () => ({ at: new Date(since + rand() * 800 * DAY), department: DEPTS[Math.floor(rand() * 4)]!, twoWay: rand() < 0.6 })),
    tickets: rand() < 0.2 ? [{ openedAt: new Date(since + rand() * 800 * DAY), escalated: rand() < 0.3 }] : [],
    nps: rand() < 0.3 ? [{ at: new Date(since + rand() * 800 * DAY), score: Math.floor(rand() * 11) }] : [],
    subscriptions: rand() < 0.25 ? [{ startedAt: new Date(since) }] : [],
    keyContactEvents: [],
  };
}

const N = 1_000_000;
const profiles = Array.from({ length: N }, (_, i) => randomProfile(i));

describe("relationship stages", () => {
  bench(`relationshipStateOf (stage + health) × ${N.toLocaleString("en")} profiles`, () => {
    for (const p of profiles) relationshipStateOf(p, { asOf: ASOF });
  }, { iterations: 3, warmupIterations: 1 });

  bench(`classifyRelationshipStage (with reasons) × ${N.toLocaleString("en")} profiles (~10 facts each)`, () => {
    for (const p of profiles) classifyRelationshipStage(p, { asOf: ASOF });
  }, { iterations: 3, warmupIterations: 1 });
});

const store = createMemoryStore().forTenant("bench");
const EVENTS = 100_000;
await store.customers.upsert({ id: "big", createdAt: new Date(T0) });
await store.interactions.upsertMany(
  Array.from({ length: EVENTS * 0.6 }, (_, i) => ({
    id: `i${i}`, customerId: "big", channel: "email" as const, department: DEPTS[i % 4]!, direction: i % 3 === 0 ? ("inbound" as const) : ("outbound" as const), occurredAt: new Date(T0 + i * 600_000),
  })),
);
await store.transactions.upsertMany(
  Array.from({ length: EVENTS * 0.3 }, (_, i) => ({
    id: `t${i}`, customerId: "big", occurredAt: new Date(T0 + i * 1_700_000), amount: { amount: 10 + (i % 90), currency: "EUR" }, kind: "purchase" as const,
  })),
);
await store.tickets.upsertMany(
  Array.from({ length: EVENTS * 0.05 }, (_, i) => ({
    id: `k${i}`, customerId: "big", status: "resolved" as const, priority: "normal" as const, channel: "chat" as const, openedAt: new Date(T0 + i * 9_000_000), resolvedAt: new Date(T0 + i * 9_000_000 + 86_400_000),
  })),
);
await store.surveyResponses.upsertMany(
  Array.from({ length: EVENTS * 0.05 }, (_, i) => ({ id: `r${i}`, customerId: "big", kind: "nps" as const, score: i % 11, respondedAt: new Date(T0 + i * 9_100_000) })),
);

describe("customer 360", () => {
  bench(`customer360 of a customer with ${EVENTS.toLocaleString("en")} events (memory store)`, async () => {
    await customer360("big", store, { asOf: ASOF });
  }, { iterations: 3, warmupIterations: 1 });
});
