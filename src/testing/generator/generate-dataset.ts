import type { EntityCollection, EntityMap } from "../../model/entities.js";
import { createRandom } from "../random/random.js";
import { buildAccounts } from "./accounts.js";
import { buildCampaigns } from "./campaigns.js";
import type { GenContext } from "./context.js";
import { buildCustomers } from "./customers.js";
import { buildDeals } from "./deals.js";
import { buildInteractions } from "./interactions.js";
import { buildLeads } from "./leads.js";
import { resolveOptions, type GenerateDatasetOptions, type PurchaseProcess, type SpendModel, type SubscriptionChurn } from "./options.js";
import { buildPeople } from "./people.js";
import { buildPipelines } from "./pipelines.js";
import { buildTransactions } from "./purchases.js";
import { buildSubscriptions } from "./subscriptions.js";
import { buildSurveys } from "./surveys.js";
import { buildTickets } from "./tickets.js";

/** Largest `customers` of an object dataset (use the streaming generators beyond). */
const MAX_DATASET_CUSTOMERS = 1_000_000;

/**
 * The generated entities, one array per collection of a `CrmStore` (the same names),
 * each entity already in its parsed form (`Date`s, defaults filled in).
 *
 * @example
 * ```ts
 * import type { DatasetCollections } from "crmkit/testing";
 * const count = (d: DatasetCollections) => d.transactions.length;
 * ```
 */
export type DatasetCollections = { [K in EntityCollection]: EntityMap[K][] };

/**
 * The truth behind the data, one entry per customer index (customer `i` has id
 * `generatedCustomerId(i)`): what a model fitted on the data should recover. Time
 * values are epoch milliseconds; rates are per week.
 *
 * @example
 * ```ts
 * import { generateDataset } from "crmkit/testing";
 * const d = generateDataset({ seed: 1, customers: 100, asOf: new Date("2025-01-01T00:00:00Z") });
 * const alive = d.latent.churnedAt.filter(Number.isNaN).length; // customers still active at asOf (or who never bought)
 * ```
 */
export interface LatentCustomerTraits {
  /** The purchase process and its population parameters. */
  readonly purchases: PurchaseProcess;
  /** The spend model. */
  readonly spend: SpendModel;
  /** The subscription churn model. */
  readonly subscriptionChurn: SubscriptionChurn;
  /** λ: purchases per week while alive. */
  readonly purchaseRate: Float64Array;
  /** BG/NBD: p, the dropout probability after each repeat purchase; Pareto/NBD: μ, the dropout rate per week. */
  readonly dropout: Float64Array;
  /** ν of the Gamma-Gamma model: expected spend per purchase is `spend.p / spendRate[i]`. */
  readonly spendRate: Float64Array;
  /** First purchase (ms), NaN for contacts who have not bought by `asOf`. */
  readonly firstPurchaseAt: Float64Array;
  /** When the customer dropped out (ms), NaN if still alive at `asOf` or never bought. */
  readonly churnedAt: Float64Array;
}

/**
 * A generated CRM dataset (see {@link generateDataset}).
 *
 * @example
 * ```ts
 * import { generateDataset, type Dataset } from "crmkit/testing";
 * const d: Dataset = generateDataset({ seed: 1, customers: 50, asOf: new Date("2025-01-01T00:00:00Z") });
 * d.customers.length; // 50
 * ```
 */
export interface Dataset extends DatasetCollections {
  readonly seed: number | string;
  /** The dataset's "now": no event happens after it. */
  readonly asOf: Date;
  /** When acquisition started. */
  readonly start: Date;
  /** The currency of every amount. */
  readonly currency: string;
  /** The latent traits each customer's behaviour was drawn from. */
  readonly latent: LatentCustomerTraits;
}

/**
 * Generates a realistic, internally consistent CRM dataset, deterministically from
 * `seed` (same options, identical output — on any machine and time zone):
 *
 * - **customers** acquired over `[start, asOf)` at a growing rate from seven sources
 *   (referral, website, organic_search, paid_search, event, outbound, partner), with
 *   lifecycle-stage histories, places with coordinates in eight countries, birth
 *   dates, consent per channel; about one in ten **accounts** with firmographics;
 * - **transactions**: purchases from a buy-till-you-die process (BG/NBD by default,
 *   CDNOW's published parameters) with Gamma-Gamma spend, plus a few refunds — so a
 *   CLV model fitted on them should recover `latent.purchases` and `latent.spend`;
 * - **leads** by source, referral leads converting about 30% better than others;
 * - two **pipelines** and **deals** moving through them (skipped stages, backward
 *   moves, won and lost with `closedAt`);
 * - **tickets** with priorities and resolution times, **interactions** across sales,
 *   marketing, support, success and billing on many channels and both directions;
 * - **subscriptions** with upgrades, downgrades, shifted-beta-geometric churn and
 *   reactivations; NPS, CSAT and CES **survey responses** whose scores follow the
 *   customer's behaviour; **campaigns** and their members' sends, opens, clicks and
 *   conversions.
 *
 * Every entity passes its `parse<Entity>`; no event is after `asOf` (only the planned
 * dates `Deal.expectedCloseAt`, `Campaign.endsAt` and `Subscription.trialEndsAt` may
 * be). A few thousand customers take about a second; objects for a million
 * customers need several gigabytes — for the transaction log at that scale use
 * {@link generateTransactionBatches}, which yields exactly the same purchases.
 *
 * @example
 * ```ts
 * import { generateDataset } from "crmkit/testing";
 * const data = generateDataset({ seed: 42, customers: 2_000, asOf: new Date("2025-01-01T00:00:00Z") });
 * data.transactions.filter((t) => t.kind === "purchase").length; // several thousand
 * data.leads.filter((l) => l.source === "referral" && l.status === "converted").length;
 * ```
 */
export function generateDataset(options: GenerateDatasetOptions): Dataset {
  const o = resolveOptions("generateDataset", options, MAX_DATASET_CUSTOMERS);
  const ctx: GenContext = {
    o,
    root: createRandom(o.seed).fork("dataset"),
    people: [],
    logRate: { mean: 0, sd: 1 },
    accounts: [],
    pipelines: [],
    campaigns: [],
    campaignMembers: [],
    leads: [],
    deals: [],
    transactions: [],
    subscriptions: [],
    tickets: [],
    interactions: [],
    surveyResponses: [],
    customers: [],
  };
  buildAccounts(ctx);
  buildPeople(ctx);
  ctx.logRate = logRateMoments(ctx);
  buildTransactions(ctx);
  buildPipelines(ctx);
  buildCampaigns(ctx);
  buildLeads(ctx);
  buildDeals(ctx);
  buildSubscriptions(ctx);
  buildTickets(ctx);
  buildInteractions(ctx);
  buildSurveys(ctx);
  buildCustomers(ctx);
  const n = ctx.people.length;
  const column = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
  return {
    seed: o.seed,
    asOf: new Date(o.asOf),
    start: new Date(o.start),
    currency: o.currency,
    customers: ctx.customers,
    accounts: ctx.accounts,
    leads: ctx.leads,
    pipelines: ctx.pipelines,
    deals: ctx.deals,
    interactions: ctx.interactions,
    tickets: ctx.tickets,
    transactions: ctx.transactions,
    subscriptions: ctx.subscriptions,
    surveyResponses: ctx.surveyResponses,
    campaigns: ctx.campaigns,
    campaignMembers: ctx.campaignMembers,
    latent: {
      purchases: o.purchases,
      spend: o.spend,
      subscriptionChurn: o.subscriptionChurn,
      purchaseRate: column((i) => ctx.people[i]!.core.lambda),
      dropout: column((i) => ctx.people[i]!.core.dropout),
      spendRate: column((i) => ctx.people[i]!.core.nu),
      firstPurchaseAt: column((i) => ctx.people[i]!.core.firstPurchaseAt),
      churnedAt: column((i) => ctx.people[i]!.core.churnAt),
    },
  };
}

function logRateMoments(ctx: GenContext): { mean: number; sd: number } {
  let sum = 0;
  let sumSq = 0;
  for (const p of ctx.people) {
    const l = Math.log(Math.max(p.core.lambda, 1e-300));
    sum += l;
    sumSq += l * l;
  }
  const n = ctx.people.length;
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(sumSq / n - mean * mean, 0));
  return { mean, sd: sd > 0 ? sd : 1 };
}
