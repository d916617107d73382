import type { Campaign } from "../../model/campaign.js";
import type { Lead } from "../../model/lead.js";
import type { Random } from "../random/random.js";
import { categoricalSampler } from "../random/sample-categorical.js";
import { samplePoisson } from "../random/sample-poisson.js";
import type { GenContext } from "./context.js";
import { acquisitionFraction, instantInPeriod } from "./customer-simulator.js";
import { DAY_MS, asciiSlug, chance, countAtMost, floorToSecond, gammaMean, pick } from "./helpers.js";
import { childId } from "./ids.js";
import { CITIES, COMPANY_WORDS_A, COMPANY_WORDS_B, JOB_TITLES, NAMES, SALES_REPS, SOURCES } from "./reference-data.js";

/** Lead-to-customer conversion rate of non-referral leads. @internal */
export const BASE_LEAD_CONVERSION = 0.2;

/** Share of each source's customers (SOURCES order) who came in through a lead. */
const LEAD_SHARE = [0.7, 0.45, 0.4, 0.55, 0.9, 0.92, 0.8];

const DISQUALIFICATION = ["No budget", "Not a decision maker", "Unresponsive", "Bad fit", "Duplicate", "Price too high"];

/** The campaign of `channel` running at `t` (started at most `slackDays` before), if any. */
function campaignAt(campaigns: readonly Campaign[], starts: Float64Array, channel: string, t: number, slackDays: number): Campaign | undefined {
  for (let k = countAtMost(starts, starts.length, t) - 1; k >= 0 && t - starts[k]! <= slackDays * DAY_MS; k--) {
    if (campaigns[k]!.channel === channel) return campaigns[k];
  }
  return undefined;
}

/**
 * Leads. A customer of each source came in through a lead with a source-specific
 * probability (most outbound and event contacts, fewer website visitors); that lead
 * is `converted` on the day the customer was created. For every converted lead,
 * Poisson((1 − c)/c) other leads of the same source never convert, where c is 20%, or
 * 20% × `referralLift` for referrals — so the observed conversion rate of each source
 * is close to c, and referral leads convert about 30% better. Unconverted leads are
 * disqualified, kept in nurturing, or still being worked (if recent).
 * @internal
 */
export function buildLeads(ctx: GenContext): void {
  const { o } = ctx;
  const root = ctx.root.fork("leads");
  const cityOf = categoricalSampler(CITIES.map((c) => c.weight));
  const starts = Float64Array.from(ctx.campaigns, (c) => c.startsAt!.getTime());
  const referral = SOURCES.indexOf("referral");
  for (const person of ctx.people) {
    const rng = root.fork(person.index);
    const source = person.core.source;
    if (!chance(rng, LEAD_SHARE[source]!)) continue;
    const account = person.accountIndex >= 0 ? ctx.accounts[person.accountIndex] : undefined;
    const convertedAt = person.core.createdAt;
    const createdAt = Math.max(o.start, floorToSecond(convertedAt - gammaMean(rng, 2, 20) * DAY_MS));
    const leadId = childId("lead", person.index, 0);
    person.leadId = leadId;
    if (chance(rng, account !== undefined ? 0.65 : 0.2)) person.conversionDealId = childId("deal", person.index, 0);
    const lead: Lead = {
      id: leadId,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      source: SOURCES[source]!,
      status: "converted",
      score: Math.round(45 + 50 * rng.next()),
      ownerId: person.ownerId ?? pick(rng, SALES_REPS),
      createdAt: new Date(createdAt),
      updatedAt: new Date(convertedAt),
      convertedAt: new Date(convertedAt),
      convertedCustomerId: person.id,
      tags: [],
      attributes: {},
    };
    if (account !== undefined) {
      lead.company = account.name;
      lead.convertedAccountId = account.id;
      lead.jobTitle = pick(rng, JOB_TITLES);
    }
    if (person.conversionDealId !== undefined) lead.convertedDealId = person.conversionDealId;
    linkCampaign(ctx, lead, starts, createdAt);
    ctx.leads.push(lead);

    const c = source === referral ? Math.min(0.9, BASE_LEAD_CONVERSION * o.referralLift) : BASE_LEAD_CONVERSION;
    const unconverted = samplePoisson(rng, (1 - c) / c);
    for (let k = 1; k <= unconverted; k++) {
      const createdAt = instantInPeriod(o.start, o.asOf, acquisitionFraction(rng.next(), o.growth));
      ctx.leads.push(unconvertedLead(ctx, rng, childId("lead", person.index, k), SOURCES[source]!, createdAt, cityOf, starts));
    }
  }
}

function unconvertedLead(ctx: GenContext, rng: Random, id: string, source: string, createdAt: number, cityOf: (rng: Random) => number, starts: Float64Array): Lead {
  const { o } = ctx;
  const city = CITIES[cityOf(rng)]!;
  const names = NAMES[city.country]!;
  const firstName = pick(rng, names.first);
  const lastName = pick(rng, names.last);
  const ageDays = (o.asOf - createdAt) / DAY_MS;
  const lead: Lead = {
    id,
    firstName,
    lastName,
    email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${id.slice(5).replace("-", "")}@example.com`,
    source,
    status: "new",
    score: Math.round(5 + 55 * rng.next()),
    ownerId: pick(rng, SALES_REPS),
    createdAt: new Date(createdAt),
    tags: [],
    attributes: {},
  };
  if (chance(rng, 0.5)) {
    lead.company = `${pick(rng, COMPANY_WORDS_A)} ${pick(rng, COMPANY_WORDS_B)}`;
    lead.jobTitle = pick(rng, JOB_TITLES);
  }
  const roll = rng.next();
  if (ageDays > 60) {
    if (roll < 0.65) {
      const at = Math.min(o.asOf, floorToSecond(createdAt + gammaMean(rng, 2, 25) * DAY_MS));
      lead.status = "disqualified";
      lead.disqualifiedAt = new Date(at);
      lead.disqualificationReason = pick(rng, DISQUALIFICATION);
      lead.updatedAt = new Date(at);
    } else {
      lead.status = "nurturing";
    }
  } else {
    lead.status = roll < 0.35 ? "new" : roll < 0.7 ? "contacted" : roll < 0.85 ? "nurturing" : "qualified";
  }
  linkCampaign(ctx, lead, starts, createdAt);
  return lead;
}

function linkCampaign(ctx: GenContext, lead: Lead, starts: Float64Array, createdAt: number): void {
  const channel = lead.source === "event" ? "event" : lead.source === "paid_search" ? "paid_ads" : undefined;
  if (channel === undefined) return;
  const campaign = campaignAt(ctx.campaigns, starts, channel, createdAt, 45);
  if (campaign !== undefined) lead.campaignId = campaign.id;
}
