/**
 * The domain model: one zod schema per entity (the single source of truth), the
 * TypeScript type inferred from it, and a `parse<Entity>` that throws `CrmkitError`
 * with `INVALID_INPUT` naming each bad field.
 *
 * @module model
 */
export { parseWith } from "./parse.js";
export { IdSchema, type Id } from "./id.js";
export { TimestampSchema, CalendarDateSchema } from "./timestamp.js";
export { CurrencyCodeSchema, MoneySchema, NonNegativeMoneySchema, sumMoney, type Money } from "./money.js";
export {
  FORBIDDEN_KEYS,
  SafeKeySchema,
  safeRecord,
  AttributeValueSchema,
  CustomAttributesSchema,
  TagsSchema,
  SlugSchema,
  type CustomAttributes,
} from "./attributes.js";
export { GeoPointSchema, LocationSchema, type GeoPoint, type Location } from "./location.js";
export {
  INTERACTION_CHANNELS,
  InteractionChannelSchema,
  CONTACT_CHANNELS,
  ContactChannelSchema,
  DEPARTMENTS,
  DepartmentSchema,
  DirectionSchema,
  type InteractionChannel,
  type ContactChannel,
  type Department,
  type Direction,
} from "./channels.js";
export {
  EmailAddressSchema,
  PhoneNumberSchema,
  ConsentSchema,
  LifecycleStageEntrySchema,
  CustomerSchema,
  parseCustomer,
  type Consent,
  type LifecycleStageEntry,
  type Customer,
  type CustomerInput,
} from "./customer.js";
export { AccountSchema, parseAccount, type Account, type AccountInput } from "./account.js";
export { LEAD_STATUSES, LeadSchema, parseLead, type Lead, type LeadInput, type LeadStatus } from "./lead.js";
export { PipelineStageSchema, PipelineSchema, parsePipeline, type PipelineStage, type Pipeline, type PipelineInput } from "./pipeline.js";
export { DealStageEntrySchema, DealSchema, parseDeal, type DealStageEntry, type Deal, type DealInput } from "./deal.js";
export { InteractionSchema, parseInteraction, type Interaction, type InteractionInput } from "./interaction.js";
export { TICKET_STATUSES, TICKET_PRIORITIES, TicketSchema, parseTicket, type Ticket, type TicketInput } from "./ticket.js";
export {
  TRANSACTION_KINDS,
  TransactionSchema,
  parseTransaction,
  type Transaction,
  type TransactionInput,
  type TransactionKind,
} from "./transaction.js";
export { MrrChangeSchema, SubscriptionSchema, parseSubscription, type MrrChange, type Subscription, type SubscriptionInput } from "./subscription.js";
export {
  DEFAULT_SURVEY_SCALES,
  SurveyResponseSchema,
  parseSurveyResponse,
  type SurveyResponse,
  type SurveyResponseInput,
} from "./survey-response.js";
export { CAMPAIGN_CHANNELS, CampaignSchema, parseCampaign, type Campaign, type CampaignInput } from "./campaign.js";
export { CampaignMemberSchema, parseCampaignMember, type CampaignMember, type CampaignMemberInput } from "./campaign-member.js";
export { ENTITY_DEFINITIONS, ENTITY_COLLECTIONS, type EntityMap, type EntityInputMap, type EntityCollection } from "./entities.js";
export { type RowSource } from "./row-source.js";
export type { PurchaseInput, PurchaseRow } from "./purchase-row.js";
