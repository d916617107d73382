import type { Interaction } from "../../model/interaction.js";
import type { Random } from "../random/random.js";
import { samplePoisson } from "../random/sample-poisson.js";
import type { GenContext, Person } from "./context.js";
import { DAY_MS, HOUR_MS, chance, expMean, floorToSecond, logNormal, pick, uniform } from "./helpers.js";
import { childId } from "./ids.js";
import { MARKETERS, SALES_REPS, SUCCESS_MANAGERS, SUPPORT_AGENTS } from "./reference-data.js";

type Draft = Omit<Interaction, "id" | "customerId" | "tags" | "attributes"> & { tags?: string[] };

const SALES_CHANNELS = ["call", "meeting", "video_call", "email"] as const;

/**
 * The touchpoints: the support conversation of every ticket (the customer's message,
 * the first response, and replies until resolution), the sales calls, meetings and
 * e-mails of every deal, web visits before purchases, campaign clicks, success
 * check-ins with subscribers of the larger plans, billing e-mails when a subscription
 * is cancelled, and sales notes. Every one has a department, a channel and a
 * direction; the 360-degree view and the relationship stages read them.
 * @internal
 */
export function buildInteractions(ctx: GenContext): void {
  const { o } = ctx;
  const root = ctx.root.fork("interactions");
  const clicks = new Map<string, { at: number; campaignId: string }[]>();
  for (const m of ctx.campaignMembers) {
    if (m.clickedAt === undefined) continue;
    let list = clicks.get(m.customerId);
    if (list === undefined) clicks.set(m.customerId, (list = []));
    list.push({ at: m.clickedAt.getTime(), campaignId: m.campaignId });
  }
  for (const person of ctx.people) {
    const rng = root.fork(person.index);
    const drafts: Draft[] = [];
    for (const ticket of person.tickets) drafts.push(...ticketConversation(rng, ticket, o.asOf, person));
    for (const deal of person.deals) drafts.push(...dealTouches(rng, deal, o.asOf));
    for (let k = 0; k < person.times.length; k++) {
      if (!chance(rng, 0.5)) continue;
      const at = floorToSecond(Math.max(person.core.createdAt, person.times[k]! - uniform(rng, 0, 2 * DAY_MS)));
      drafts.push({ channel: "web_visit", department: "marketing", direction: "inbound", occurredAt: new Date(at), durationSeconds: Math.round(logNormal(rng, 180, 0.8)), subject: "Visited the shop" });
    }
    if (person.times.length === 0) {
      const visits = samplePoisson(rng, 2);
      for (let k = 0; k < visits; k++) {
        const at = floorToSecond(uniform(rng, person.core.createdAt, Math.min(o.asOf, person.core.createdAt + 90 * DAY_MS)));
        drafts.push({ channel: "web_visit", department: "marketing", direction: "inbound", occurredAt: new Date(at), durationSeconds: Math.round(logNormal(rng, 120, 0.8)), subject: "Visited the pricing page" });
      }
    }
    for (const click of clicks.get(person.id) ?? []) {
      drafts.push({ channel: "web_visit", department: "marketing", direction: "inbound", occurredAt: new Date(click.at), campaignId: click.campaignId, subject: "Campaign landing page", ownerId: pick(rng, MARKETERS) });
    }
    for (const sub of person.subscriptions) {
      const end = sub.endedAt?.getTime() ?? o.asOf;
      if (sub.plan !== "starter") {
        for (let at = sub.startedAt.getTime() + 90 * DAY_MS; at <= end; at += uniform(rng, 80, 100) * DAY_MS) {
          if (!chance(rng, 0.7)) continue;
          drafts.push({ channel: chance(rng, 0.6) ? "video_call" : "meeting", department: "success", direction: "outbound", occurredAt: new Date(floorToSecond(at)), durationSeconds: 1800, subject: "Quarterly business review", ownerId: pick(rng, SUCCESS_MANAGERS) });
        }
      }
      if (sub.cancelRequestedAt !== undefined) {
        drafts.push({ channel: "email", department: "billing", direction: "inbound", occurredAt: sub.cancelRequestedAt, subject: `Please cancel our ${sub.plan} plan` });
      }
    }
    if (chance(rng, 0.05 * Math.max(1, (o.asOf - person.core.createdAt) / (365.25 * DAY_MS)))) {
      drafts.push({ channel: "social", department: "marketing", direction: "inbound", occurredAt: new Date(floorToSecond(uniform(rng, person.core.createdAt, o.asOf))), subject: "Mentioned us on social media" });
    }
    drafts.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const accountId = person.accountIndex >= 0 ? ctx.accounts[person.accountIndex]!.id : undefined;
    drafts.forEach((d, k) => {
      const { tags, ...rest } = d;
      const interaction: Interaction = { id: childId("int", person.index, k), customerId: person.id, ...rest, tags: tags ?? [], attributes: {} };
      if (accountId !== undefined) interaction.accountId = accountId;
      ctx.interactions.push(interaction);
    });
  }
}

function ticketConversation(rng: Random, ticket: Person["tickets"][number], asOf: number, person: Person): Draft[] {
  const out: Draft[] = [];
  const base = { channel: ticket.channel, department: ticket.department, ticketId: ticket.id } as const;
  const duration = (): number | undefined => (ticket.channel === "call" ? Math.round(logNormal(rng, 360, 0.6)) : undefined);
  const withDuration = (d: Draft): Draft => {
    const s = duration();
    if (s !== undefined) d.durationSeconds = s;
    return d;
  };
  out.push(withDuration({ ...base, direction: "inbound", occurredAt: ticket.openedAt, subject: ticket.subject }));
  if (ticket.firstResponseAt !== undefined) {
    const agent = ticket.assigneeId ?? pick(rng, SUPPORT_AGENTS);
    out.push(withDuration({ ...base, direction: "outbound", occurredAt: ticket.firstResponseAt, subject: `Re: ${ticket.subject}`, ownerId: agent }));
    const from = ticket.firstResponseAt.getTime();
    const to = ticket.resolvedAt?.getTime() ?? asOf;
    const days = (to - from) / DAY_MS;
    const pairs = Math.min(6, samplePoisson(rng, 0.5 + days / 2));
    for (let k = 0; k < pairs; k++) {
      const at = floorToSecond(uniform(rng, from, to));
      out.push(withDuration({ ...base, direction: "inbound", occurredAt: new Date(at), subject: `Re: ${ticket.subject}` }));
      const reply = floorToSecond(Math.min(to, at + expMean(rng, 2 * HOUR_MS)));
      out.push(withDuration({ ...base, direction: "outbound", occurredAt: new Date(reply), subject: `Re: ${ticket.subject}`, ownerId: agent }));
    }
  }
  person.ticketInteractions.set(ticket.id, out.length);
  return out;
}

function dealTouches(rng: Random, deal: Person["deals"][number], asOf: number): Draft[] {
  const out: Draft[] = [];
  const owner = deal.ownerId ?? pick(rng, SALES_REPS);
  if (chance(rng, 0.3)) out.push({ channel: "note", department: "sales", direction: "internal", occurredAt: deal.createdAt, dealId: deal.id, subject: "Discovery notes", ownerId: owner });
  for (const entry of deal.stageHistory) {
    const channel = pick(rng, SALES_CHANNELS);
    const at = floorToSecond(Math.min(asOf, entry.enteredAt.getTime() + uniform(rng, 0, 2) * HOUR_MS));
    const d: Draft = { channel, department: "sales", direction: "outbound", occurredAt: new Date(at), dealId: deal.id, subject: `${deal.name}: ${entry.stageId.replace(/_/g, " ")}`, ownerId: owner };
    if (channel !== "email") d.durationSeconds = channel === "call" ? Math.round(logNormal(rng, 600, 0.5)) : 1800;
    out.push(d);
  }
  const end = deal.closedAt?.getTime() ?? asOf;
  const extra = samplePoisson(rng, 1 + (end - deal.createdAt.getTime()) / (20 * DAY_MS));
  for (let k = 0; k < extra; k++) {
    const at = floorToSecond(uniform(rng, deal.createdAt.getTime(), end));
    const inbound = chance(rng, 0.35);
    out.push({ channel: "email", department: "sales", direction: inbound ? "inbound" : "outbound", occurredAt: new Date(at), dealId: deal.id, subject: `Re: ${deal.name}`, ownerId: owner });
  }
  if (chance(rng, 0.1)) out.push({ channel: "note", department: "sales", direction: "internal", occurredAt: new Date(Math.min(asOf, end)), dealId: deal.id, subject: "Deal review", ownerId: owner });
  return out;
}
