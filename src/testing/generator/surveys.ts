import type { SurveyResponse } from "../../model/survey-response.js";
import type { Random } from "../random/random.js";
import type { GenContext, Person } from "./context.js";
import { DAY_MS, HOUR_MS, chance, clamp, countAtMost, expMean, floorToSecond, normal, pick } from "./helpers.js";
import { childId } from "./ids.js";
import { NPS_COMMENTS } from "./reference-data.js";
import { MEDIAN_RESOLUTION_HOURS } from "./tickets.js";
import { classifyNps } from "../../nps/classify.js";

const PRIORITY_INDEX: Record<string, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/**
 * Survey responses whose scores follow the customer's behaviour:
 * - NPS (relationship survey every 180 days after the first purchase; 30% of active and
 *   10% of lapsed customers answer): higher for customers who buy often, much lower for
 *   customers who have dropped out, lower after slow or escalated tickets and in the
 *   months before a subscription is cancelled.
 * - CSAT (1–5) after 35% of resolved tickets, lower when resolution took longer than
 *   usual for the priority or was escalated.
 * - CES (1–7, 7 = very easy) after 15% of resolved tickets, lower when the ticket
 *   needed many messages.
 * @internal
 */
export function buildSurveys(ctx: GenContext): void {
  const { o } = ctx;
  const root = ctx.root.fork("surveys");
  for (const person of ctx.people) {
    const first = person.core.firstPurchaseAt;
    if (!(first <= o.asOf)) continue;
    const rng = root.fork(person.index);
    let n = 0;
    const z = (Math.log(person.core.lambda) - ctx.logRate.mean) / ctx.logRate.sd;
    for (let wave = first + 30 * DAY_MS; wave <= o.asOf; wave += 180 * DAY_MS) {
      const alive = !(person.core.churnAt <= wave);
      if (!chance(rng, alive ? 0.3 : 0.1)) continue;
      const respondedAt = floorToSecond(wave + expMean(rng, 2 * DAY_MS));
      if (respondedAt > o.asOf) continue;
      const badTickets = person.tickets.filter((t) => isBad(t) && t.openedAt.getTime() <= respondedAt && respondedAt - t.openedAt.getTime() <= 180 * DAY_MS).length;
      const cancelling = person.subscriptions.some((s) => s.endedAt !== undefined && s.endedAt.getTime() >= respondedAt && s.endedAt.getTime() - respondedAt <= 120 * DAY_MS);
      const mean = 7.9 + 0.8 * clamp(z, -2.5, 2.5) + (alive ? 0.3 : -2.5) - 0.9 * badTickets - (cancelling ? 1.8 : 0);
      const score = Math.round(clamp(normal(rng, mean, 1.5), 0, 10));
      const r: SurveyResponse = { id: childId("srv", person.index, n++), customerId: person.id, kind: "nps", score, respondedAt: new Date(respondedAt), surveyId: "nps-relationship", channel: "email", attributes: {} };
      if (chance(rng, 0.35)) r.comment = pick(rng, NPS_COMMENTS[classifyNps(score)]);
      ctx.surveyResponses.push(r);
      // Promoters who keep buying become evangelists.
      if (score >= 9 && alive && Number.isNaN(person.evangelistAt) && countAtMost(person.times, person.times.length, respondedAt) >= 3) person.evangelistAt = respondedAt;
    }
    for (const ticket of person.tickets) {
      if (ticket.resolvedAt === undefined) continue;
      n = ticketSurveys(ctx, rng, person, ticket, n);
    }
  }
}

function isBad(t: Person["tickets"][number]): boolean {
  if (t.escalated) return true;
  const resolved = t.resolvedAt?.getTime();
  if (resolved === undefined) return false;
  return resolved - t.openedAt.getTime() > 2 * MEDIAN_RESOLUTION_HOURS[PRIORITY_INDEX[t.priority]!]! * HOUR_MS;
}

function ticketSurveys(ctx: GenContext, rng: Random, person: Person, ticket: Person["tickets"][number], n: number): number {
  const { o } = ctx;
  const resolved = ticket.resolvedAt!.getTime();
  const hours = Math.max(0.05, (resolved - ticket.openedAt.getTime()) / HOUR_MS);
  const slowness = Math.log(hours / MEDIAN_RESOLUTION_HOURS[PRIORITY_INDEX[ticket.priority]!]!);
  if (chance(rng, 0.35)) {
    const at = floorToSecond(resolved + expMean(rng, 12 * HOUR_MS));
    if (at <= o.asOf) {
      const score = Math.round(clamp(normal(rng, 4.3 - 0.45 * slowness - (ticket.escalated ? 0.6 : 0), 0.7), 1, 5));
      ctx.surveyResponses.push({ id: childId("srv", person.index, n++), customerId: person.id, kind: "csat", score, respondedAt: new Date(at), surveyId: "csat-support", ticketId: ticket.id, channel: ticket.channel, attributes: {} });
    }
  }
  if (chance(rng, 0.15)) {
    const at = floorToSecond(resolved + expMean(rng, 24 * HOUR_MS));
    if (at <= o.asOf) {
      const messages = person.ticketInteractions.get(ticket.id) ?? 1;
      const score = Math.round(clamp(normal(rng, 5.8 - 0.35 * (messages - 2) - 0.3 * slowness, 1), 1, 7));
      ctx.surveyResponses.push({ id: childId("srv", person.index, n++), customerId: person.id, kind: "ces", score, respondedAt: new Date(at), surveyId: "ces-support", ticketId: ticket.id, channel: ticket.channel, attributes: {} });
    }
  }
  return n;
}
