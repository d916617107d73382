import { invalidInput } from "../errors/invalid-input.js";
import type { Customer, Deal, Department, Interaction, SurveyResponse, Subscription, Ticket, Transaction, CampaignMember } from "../model/index.js";
import type { Stored } from "../repository/stored.js";
import type { CrmStore } from "../repository/store.js";
import { compareCodePoints } from "../repository/query-spec.js";
import { notFound } from "../repository/store-errors.js";
import { validateId } from "../repository/validate.js";
import { MinHeap } from "./min-heap.js";

/**
 * The kinds of event on a customer's timeline.
 *
 * @example
 * ```ts
 * import { TIMELINE_KINDS } from "crmkit/app";
 * TIMELINE_KINDS.includes("deal_stage_changed"); // true
 * ```
 */
export const TIMELINE_KINDS = [
  "customer_created",
  "lifecycle_stage_changed",
  "interaction",
  "ticket_opened",
  "ticket_resolved",
  "deal_created",
  "deal_stage_changed",
  "deal_closed",
  "transaction",
  "survey_response",
  "subscription_started",
  "subscription_changed",
  "subscription_ended",
  "campaign_sent",
  "campaign_opened",
  "campaign_clicked",
  "campaign_converted",
  "campaign_unsubscribed",
] as const;

/**
 * A timeline event kind.
 *
 * @example
 * ```ts
 * import type { TimelineKind } from "crmkit/app";
 * const k: TimelineKind = "ticket_opened";
 * ```
 */
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/**
 * The stored record a timeline entry comes from.
 *
 * @example
 * ```ts
 * import type { TimelineRecord } from "crmkit/app";
 * declare const r: TimelineRecord;
 * if (r.collection === "deals") console.log(r.entity.stageId);
 * ```
 */
export type TimelineRecord =
  | { readonly collection: "customers"; readonly entity: Stored<Customer> }
  | { readonly collection: "interactions"; readonly entity: Stored<Interaction> }
  | { readonly collection: "tickets"; readonly entity: Stored<Ticket> }
  | { readonly collection: "deals"; readonly entity: Stored<Deal> }
  | { readonly collection: "transactions"; readonly entity: Stored<Transaction> }
  | { readonly collection: "surveyResponses"; readonly entity: Stored<SurveyResponse> }
  | { readonly collection: "subscriptions"; readonly entity: Stored<Subscription> }
  | { readonly collection: "campaignMembers"; readonly entity: Stored<CampaignMember> };

/**
 * One event of the customer 360 timeline: when, what, which department it belongs to
 * (interactions and tickets carry their own; deals are sales, transactions and
 * subscriptions billing, campaigns and lifecycle changes marketing, survey answers
 * success), the channel where there is one, a one-line summary, and the record.
 *
 * @example
 * ```ts
 * import type { TimelineEntry } from "crmkit/app";
 * declare const e: TimelineEntry;
 * console.log(`${e.at.toISOString()} [${e.department}] ${e.summary}`);
 * ```
 */
export interface TimelineEntry {
  readonly at: Date;
  readonly kind: TimelineKind;
  readonly department: Department;
  readonly channel?: string;
  readonly summary: string;
  readonly record: TimelineRecord;
}

/**
 * Options of {@link customerTimeline}.
 *
 * @example
 * ```ts
 * import type { CustomerTimelineOptions } from "crmkit/app";
 * const o: CustomerTimelineOptions = { asOf: new Date(), include: ["interactions", "tickets"] };
 * ```
 */
export interface CustomerTimelineOptions {
  /** Events after this instant are left out. */
  readonly asOf: Date;
  /** Only events at or after this instant. */
  readonly from?: Date;
  /** Which sources to read (default: all). The customer record itself is always read. */
  readonly include?: readonly TimelineSource[];
  /** Page size used when streaming from the repositories (default 1000). */
  readonly batchSize?: number;
}

/**
 * A source of timeline events (a repository).
 *
 * @example
 * ```ts
 * import { TIMELINE_SOURCES } from "crmkit/app";
 * TIMELINE_SOURCES.length; // 7
 * ```
 */
export const TIMELINE_SOURCES = ["interactions", "tickets", "deals", "transactions", "surveyResponses", "subscriptions", "campaignMembers"] as const;

/**
 * A timeline source.
 *
 * @example
 * ```ts
 * import type { TimelineSource } from "crmkit/app";
 * const s: TimelineSource = "deals";
 * ```
 */
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];

const KIND_ORDER = new Map<TimelineKind, number>(TIMELINE_KINDS.map((k, i) => [k, i]));

function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return (
    a.at.getTime() - b.at.getTime() ||
    KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
    compareCodePoints(a.record.entity.id, b.record.entity.id)
  );
}

function money(m: { amount: number; currency: string }): string {
  return `${m.amount} ${m.currency}`;
}

/** Expands one record into its timeline events. @internal */
export function expand(record: TimelineRecord): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const add = (at: Date | undefined, kind: TimelineKind, department: Department, summary: string, channel?: string) => {
    if (at !== undefined) out.push({ at, kind, department, summary, record, ...(channel === undefined ? {} : { channel }) });
  };
  switch (record.collection) {
    case "customers": {
      const c = record.entity;
      add(c.createdAt, "customer_created", "marketing", `customer created${c.acquisitionSource ? ` (source: ${c.acquisitionSource})` : ""}`);
      for (const e of c.lifecycleHistory) add(e.enteredAt, "lifecycle_stage_changed", "marketing", `lifecycle stage: ${e.stage}`);
      break;
    }
    case "interactions": {
      const i = record.entity;
      add(i.occurredAt, "interaction", i.department, `${i.direction} ${i.channel}${i.subject ? `: ${i.subject}` : ""}`, i.channel);
      break;
    }
    case "tickets": {
      const t = record.entity;
      add(t.openedAt, "ticket_opened", t.department, `ticket opened (${t.priority}${t.escalated ? ", escalated" : ""})${t.subject ? `: ${t.subject}` : ""}`, t.channel);
      add(t.resolvedAt, "ticket_resolved", t.department, `ticket resolved${t.subject ? `: ${t.subject}` : ""}`, t.channel);
      break;
    }
    case "deals": {
      const d = record.entity;
      add(d.createdAt, "deal_created", "sales", `deal created: ${d.name}${d.amount ? ` (${money(d.amount)})` : ""}`);
      for (const e of d.stageHistory) add(e.enteredAt, "deal_stage_changed", "sales", `deal "${d.name}" entered stage ${e.stageId}`);
      if (d.status !== "open") add(d.closedAt, "deal_closed", "sales", `deal ${d.status}: ${d.name}`);
      break;
    }
    case "transactions": {
      const t = record.entity;
      add(t.occurredAt, "transaction", "billing", `${t.kind} ${money(t.amount)}`, t.channel);
      break;
    }
    case "surveyResponses": {
      const r = record.entity;
      add(r.respondedAt, "survey_response", "success", `${r.kind.toUpperCase()} ${r.score}${r.comment ? `: ${r.comment.slice(0, 80)}` : ""}`, r.channel);
      break;
    }
    case "subscriptions": {
      const s = record.entity;
      add(s.startedAt, "subscription_started", "billing", `subscription ${s.plan} started`);
      for (const c of s.mrrHistory) if (c.effectiveAt > s.startedAt) add(c.effectiveAt, "subscription_changed", "billing", `subscription ${s.plan} MRR ${money(c.mrr)}`);
      add(s.endedAt, "subscription_ended", "billing", `subscription ${s.plan} ended`);
      break;
    }
    case "campaignMembers": {
      const m = record.entity;
      add(m.sentAt, "campaign_sent", "marketing", `campaign ${m.campaignId} sent`);
      add(m.openedAt, "campaign_opened", "marketing", `campaign ${m.campaignId} opened`);
      add(m.clickedAt, "campaign_clicked", "marketing", `campaign ${m.campaignId} clicked`);
      add(m.convertedAt, "campaign_converted", "marketing", `campaign ${m.campaignId} converted`);
      add(m.unsubscribedAt, "campaign_unsubscribed", "marketing", `unsubscribed via campaign ${m.campaignId}`);
      break;
    }
  }
  return out;
}

type Head = { key: number; it: AsyncIterator<TimelineRecord> };

/** The time a source is ordered by: no event of a record is earlier than it. */
function orderTime(record: TimelineRecord): number {
  switch (record.collection) {
    case "customers":
      return record.entity.createdAt.getTime();
    case "interactions":
      return record.entity.occurredAt.getTime();
    case "tickets":
      return record.entity.openedAt.getTime();
    case "deals":
      return record.entity.createdAt.getTime();
    case "transactions":
      return record.entity.occurredAt.getTime();
    case "surveyResponses":
      return record.entity.respondedAt.getTime();
    case "subscriptions":
      return record.entity.startedAt.getTime();
    case "campaignMembers":
      return record.entity.addedAt.getTime();
  }
}

async function* records<C extends TimelineSource>(store: CrmStore, source: C, customerId: string, to: Date, batchSize: number): AsyncIterable<TimelineRecord> {
  const timeRange = { to };
  // Every source is streamed in the order of the time its first event happens at.
  switch (source) {
    case "interactions":
      for await (const e of store.interactions.stream({ filter: { customerId, occurredAt: timeRange }, orderBy: "occurredAt", batchSize })) yield { collection: source, entity: e };
      break;
    case "tickets":
      for await (const e of store.tickets.stream({ filter: { customerId, openedAt: timeRange }, orderBy: "openedAt", batchSize })) yield { collection: source, entity: e };
      break;
    case "deals":
      for await (const e of store.deals.stream({ filter: { customerId, createdAt: timeRange }, orderBy: "createdAt", batchSize })) yield { collection: source, entity: e };
      break;
    case "transactions":
      for await (const e of store.transactions.stream({ filter: { customerId, occurredAt: timeRange }, orderBy: "occurredAt", batchSize })) yield { collection: source, entity: e };
      break;
    case "surveyResponses":
      for await (const e of store.surveyResponses.stream({ filter: { customerId, respondedAt: timeRange }, orderBy: "respondedAt", batchSize })) yield { collection: source, entity: e };
      break;
    case "subscriptions":
      for await (const e of store.subscriptions.stream({ filter: { customerId, startedAt: timeRange }, orderBy: "startedAt", batchSize })) yield { collection: source, entity: e };
      break;
    case "campaignMembers":
      // members are ordered by addedAt; every engagement event is at or after it
      for await (const e of store.campaignMembers.stream({ filter: { customerId, addedAt: timeRange }, orderBy: "addedAt", batchSize })) yield { collection: source, entity: e };
      break;
  }
}

/**
 * Loads a customer or throws `NOT_FOUND`; checks `asOf`. @internal
 */
export async function loadCustomer(customerId: string, store: CrmStore, asOf: unknown, where: string): Promise<Stored<Customer>> {
  validateId(`${where}: customerId`, customerId);
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw invalidInput(`${where}: options.asOf`, asOf, "a valid Date");
  const customer = await store.customers.get(customerId);
  if (customer === null) throw notFound("customers", customerId);
  return customer;
}

/**
 * A customer's merged timeline, oldest first: interactions, tickets (opened and
 * resolved), deals and every stage change, transactions, survey answers,
 * subscriptions and their MRR changes, campaign engagement and lifecycle-stage
 * changes — across sales, marketing, support and billing, up to `asOf`.
 *
 * It streams: each repository is read page by page in time order (filtered by the
 * customer, using the adapters' indexes) and merged with a heap, so a customer with
 * hundreds of thousands of events never needs them all in memory. Events that happen
 * after the record's own time (a ticket resolved, a deal's stage change, a campaign
 * click) are held in the heap until their turn. Ties are ordered by kind, then id.
 *
 * Throws `NOT_FOUND` for an unknown customer and `INVALID_INPUT` for a bad id or date.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from "crmkit/repository";
 * import { customerTimeline } from "crmkit/app";
 * const store = createMemoryStore().forTenant("acme");
 * await store.customers.upsert({ id: "c-1", createdAt: "2024-01-01T00:00:00Z" });
 * await store.interactions.upsert({ id: "i-1", customerId: "c-1", channel: "call", department: "sales", direction: "inbound", occurredAt: "2024-01-02T10:00:00Z" });
 * for await (const e of customerTimeline("c-1", store, { asOf: new Date("2024-12-31") })) console.log(e.kind, e.summary);
 * // customer_created customer created
 * // interaction inbound call
 * ```
 */
export async function* customerTimeline(customerId: string, store: CrmStore, options: CustomerTimelineOptions): AsyncIterable<TimelineEntry> {
  const customer = await loadCustomer(customerId, store, options?.asOf, "customerTimeline");
  const asOf = options.asOf.getTime();
  const from = options.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (options.from !== undefined && (!(options.from instanceof Date) || Number.isNaN(from))) throw invalidInput("customerTimeline: options.from", options.from, "a valid Date");
  const include = options.include ?? TIMELINE_SOURCES;
  for (const s of include) if (!(TIMELINE_SOURCES as readonly string[]).includes(s)) throw invalidInput("customerTimeline: options.include", s, `one of ${TIMELINE_SOURCES.join(", ")}`);
  const batchSize = options.batchSize ?? 1000;
  const to = new Date(asOf + 1); // ranges are [from, to): include events exactly at asOf

  // Every event goes through one heap. A source contributes the records it has read; its
  // `key` (the order time of its last record) bounds every event it has not produced yet,
  // so the heap's top can be emitted once no source's key is at or before it.
  const pending = new MinHeap<TimelineEntry>(compareEntries);
  const heads: Head[] = [];
  const advance = async (h: Head): Promise<boolean> => {
    const r = await h.it.next();
    if (r.done === true) return false;
    h.key = orderTime(r.value);
    for (const e of expand(r.value)) pending.push(e);
    return true;
  };
  for (const e of expand({ collection: "customers", entity: customer })) pending.push(e);
  for (const source of new Set(include)) {
    const h: Head = { key: Number.NEGATIVE_INFINITY, it: records(store, source, customerId, to, batchSize)[Symbol.asyncIterator]() };
    if (await advance(h)) heads.push(h);
  }
  for (;;) {
    for (;;) {
      let lowest: Head | null = null;
      for (const h of heads) if (lowest === null || h.key < lowest.key) lowest = h;
      const top = pending.peek();
      if (lowest === null || (top !== undefined && lowest.key > top.at.getTime())) break;
      if (!(await advance(lowest))) heads.splice(heads.indexOf(lowest), 1);
    }
    const next = pending.pop();
    if (next === undefined) return;
    const t = next.at.getTime();
    if (t > asOf) continue;
    if (t >= from) yield next;
  }
}
