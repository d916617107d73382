import type { z } from "zod";
import { type Account, type AccountInput, AccountSchema } from "./account.js";
import { type Campaign, type CampaignInput, CampaignSchema } from "./campaign.js";
import { type CampaignMember, type CampaignMemberInput, CampaignMemberSchema } from "./campaign-member.js";
import { type Customer, type CustomerInput, CustomerSchema } from "./customer.js";
import { type Deal, type DealInput, DealSchema } from "./deal.js";
import { type Interaction, type InteractionInput, InteractionSchema } from "./interaction.js";
import { type Lead, type LeadInput, LeadSchema } from "./lead.js";
import { type Pipeline, type PipelineInput, PipelineSchema } from "./pipeline.js";
import { type Subscription, type SubscriptionInput, SubscriptionSchema } from "./subscription.js";
import { type SurveyResponse, type SurveyResponseInput, SurveyResponseSchema } from "./survey-response.js";
import { type Ticket, type TicketInput, TicketSchema } from "./ticket.js";
import { type Transaction, type TransactionInput, TransactionSchema } from "./transaction.js";

/**
 * Every entity type by its collection name (the name of its repository in a
 * `CrmStore`).
 *
 * @example
 * ```ts
 * import type { EntityMap } from "crmkit/model";
 * type T = EntityMap["transactions"]; // Transaction
 * ```
 */
export interface EntityMap {
  customers: Customer;
  accounts: Account;
  leads: Lead;
  pipelines: Pipeline;
  deals: Deal;
  interactions: Interaction;
  tickets: Ticket;
  transactions: Transaction;
  subscriptions: Subscription;
  surveyResponses: SurveyResponse;
  campaigns: Campaign;
  campaignMembers: CampaignMember;
}

/**
 * What each collection accepts when writing: the schema's input type (timestamps may
 * be ISO strings, defaulted fields may be omitted).
 *
 * @example
 * ```ts
 * import type { EntityInputMap } from "crmkit/model";
 * const tx: EntityInputMap["transactions"] = {
 *   id: "t-1", customerId: "c-1", occurredAt: "2024-01-01T00:00:00Z",
 *   amount: { amount: 10, currency: "USD" }, kind: "purchase",
 * };
 * ```
 */
export interface EntityInputMap {
  customers: CustomerInput;
  accounts: AccountInput;
  leads: LeadInput;
  pipelines: PipelineInput;
  deals: DealInput;
  interactions: InteractionInput;
  tickets: TicketInput;
  transactions: TransactionInput;
  subscriptions: SubscriptionInput;
  surveyResponses: SurveyResponseInput;
  campaigns: CampaignInput;
  campaignMembers: CampaignMemberInput;
}

/**
 * A collection name: `"customers"`, `"deals"`, ….
 *
 * @example
 * ```ts
 * import type { EntityCollection } from "crmkit/model";
 * const c: EntityCollection = "surveyResponses";
 * ```
 */
export type EntityCollection = keyof EntityMap;

/**
 * How each collection is described: its entity's display name and schema. Stores
 * and the conformance kit use it to validate generically.
 *
 * @example
 * ```ts
 * import { ENTITY_DEFINITIONS } from "crmkit/model";
 * ENTITY_DEFINITIONS.deals.name; // "Deal"
 * ENTITY_DEFINITIONS.deals.schema.safeParse({}).success; // false
 * ```
 */
export const ENTITY_DEFINITIONS: { readonly [K in EntityCollection]: { readonly name: string; readonly schema: z.ZodType<EntityMap[K], unknown> } } = {
  customers: { name: "Customer", schema: CustomerSchema },
  accounts: { name: "Account", schema: AccountSchema },
  leads: { name: "Lead", schema: LeadSchema },
  pipelines: { name: "Pipeline", schema: PipelineSchema },
  deals: { name: "Deal", schema: DealSchema },
  interactions: { name: "Interaction", schema: InteractionSchema },
  tickets: { name: "Ticket", schema: TicketSchema },
  transactions: { name: "Transaction", schema: TransactionSchema },
  subscriptions: { name: "Subscription", schema: SubscriptionSchema },
  surveyResponses: { name: "SurveyResponse", schema: SurveyResponseSchema },
  campaigns: { name: "Campaign", schema: CampaignSchema },
  campaignMembers: { name: "CampaignMember", schema: CampaignMemberSchema },
};

/**
 * The collection names, in a fixed order.
 *
 * @example
 * ```ts
 * import { ENTITY_COLLECTIONS } from "crmkit/model";
 * ENTITY_COLLECTIONS.length; // 12
 * ```
 */
export const ENTITY_COLLECTIONS = Object.keys(ENTITY_DEFINITIONS) as readonly EntityCollection[];
