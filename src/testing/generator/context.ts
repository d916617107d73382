import type { Account } from "../../model/account.js";
import type { Campaign } from "../../model/campaign.js";
import type { CampaignMember } from "../../model/campaign-member.js";
import type { Consent, Customer } from "../../model/customer.js";
import type { Deal } from "../../model/deal.js";
import type { Interaction } from "../../model/interaction.js";
import type { Lead } from "../../model/lead.js";
import type { Pipeline } from "../../model/pipeline.js";
import type { Subscription } from "../../model/subscription.js";
import type { SurveyResponse } from "../../model/survey-response.js";
import type { Ticket } from "../../model/ticket.js";
import type { Transaction } from "../../model/transaction.js";
import type { Random } from "../random/random.js";
import type { CustomerCore } from "./customer-simulator.js";
import type { ResolvedOptions } from "./options.js";
import type { City } from "./reference-data.js";

/** Everything the generator knows about one customer while it builds the dataset. @internal */
export interface Person {
  readonly index: number;
  readonly id: string;
  readonly core: CustomerCore;
  /** Purchase times (ms), oldest first. */
  readonly times: Float64Array;
  readonly amounts: Float64Array;
  /** Purchase channels (index into PURCHASE_CHANNELS). */
  readonly channels: Uint8Array;
  accountIndex: number;
  firstName: string;
  lastName: string;
  email: string;
  city: City;
  ownerId: string | undefined;
  /** Consent per contact channel, as it stands at `asOf`. */
  consent: Partial<Record<"email" | "sms" | "call" | "whatsapp" | "push" | "mail", Consent>>;
  /** When the customer unsubscribed from e-mail (ms), NaN if never. */
  emailOptOutAt: number;
  /** When the customer became an evangelist (ms), NaN if never. */
  evangelistAt: number;
  /** The lead this customer was converted from, if any. */
  leadId: string | undefined;
  /** The deal opened when the lead was converted, if any (built by the deal generator). */
  conversionDealId: string | undefined;
  tickets: Ticket[];
  deals: Deal[];
  subscriptions: Subscription[];
  /** Number of interactions recorded on each of the customer's tickets (by ticket id). */
  ticketInteractions: Map<string, number>;
}

/** The dataset under construction. @internal */
export interface GenContext {
  readonly o: ResolvedOptions;
  readonly root: Random;
  readonly people: Person[];
  /** Mean and standard deviation of ln(purchase rate) over all customers (for scoring engagement). */
  logRate: { readonly mean: number; readonly sd: number };
  accounts: Account[];
  pipelines: Pipeline[];
  campaigns: Campaign[];
  campaignMembers: CampaignMember[];
  leads: Lead[];
  deals: Deal[];
  transactions: Transaction[];
  subscriptions: Subscription[];
  tickets: Ticket[];
  interactions: Interaction[];
  surveyResponses: SurveyResponse[];
  customers: Customer[];
}
