import type { Campaign } from "../../model/campaign.js";
import type { CampaignMember } from "../../model/campaign-member.js";
import { categoricalSampler } from "../random/sample-categorical.js";
import type { GenContext, Person } from "./context.js";
import { DAY_MS, HOUR_MS, MINUTE_MS, chance, clamp, countAtMost, expMean, floorToSecond, gammaMean, logNormal, monthYear, pick, roundMoney, uniform } from "./helpers.js";
import { CAMPAIGN_THEMES, MARKETERS } from "./reference-data.js";

const CHANNELS = ["email", "sms", "social", "paid_ads", "event"] as const;
const CHANNEL_WEIGHTS = [55, 10, 10, 13, 12];
const DURATION_DAYS: Record<(typeof CHANNELS)[number], number> = { email: 7, sms: 3, social: 30, paid_ads: 30, event: 2 };
const BUDGET_MEDIAN: Partial<Record<(typeof CHANNELS)[number], number>> = { social: 2_000, paid_ads: 5_000, event: 12_000 };

/** Which customers a segment targets at time `t`, and what share of them is sampled. */
const SEGMENT_RULES: Record<string, { share: number; eligible: (p: Person, t: number) => boolean }> = {
  "all-customers": { share: 0.3, eligible: (p, t) => p.core.firstPurchaseAt <= t },
  "new-customers": { share: 0.9, eligible: (p, t) => p.core.firstPurchaseAt <= t && t - p.core.firstPurchaseAt <= 60 * DAY_MS },
  vip: { share: 0.8, eligible: (p, t) => countAtMost(p.times, p.times.length, t) >= 3 },
  "at-risk": {
    share: 0.5,
    eligible: (p, t) => {
      const n = countAtMost(p.times, p.times.length, t);
      return n > 0 && t - p.times[n - 1]! > 120 * DAY_MS;
    },
  },
  leads: { share: 0.4, eligible: (p, t) => !(p.core.firstPurchaseAt <= t) },
};
const SEGMENT_NAMES = Object.keys(SEGMENT_RULES);
const SEGMENT_WEIGHTS = [40, 15, 15, 15, 15];

/**
 * Campaigns, one every two weeks or so across the period (e-mail most often, then
 * paid ads, events, SMS and social), and the members of the e-mail and SMS campaigns:
 * customers in the campaign's segment who consented to the channel, with delivery,
 * opens and clicks that depend on how engaged they are, and a conversion when they
 * bought within seven days of the send.
 * @internal
 */
export function buildCampaigns(ctx: GenContext): void {
  const { o } = ctx;
  const rng = ctx.root.fork("campaigns");
  const spanDays = (o.asOf - o.start) / DAY_MS;
  const count = Math.max(1, Math.floor(spanDays / 14));
  const channelOf = categoricalSampler(CHANNEL_WEIGHTS);
  const segmentOf = categoricalSampler(SEGMENT_WEIGHTS);
  const created = Float64Array.from(ctx.people, (p) => p.core.createdAt);
  for (let c = 0; c < count; c++) {
    const channel = CHANNELS[channelOf(rng)]!;
    const startsAt = floorToSecond(o.start + ((c + 0.5 + uniform(rng, -0.3, 0.3)) * (o.asOf - o.start)) / count);
    const createdAt = Math.max(o.start, floorToSecond(startsAt - (3 + gammaMean(rng, 2, 7)) * DAY_MS));
    const endsAt = floorToSecond(startsAt + DURATION_DAYS[channel] * DAY_MS);
    const segmentId = channel === "email" || channel === "sms" ? SEGMENT_NAMES[segmentOf(rng)]! : undefined;
    const budgetMedian = BUDGET_MEDIAN[channel];
    const campaign: Campaign = {
      id: `cmp-${String(c + 1).padStart(4, "0")}`,
      name: `${pick(rng, CAMPAIGN_THEMES[channel]!)} — ${monthYear(startsAt)}`,
      channel,
      status: endsAt <= o.asOf ? "completed" : "active",
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      ownerId: pick(rng, MARKETERS),
      createdAt: new Date(createdAt),
      tags: [channel],
      attributes: {},
    };
    if (segmentId !== undefined) campaign.segmentId = segmentId;
    if (budgetMedian !== undefined) campaign.budget = { amount: roundMoney(Math.round(logNormal(rng, budgetMedian, 0.5) / 50) * 50, 0), currency: o.currency };
    ctx.campaigns.push(campaign);
    if (segmentId !== undefined) addMembers(ctx, campaign, segmentId, channel === "email" ? "email" : "sms", startsAt, createdAt, created);
  }
}

function addMembers(ctx: GenContext, campaign: Campaign, segmentId: string, channel: "email" | "sms", startsAt: number, createdAt: number, created: Float64Array): void {
  const { o } = ctx;
  const rng = ctx.root.fork("members").fork(campaign.id);
  const rule = SEGMENT_RULES[segmentId]!;
  const existing = countAtMost(created, created.length, createdAt);
  const meanLogRate = ctx.logRate.mean;
  for (let i = 0; i < existing; i++) {
    const p = ctx.people[i]!;
    const consent = p.consent[channel];
    if (consent?.status !== "granted") continue;
    if (channel === "email" && p.emailOptOutAt <= startsAt) continue;
    if (!rule.eligible(p, startsAt) || !chance(rng, rule.share)) continue;
    const member: CampaignMember = {
      id: `cm-${campaign.id.slice(4)}-${p.id.slice(4)}`,
      campaignId: campaign.id,
      customerId: p.id,
      addedAt: new Date(floorToSecond(uniform(rng, Math.max(createdAt, p.core.createdAt), startsAt))),
    };
    ctx.campaignMembers.push(member);
    const sentAt = floorToSecond(startsAt + uniform(rng, 0, 2 * HOUR_MS));
    if (sentAt > o.asOf) continue;
    member.sentAt = new Date(sentAt);
    if (chance(rng, 0.02)) {
      if (sentAt + MINUTE_MS <= o.asOf) member.bouncedAt = new Date(sentAt + MINUTE_MS);
      continue;
    }
    const deliveredAt = sentAt + 30_000;
    if (deliveredAt > o.asOf) continue;
    member.deliveredAt = new Date(deliveredAt);
    const alive = !(p.core.churnAt <= sentAt);
    const engagement = clamp(1 + 0.25 * (Math.log(p.core.lambda) - meanLogRate), 0.4, 2);
    let openedAt = Number.NaN;
    if (channel === "email" && chance(rng, clamp(0.22 * (alive ? 1.3 : 0.6) * engagement, 0, 0.9))) {
      openedAt = floorToSecond(sentAt + expMean(rng, 5 * HOUR_MS));
      if (openedAt <= o.asOf) member.openedAt = new Date(openedAt);
      else openedAt = Number.NaN;
    }
    const clickChance = channel === "email" ? (Number.isNaN(openedAt) ? 0 : 0.22) : 0.06 * engagement;
    let clicked = false;
    if (chance(rng, clickChance)) {
      const clickedAt = floorToSecond((Number.isNaN(openedAt) ? deliveredAt : openedAt) + expMean(rng, 3 * MINUTE_MS));
      if (clickedAt <= o.asOf) {
        member.clickedAt = new Date(clickedAt);
        clicked = true;
      }
    }
    // Conversion: a purchase within seven days of the send, attributed to the campaign.
    const firstAfter = countAtMost(p.times, p.times.length, sentAt - 1);
    const purchase = p.times[firstAfter];
    if (purchase !== undefined && purchase <= sentAt + 7 * DAY_MS && chance(rng, clicked ? 0.85 : 0.25)) member.convertedAt = new Date(purchase);
    if (channel === "email" && chance(rng, 0.004)) {
      const unsubscribedAt = (Number.isNaN(openedAt) ? deliveredAt : openedAt) + MINUTE_MS;
      if (unsubscribedAt <= o.asOf) {
        member.unsubscribedAt = new Date(unsubscribedAt);
        p.emailOptOutAt = unsubscribedAt;
        p.consent.email = { status: "denied", updatedAt: new Date(unsubscribedAt), source: `unsubscribe link (${campaign.id})` };
      }
    }
  }
}
