import { invalidInput } from "../errors/invalid-input.js";
import type { CrmStore } from "../repository/store.js";
import type { RelationshipProfile } from "../stages/profile.js";
import { ProfileAccumulator, type RelationshipProfileOptions } from "./relationship-profile.js";
import { expand, type TimelineRecord } from "./timeline.js";

/**
 * The relationship profiles of every customer created by `asOf`, built by reading each
 * repository once (customers, then transactions, interactions, tickets, survey
 * responses and subscriptions up to `asOf`) and grouping by customer — the bulk
 * counterpart of `buildRelationshipProfile`, for stage distributions and transition
 * matrices over a whole customer base. Memory grows with the number of facts.
 *
 * A customer who bought in several currencies has the purchases of `options.currency`
 * counted, or else those of the currency they bought in most (a bulk job should not
 * stop at one such customer; use `buildRelationshipProfile` for the strict check).
 * Records of customers that do not exist are ignored.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from "crmkit/repository";
 * import { buildRelationshipProfiles } from "crmkit/app";
 * import { stageDistribution } from "crmkit/stages";
 * const store = createMemoryStore().forTenant("acme");
 * await store.customers.upsert({ id: "c-1", createdAt: "2024-01-01T00:00:00Z" });
 * const asOf = new Date("2024-06-01T00:00:00Z");
 * const d = await stageDistribution(await buildRelationshipProfiles(store, { asOf }), { asOf });
 * d.byStage.exploratory; // 1
 * ```
 */
export async function buildRelationshipProfiles(store: CrmStore, options: Omit<RelationshipProfileOptions, "keyContactEvents">): Promise<RelationshipProfile[]> {
  const asOf = options?.asOf;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw invalidInput("buildRelationshipProfiles: options.asOf", asOf, "a valid Date");
  const to = new Date(asOf.getTime() + 1); // include facts exactly at asOf
  const byCustomer = new Map<string, ProfileAccumulator>();
  for await (const c of store.customers.stream({ filter: { createdAt: { to } } })) {
    byCustomer.set(c.id, new ProfileAccumulator(c.id, c.createdAt, options));
  }
  const feed = (record: TimelineRecord & { entity: { customerId?: string | undefined } }) => {
    const acc = record.entity.customerId === undefined ? undefined : byCustomer.get(record.entity.customerId);
    if (acc === undefined) return;
    for (const e of expand(record)) if (e.at <= asOf) acc.add(e);
  };
  for await (const e of store.transactions.stream({ filter: { kind: "purchase", occurredAt: { to } } })) feed({ collection: "transactions", entity: e });
  for await (const e of store.interactions.stream({ filter: { occurredAt: { to } } })) feed({ collection: "interactions", entity: e });
  for await (const e of store.tickets.stream({ filter: { openedAt: { to } } })) feed({ collection: "tickets", entity: e });
  for await (const e of store.surveyResponses.stream({ filter: { kind: "nps", respondedAt: { to } } })) feed({ collection: "surveyResponses", entity: e });
  for await (const e of store.subscriptions.stream({ filter: { startedAt: { to } } })) feed({ collection: "subscriptions", entity: e });
  return [...byCustomer.values()].map((a) => a.profile("main"));
}
