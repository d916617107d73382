import type {
  Campaign,
  Deal,
  Interaction,
  LeadStatus,
  Subscription,
  SurveyResponse,
  Ticket,
  TransactionKind,
} from "../model/index.js";

/**
 * A half-open time interval `[from, to)`: `from` inclusive, `to` exclusive; either
 * end may be omitted. Consecutive ranges therefore never count a row twice.
 *
 * @example
 * ```ts
 * import type { TimeRange } from "crmkit/repository";
 * const may2024: TimeRange = { from: new Date("2024-05-01T00:00:00Z"), to: new Date("2024-06-01T00:00:00Z") };
 * ```
 */
export interface TimeRange {
  readonly from?: Date;
  readonly to?: Date;
}

/**
 * Filter of `customers.list`. All given conditions must hold (AND); equality is exact.
 *
 * @example
 * ```ts
 * import type { CustomerFilter } from "crmkit/repository";
 * const f: CustomerFilter = { acquisitionSource: "referral", createdAt: { from: new Date("2024-01-01") } };
 * ```
 */
export interface CustomerFilter {
  readonly accountId?: string;
  readonly ownerId?: string;
  readonly lifecycleStage?: string;
  readonly acquisitionSource?: string;
  readonly country?: string;
  readonly createdAt?: TimeRange;
}
/**
 * Filter of `accounts.list`.
 *
 * @example
 * ```ts
 * import type { AccountFilter } from "crmkit/repository";
 * const f: AccountFilter = { industry: "software", country: "DE" };
 * ```
 */
export interface AccountFilter {
  readonly industry?: string;
  readonly country?: string;
  readonly ownerId?: string;
  readonly parentAccountId?: string;
  readonly createdAt?: TimeRange;
}
/**
 * Filter of `leads.list`.
 *
 * @example
 * ```ts
 * import type { LeadFilter } from "crmkit/repository";
 * const f: LeadFilter = { source: "referral", status: "converted" };
 * ```
 */
export interface LeadFilter {
  readonly status?: LeadStatus;
  readonly source?: string;
  readonly ownerId?: string;
  readonly campaignId?: string;
  readonly createdAt?: TimeRange;
}
/**
 * Filter of `pipelines.list`.
 *
 * @example
 * ```ts
 * import type { PipelineFilter } from "crmkit/repository";
 * const f: PipelineFilter = { createdAt: { to: new Date() } };
 * ```
 */
export interface PipelineFilter {
  readonly createdAt?: TimeRange;
}
/**
 * Filter of `deals.list` — e.g. the deals of a pipeline, of a customer, closed in a quarter.
 * A range on `closedAt` never matches an open deal (which has no `closedAt`).
 *
 * @example
 * ```ts
 * import type { DealFilter } from "crmkit/repository";
 * const f: DealFilter = { pipelineId: "sales", status: "won", closedAt: { from: new Date("2024-01-01"), to: new Date("2024-04-01") } };
 * ```
 */
export interface DealFilter {
  readonly pipelineId?: string;
  readonly stageId?: string;
  readonly status?: Deal["status"];
  readonly customerId?: string;
  readonly accountId?: string;
  readonly ownerId?: string;
  readonly source?: string;
  readonly createdAt?: TimeRange;
  readonly closedAt?: TimeRange;
}
/**
 * Filter of `interactions.list` — e.g. the interactions of a customer.
 *
 * @example
 * ```ts
 * import type { InteractionFilter } from "crmkit/repository";
 * const f: InteractionFilter = { customerId: "c-1", department: "support" };
 * ```
 */
export interface InteractionFilter {
  readonly customerId?: string;
  readonly accountId?: string;
  readonly channel?: Interaction["channel"];
  readonly department?: Interaction["department"];
  readonly direction?: Interaction["direction"];
  readonly dealId?: string;
  readonly ticketId?: string;
  readonly campaignId?: string;
  readonly occurredAt?: TimeRange;
}
/**
 * Filter of `tickets.list`.
 *
 * @example
 * ```ts
 * import type { TicketFilter } from "crmkit/repository";
 * const f: TicketFilter = { customerId: "c-1", status: "open" };
 * ```
 */
export interface TicketFilter {
  readonly customerId?: string;
  readonly accountId?: string;
  readonly status?: Ticket["status"];
  readonly priority?: Ticket["priority"];
  readonly openedAt?: TimeRange;
}
/**
 * Filter of `transactions.list` — the transactions of a customer or in a time range.
 *
 * @example
 * ```ts
 * import type { TransactionFilter } from "crmkit/repository";
 * const f: TransactionFilter = { kind: "purchase", occurredAt: { from: new Date("2024-01-01"), to: new Date("2025-01-01") } };
 * ```
 */
export interface TransactionFilter {
  readonly customerId?: string;
  readonly kind?: TransactionKind;
  readonly subscriptionId?: string;
  readonly occurredAt?: TimeRange;
}
/**
 * Filter of `subscriptions.list`.
 *
 * @example
 * ```ts
 * import type { SubscriptionFilter } from "crmkit/repository";
 * const f: SubscriptionFilter = { status: "active" };
 * ```
 */
export interface SubscriptionFilter {
  readonly customerId?: string;
  readonly accountId?: string;
  readonly status?: Subscription["status"];
  readonly plan?: string;
  readonly startedAt?: TimeRange;
}
/**
 * Filter of `surveyResponses.list` — survey responses in a time range.
 *
 * @example
 * ```ts
 * import type { SurveyResponseFilter } from "crmkit/repository";
 * const f: SurveyResponseFilter = { kind: "nps", respondedAt: { from: new Date("2024-01-01") } };
 * ```
 */
export interface SurveyResponseFilter {
  readonly customerId?: string;
  readonly kind?: SurveyResponse["kind"];
  readonly surveyId?: string;
  readonly campaignId?: string;
  /** The ticket a CSAT/CES answer rates. */
  readonly ticketId?: string;
  readonly respondedAt?: TimeRange;
}
/**
 * Filter of `campaigns.list`.
 *
 * @example
 * ```ts
 * import type { CampaignFilter } from "crmkit/repository";
 * const f: CampaignFilter = { status: "active", channel: "email" };
 * ```
 */
export interface CampaignFilter {
  readonly status?: Campaign["status"];
  readonly channel?: Campaign["channel"];
  readonly segmentId?: string;
  readonly createdAt?: TimeRange;
}
/**
 * Filter of `campaignMembers.list`.
 *
 * @example
 * ```ts
 * import type { CampaignMemberFilter } from "crmkit/repository";
 * const f: CampaignMemberFilter = { campaignId: "cmp-1" };
 * ```
 */
export interface CampaignMemberFilter {
  readonly campaignId?: string;
  readonly customerId?: string;
  readonly addedAt?: TimeRange;
}

/**
 * The filter type of each collection.
 *
 * @example
 * ```ts
 * import type { FilterMap } from "crmkit/repository";
 * const f: FilterMap["deals"] = { status: "open" };
 * ```
 */
export interface FilterMap {
  customers: CustomerFilter;
  accounts: AccountFilter;
  leads: LeadFilter;
  pipelines: PipelineFilter;
  deals: DealFilter;
  interactions: InteractionFilter;
  tickets: TicketFilter;
  transactions: TransactionFilter;
  subscriptions: SubscriptionFilter;
  surveyResponses: SurveyResponseFilter;
  campaigns: CampaignFilter;
  campaignMembers: CampaignMemberFilter;
}

/**
 * The fields a collection can be ordered by: always `id`, plus its required
 * timestamp (`createdAt`, `occurredAt`, `respondedAt`…). Ties are broken by `id`,
 * ascending, so the order is total and stable.
 *
 * @example
 * ```ts
 * import type { OrderFieldMap } from "crmkit/repository";
 * const o: OrderFieldMap["transactions"] = "occurredAt";
 * ```
 */
export interface OrderFieldMap {
  customers: "id" | "createdAt";
  accounts: "id" | "createdAt";
  leads: "id" | "createdAt";
  pipelines: "id" | "createdAt";
  deals: "id" | "createdAt";
  interactions: "id" | "occurredAt";
  tickets: "id" | "openedAt";
  transactions: "id" | "occurredAt";
  subscriptions: "id" | "startedAt";
  surveyResponses: "id" | "respondedAt";
  campaigns: "id" | "createdAt";
  campaignMembers: "id" | "addedAt";
}

/**
 * A query of `list`: a filter, an order (ascending, ties broken by id), a page size
 * (1–1000, default 100) and the cursor returned by the previous page.
 *
 * @example
 * ```ts
 * import type { ListQuery, TransactionFilter } from "crmkit/repository";
 * const q: ListQuery<TransactionFilter, "id" | "occurredAt"> = { filter: { customerId: "c-1" }, orderBy: "occurredAt", limit: 500 };
 * ```
 */
export interface ListQuery<F, O extends string> {
  readonly filter?: F;
  readonly orderBy?: O;
  readonly limit?: number;
  readonly cursor?: string | null;
}

/**
 * A query of `stream`: like {@link ListQuery} without the cursor; `batchSize` is a
 * hint for how many rows to fetch per round trip.
 *
 * @example
 * ```ts
 * import type { StreamQuery, TransactionFilter } from "crmkit/repository";
 * const q: StreamQuery<TransactionFilter, "id" | "occurredAt"> = { filter: { kind: "purchase" }, batchSize: 1000 };
 * ```
 */
export interface StreamQuery<F, O extends string> {
  readonly filter?: F;
  readonly orderBy?: O;
  readonly batchSize?: number;
}

/**
 * One page of results. `nextCursor` is `null` on the last page; otherwise pass it as
 * `cursor` to get the next page. Cursors are opaque.
 *
 * @example
 * ```ts
 * import type { Page } from "crmkit/repository";
 * const empty: Page<{ id: string }> = { items: [], nextCursor: null };
 * ```
 */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * Default page size of `list`.
 *
 * @example
 * ```ts
 * import { DEFAULT_PAGE_SIZE } from "crmkit/repository";
 * DEFAULT_PAGE_SIZE; // 100
 * ```
 */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * Largest page size `list` accepts.
 *
 * @example
 * ```ts
 * import { MAX_PAGE_SIZE } from "crmkit/repository";
 * MAX_PAGE_SIZE; // 1000
 * ```
 */
export const MAX_PAGE_SIZE = 1000;
