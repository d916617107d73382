import { invalidInput } from "../errors/invalid-input.js";
import type { Account, Customer, Deal, Department, Money, Ticket } from "../model/index.js";
import { classifyNps, type NpsCategory } from "../nps/classify.js";
import type { Stored } from "../repository/stored.js";
import type { CrmStore } from "../repository/store.js";
import { classifyRelationshipStage, type StageClassification } from "../stages/classify.js";
import type { StageCriteria } from "../stages/criteria.js";
import { ProfileAccumulator, type RelationshipProfileOptions } from "./relationship-profile.js";
import { customerTimeline, loadCustomer, TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from "./timeline.js";

/**
 * The last touch of a department or channel.
 *
 * @example
 * ```ts
 * import type { Touch } from "crmkit/app";
 * const t: Touch = { at: new Date(), kind: "interaction", summary: "inbound call" };
 * ```
 */
export interface Touch {
  readonly at: Date;
  readonly kind: TimelineKind;
  readonly summary: string;
}

/**
 * The customer 360 view: everything the company knows about one customer, as of one
 * instant, so no department asks the customer to repeat themselves.
 *
 * @example
 * ```ts
 * import type { Customer360 } from "crmkit/app";
 * declare const view: Customer360;
 * console.log(view.relationship.stage, view.keyFigures.orders, view.timeline.recent[0]?.summary);
 * ```
 */
export interface Customer360 {
  readonly asOf: Date;
  readonly customer: Stored<Customer>;
  readonly account: Stored<Account> | null;
  readonly lifecycleStage: string | null;
  readonly relationship: StageClassification;
  /**
   * The currency whose purchases the relationship signals count: `options.currency`, else
   * the customer's only purchase currency, else the one with the most purchases.
   */
  readonly relationshipCurrency: string | null;
  readonly timeline: {
    /** The most recent events, newest first (at most `timelineLimit`). */
    readonly recent: readonly TimelineEntry[];
    /** How many events the full timeline has, in all and by kind. */
    readonly total: number;
    readonly byKind: Readonly<Record<TimelineKind, number>>;
    readonly first: Date | null;
    readonly last: Date | null;
  };
  readonly lastTouch: {
    readonly byDepartment: Readonly<Partial<Record<Department, Touch>>>;
    readonly byChannel: Readonly<Partial<Record<string, Touch>>>;
  };
  /** Tickets open at `asOf`. */
  readonly openTickets: readonly Stored<Ticket>[];
  /** Deals open at `asOf`. */
  readonly openDeals: readonly Stored<Deal>[];
  readonly keyFigures: {
    /** Purchase revenue per currency (never summed across currencies). */
    readonly revenue: readonly Money[];
    readonly refunds: readonly Money[];
    /** Purchases (distinct `orderId`, or one per transaction without one). */
    readonly orders: number;
    readonly averageOrderValue: readonly Money[];
    readonly firstPurchaseAt: Date | null;
    readonly lastPurchaseAt: Date | null;
    readonly latestNps: { readonly score: number; readonly category: NpsCategory; readonly at: Date } | null;
    readonly activeSubscriptions: number;
    /** Monthly recurring revenue of the subscriptions active at `asOf`, per currency. */
    readonly mrr: readonly Money[];
    /** Amount of the deals open at `asOf`, per currency. */
    readonly openPipeline: readonly Money[];
  };
}

/**
 * Options of {@link customer360}.
 *
 * @example
 * ```ts
 * import type { Customer360Options } from "crmkit/app";
 * const o: Customer360Options = { asOf: new Date(), timelineLimit: 20 };
 * ```
 */
export interface Customer360Options extends RelationshipProfileOptions {
  /** How many recent timeline events to return (default 50; the totals cover all). */
  readonly timelineLimit?: number;
  /** Stage criteria for the relationship classification. */
  readonly criteria?: StageCriteria;
}

class MoneyByCurrency {
  private readonly totals = new Map<string, number>();
  add(m: Money): void {
    this.totals.set(m.currency, (this.totals.get(m.currency) ?? 0) + m.amount);
  }
  list(): Money[] {
    return [...this.totals].map(([currency, amount]) => ({ amount, currency })).sort((a, b) => (a.currency < b.currency ? -1 : 1));
  }
  get(currency: string): number {
    return this.totals.get(currency) ?? 0;
  }
}

/**
 * Builds the customer 360 view as of `asOf`: one merged timeline of interactions,
 * tickets, deals and their stage changes, transactions, survey answers, subscriptions
 * and campaign engagement across sales, marketing, support and billing (the most
 * recent `timelineLimit` events, with totals over all); the last touch per
 * department and per channel; tickets and deals open at `asOf`; the lifecycle stage
 * at `asOf` and the relationship stage with its reasons; and the key figures —
 * revenue, orders, average order value, first and last purchase, latest NPS, MRR,
 * open pipeline — with money kept per currency.
 *
 * It reads the store in one streaming pass (see `customerTimeline`), so a customer
 * with 100 000 events is fine: memory holds the open items and the recent events only.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from "crmkit/repository";
 * import { customer360 } from "crmkit/app";
 * const store = createMemoryStore().forTenant("acme");
 * await store.customers.upsert({ id: "c-1", createdAt: "2024-01-01T00:00:00Z", lifecycleStage: "customer" });
 * await store.transactions.upsert({ id: "t-1", customerId: "c-1", occurredAt: "2024-02-01T00:00:00Z", amount: { amount: 80, currency: "EUR" }, kind: "purchase" });
 * const view = await customer360("c-1", store, { asOf: new Date("2024-06-01T00:00:00Z") });
 * view.keyFigures.revenue; // [{ amount: 80, currency: "EUR" }]
 * view.relationship.stage; // "exploratory"
 * ```
 */
export async function customer360(customerId: string, store: CrmStore, options: Customer360Options): Promise<Customer360> {
  const customer = await loadCustomer(customerId, store, options?.asOf, "customer360");
  const { asOf } = options;
  if (customer.createdAt > asOf) {
    throw invalidInput("customer360: options.asOf", asOf, `an instant on or after the customer's createdAt (${customer.createdAt.toISOString()})`);
  }
  const limit = options.timelineLimit ?? 50;
  if (!Number.isInteger(limit) || limit < 0) throw invalidInput("customer360: options.timelineLimit", limit, "an integer >= 0");

  const profile = new ProfileAccumulator(customer.id, customer.createdAt, options);
  const recent: TimelineEntry[] = []; // ring buffer of the last `limit` events
  let total = 0;
  let first: Date | null = null;
  let last: Date | null = null;
  const byKind = Object.fromEntries(TIMELINE_KINDS.map((k) => [k, 0])) as Record<TimelineKind, number>;
  const byDepartment: Partial<Record<Department, Touch>> = {};
  const byChannel: Partial<Record<string, Touch>> = {};
  const openTickets = new Map<string, Stored<Ticket>>();
  const deals = new Map<string, Stored<Deal>>();
  const revenue = new MoneyByCurrency();
  const refunds = new MoneyByCurrency();
  const orderCount = new Map<string, number>();
  const orderIds = new Set<string>();
  let firstPurchaseAt: Date | null = null;
  let lastPurchaseAt: Date | null = null;
  let latestNps: Customer360["keyFigures"]["latestNps"] = null;
  const mrr = new MoneyByCurrency();
  let activeSubscriptions = 0;

  for await (const e of customerTimeline(customerId, store, { asOf })) {
    profile.add(e);
    total++;
    byKind[e.kind]++;
    first ??= e.at;
    last = e.at;
    if (limit > 0) {
      if (recent.length === limit) recent.shift();
      recent.push(e);
    }
    if (e.kind !== "customer_created" && e.kind !== "lifecycle_stage_changed") {
      const touch: Touch = { at: e.at, kind: e.kind, summary: e.summary };
      if (!(e.kind === "interaction" && e.record.collection === "interactions" && e.record.entity.direction === "internal")) {
        byDepartment[e.department] = touch;
        if (e.channel !== undefined) byChannel[e.channel] = touch;
      }
    }
    const r = e.record;
    if (r.collection === "tickets") {
      if (e.kind === "ticket_opened") openTickets.set(r.entity.id, r.entity);
      else if (e.kind === "ticket_resolved") openTickets.delete(r.entity.id);
    } else if (r.collection === "deals") {
      if (e.kind === "deal_created") deals.set(r.entity.id, r.entity);
      else if (e.kind === "deal_closed") deals.delete(r.entity.id);
    } else if (r.collection === "transactions") {
      const t = r.entity;
      if (t.kind === "purchase") {
        revenue.add(t.amount);
        const orderKey = t.orderId === undefined ? `tx:${t.id}` : `order:${t.orderId}`;
        if (!orderIds.has(orderKey)) {
          orderIds.add(orderKey);
          orderCount.set(t.amount.currency, (orderCount.get(t.amount.currency) ?? 0) + 1);
        }
        firstPurchaseAt ??= e.at;
        lastPurchaseAt = e.at;
      } else if (t.kind === "refund") refunds.add(t.amount);
    } else if (r.collection === "surveyResponses" && r.entity.kind === "nps") {
      const score = r.entity.score;
      latestNps = { score, category: classifyNps(score), at: e.at };
    } else if (r.collection === "subscriptions" && e.kind === "subscription_started") {
      const s = r.entity;
      if (s.endedAt === undefined || s.endedAt > asOf) {
        activeSubscriptions++;
        // the MRR in force at asOf: the last change at or before it, else the current MRR
        let current = s.mrrHistory.length === 0 ? s.mrr : undefined;
        for (const c of s.mrrHistory) if (c.effectiveAt <= asOf) current = c.mrr;
        if (current !== undefined) mrr.add(current);
      }
    }
  }

  const openPipeline = new MoneyByCurrency();
  for (const d of deals.values()) if (d.amount !== undefined) openPipeline.add(d.amount);
  const averageOrderValue = revenue.list().map((m) => ({ amount: m.amount / (orderCount.get(m.currency) ?? 1), currency: m.currency }));
  const account = customer.accountId === undefined ? null : await store.accounts.get(customer.accountId);
  let lifecycleStage: string | null = null;
  for (const h of customer.lifecycleHistory) if (h.enteredAt <= asOf) lifecycleStage = h.stage;
  if (customer.lifecycleHistory.length === 0) lifecycleStage = customer.lifecycleStage ?? null;

  return {
    asOf,
    customer,
    account,
    lifecycleStage,
    relationship: classifyRelationshipStage(profile.profile("main"), { asOf, ...(options.criteria === undefined ? {} : { criteria: options.criteria }) }),
    relationshipCurrency: profile.currency("main") ?? null,
    timeline: { recent: recent.reverse(), total, byKind, first, last },
    lastTouch: { byDepartment, byChannel },
    openTickets: [...openTickets.values()],
    openDeals: [...deals.values()],
    keyFigures: {
      revenue: revenue.list(),
      refunds: refunds.list(),
      orders: orderIds.size,
      averageOrderValue,
      firstPurchaseAt,
      lastPurchaseAt,
      latestNps,
      activeSubscriptions,
      mrr: mrr.list(),
      openPipeline: openPipeline.list(),
    },
  };
}
