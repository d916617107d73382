import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { InteractionChannel } from "../model/channels.js";
import type { CrmStore } from "../repository/store.js";
import type { RelationshipProfile } from "../stages/profile.js";
import { customerTimeline, loadCustomer, type TimelineEntry } from "./timeline.js";

/**
 * Outbound interactions on these channels are conversations, so they count as
 * two-way; other outbound ones (an email, an SMS, a letter) do not, and internal
 * notes never do. Inbound interactions always count.
 *
 * @example
 * ```ts
 * import { CONVERSATION_CHANNELS } from "crmkit/app";
 * CONVERSATION_CHANNELS.includes("meeting"); // true
 * ```
 */
export const CONVERSATION_CHANNELS: readonly InteractionChannel[] = ["call", "meeting", "video_call", "chat", "whatsapp"];

/**
 * Options of {@link buildRelationshipProfile}.
 *
 * @example
 * ```ts
 * import type { RelationshipProfileOptions } from "crmkit/app";
 * const o: RelationshipProfileOptions = { asOf: new Date(), currency: "EUR" };
 * ```
 */
export interface RelationshipProfileOptions {
  /** Facts after this instant are left out (and tickets or subscriptions that end later are open). */
  readonly asOf: Date;
  /** Count purchases in this currency only. Without it, mixed currencies are a `CURRENCY_MISMATCH`. */
  readonly currency?: string;
  /** Key-contact events the host tracks (the store has no entity for them). */
  readonly keyContactEvents?: RelationshipProfile["keyContactEvents"];
  /** Override which outbound channels count as two-way (default {@link CONVERSATION_CHANNELS}). */
  readonly conversationChannels?: readonly InteractionChannel[];
}

/**
 * Accumulates a relationship profile from timeline entries (shared by
 * `buildRelationshipProfile` and `customer360`). @internal
 */
export class ProfileAccumulator {
  private readonly purchases: { at: Date; amount: number; currency: string }[] = [];
  private readonly interactions: { at: Date; department: RelationshipProfile["interactions"][number]["department"]; twoWay: boolean }[] = [];
  private readonly tickets: { openedAt: Date; resolvedAt?: Date; escalated: boolean }[] = [];
  private readonly nps: { at: Date; score: number }[] = [];
  private readonly subscriptions: { startedAt: Date; endedAt?: Date }[] = [];
  private readonly conversation: ReadonlySet<string>;

  constructor(
    private readonly customerId: string,
    private readonly since: Date,
    private readonly options: RelationshipProfileOptions,
  ) {
    this.conversation = new Set(options.conversationChannels ?? CONVERSATION_CHANNELS);
  }

  add(e: TimelineEntry): void {
    const asOf = this.options.asOf;
    const r = e.record;
    switch (e.kind) {
      case "transaction": {
        if (r.collection !== "transactions" || r.entity.kind !== "purchase") return;
        this.purchases.push({ at: e.at, amount: r.entity.amount.amount, currency: r.entity.amount.currency });
        return;
      }
      case "interaction": {
        if (r.collection !== "interactions" || r.entity.direction === "internal") return;
        const twoWay = r.entity.direction === "inbound" || this.conversation.has(r.entity.channel);
        this.interactions.push({ at: e.at, department: r.entity.department, twoWay });
        return;
      }
      case "ticket_opened": {
        if (r.collection !== "tickets") return;
        const t = r.entity;
        this.tickets.push({ openedAt: t.openedAt, escalated: t.escalated, ...(t.resolvedAt !== undefined && t.resolvedAt <= asOf ? { resolvedAt: t.resolvedAt } : {}) });
        return;
      }
      case "survey_response": {
        if (r.collection === "surveyResponses" && r.entity.kind === "nps") this.nps.push({ at: e.at, score: r.entity.score });
        return;
      }
      case "subscription_started": {
        if (r.collection !== "subscriptions") return;
        const s = r.entity;
        this.subscriptions.push({ startedAt: s.startedAt, ...(s.endedAt !== undefined && s.endedAt <= asOf ? { endedAt: s.endedAt } : {}) });
        return;
      }
      default:
        return;
    }
  }

  /**
   * The purchase currency of the profile: `options.currency`, else the only currency
   * purchased in; with several, `"strict"` throws CURRENCY_MISMATCH and `"main"` takes
   * the currency with the most purchases (ties: alphabetical).
   */
  currency(mode: "strict" | "main"): string | undefined {
    if (this.options.currency !== undefined) return this.options.currency;
    const counts = new Map<string, number>();
    for (const p of this.purchases) counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1);
    if (counts.size <= 1) return counts.keys().next().value;
    const currencies = [...counts.keys()].sort();
    if (mode === "strict") {
      throw new CrmkitError("CURRENCY_MISMATCH", `Customer "${this.customerId}" has purchases in ${currencies.join(", ")}: pass options.currency to choose one`, {
        details: { customerId: this.customerId, currencies },
      });
    }
    return currencies.reduce((best, c) => (counts.get(c)! > counts.get(best)! ? c : best));
  }

  profile(mode: "strict" | "main"): RelationshipProfile {
    const currency = this.currency(mode);
    return {
      customerId: this.customerId,
      since: this.since,
      purchases: this.purchases.filter((p) => p.currency === currency).map(({ at, amount }) => ({ at, amount })),
      interactions: this.interactions,
      tickets: this.tickets,
      nps: this.nps,
      subscriptions: this.subscriptions,
      keyContactEvents: (this.options.keyContactEvents ?? []).filter((k) => k.at <= this.options.asOf),
    };
  }
}

/**
 * Gathers a customer's relationship signals from a store, as of `asOf`: purchases
 * (kind `purchase`), interactions with their department and whether they were two-way
 * (inbound, or an outbound conversation: call, meeting, video call, chat, WhatsApp),
 * tickets and whether they were open at `asOf`, NPS answers, subscriptions, and the
 * key-contact events the host passes in. It streams each repository filtered by the
 * customer, so it works on any adapter and any history length.
 *
 * Throws `NOT_FOUND` for an unknown customer, `INVALID_INPUT` when `asOf` is before
 * the customer was created, and `CURRENCY_MISMATCH` for purchases in several
 * currencies without `options.currency`.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from "crmkit/repository";
 * import { buildRelationshipProfile } from "crmkit/app";
 * import { classifyRelationshipStage } from "crmkit/stages";
 * const store = createMemoryStore().forTenant("acme");
 * await store.customers.upsert({ id: "c-1", createdAt: "2024-01-01T00:00:00Z" });
 * const asOf = new Date("2024-06-01T00:00:00Z");
 * const profile = await buildRelationshipProfile("c-1", store, { asOf });
 * classifyRelationshipStage(profile, { asOf }).stage; // "exploratory"
 * ```
 */
export async function buildRelationshipProfile(customerId: string, store: CrmStore, options: RelationshipProfileOptions): Promise<RelationshipProfile> {
  const customer = await loadCustomer(customerId, store, options?.asOf, "buildRelationshipProfile");
  if (customer.createdAt > options.asOf) {
    throw invalidInput("buildRelationshipProfile: options.asOf", options.asOf, `an instant on or after the customer's createdAt (${customer.createdAt.toISOString()})`);
  }
  const acc = new ProfileAccumulator(customer.id, customer.createdAt, options);
  for await (const e of customerTimeline(customerId, store, { asOf: options.asOf, include: ["transactions", "interactions", "tickets", "surveyResponses", "subscriptions"] })) {
    acc.add(e);
  }
  return acc.profile("strict");
}
