import type { Ticket } from "../../model/ticket.js";
import { TICKET_PRIORITIES } from "../../model/ticket.js";
import type { Random } from "../random/random.js";
import { categoricalSampler } from "../random/sample-categorical.js";
import { samplePoisson } from "../random/sample-poisson.js";
import type { GenContext, Person } from "./context.js";
import { DAY_MS, HOUR_MS, chance, expMean, floorToSecond, gammaMean, logNormal, pick, uniform } from "./helpers.js";
import { childId } from "./ids.js";
import { SUPPORT_AGENTS, TICKET_SUBJECTS } from "./reference-data.js";

/** Median hours to resolve a ticket of each priority (low, normal, high, urgent). @internal */
export const MEDIAN_RESOLUTION_HOURS = [72, 24, 10, 4];
/** Mean hours to the first response, by priority. */
const MEAN_FIRST_RESPONSE_HOURS = [10, 4, 1, 0.25];
const PRIORITY_WEIGHTS = [30, 48, 17, 5];
const TICKET_CHANNELS = ["email", "chat", "call", "social", "whatsapp"] as const;
const CHANNEL_WEIGHTS = [45, 30, 15, 5, 5];

/**
 * Support tickets of customers who bought: a Poisson number over the time they are
 * active (about 0.7 a year, more for some customers than others), plus, for half of
 * the customers who drop out, a badly handled ticket (high priority, slow) in the
 * weeks before they go — the link between service and churn that retention and NPS
 * analyses look for. Resolution times are log-normal by priority; a ticket not yet
 * resolved at `asOf` is new, open, pending or on hold.
 * @internal
 */
export function buildTickets(ctx: GenContext): void {
  const { o } = ctx;
  const root = ctx.root.fork("tickets");
  const priorityOf = categoricalSampler(PRIORITY_WEIGHTS);
  const channelOf = categoricalSampler(CHANNEL_WEIGHTS);
  for (const person of ctx.people) {
    const first = person.core.firstPurchaseAt;
    if (!(first <= o.asOf)) continue;
    const rng = root.fork(person.index);
    const activeUntil = Math.min(o.asOf, (Number.isNaN(person.core.churnAt) ? o.asOf : person.core.churnAt) + 60 * DAY_MS);
    const years = (activeUntil - first) / (365.25 * DAY_MS);
    const frailty = gammaMean(rng, 2, 1);
    const n = samplePoisson(rng, 0.7 * frailty * years);
    const opened: { at: number; bad: boolean }[] = [];
    for (let k = 0; k < n; k++) opened.push({ at: floorToSecond(uniform(rng, first, activeUntil)), bad: false });
    const churn = person.core.churnAt;
    if (churn <= o.asOf && chance(rng, 0.5)) {
      opened.push({ at: Math.max(first, floorToSecond(churn - uniform(rng, 5, 60) * DAY_MS)), bad: true });
    }
    opened.sort((a, b) => a.at - b.at);
    opened.forEach((t, k) => {
      const priority = t.bad ? (chance(rng, 0.5) ? 2 : 3) : priorityOf(rng);
      const ticket = makeTicket(ctx, rng, person, childId("tkt", person.index, k), t.at, priority, TICKET_CHANNELS[channelOf(rng)]!, t.bad);
      person.tickets.push(ticket);
      ctx.tickets.push(ticket);
    });
  }
}

function makeTicket(ctx: GenContext, rng: Random, person: Person, id: string, openedAt: number, priority: number, channel: Ticket["channel"], bad: boolean): Ticket {
  const { o } = ctx;
  const topic = pick(rng, TICKET_SUBJECTS);
  const firstResponseAt = floorToSecond(openedAt + expMean(rng, MEAN_FIRST_RESPONSE_HOURS[priority]! * HOUR_MS * (bad ? 4 : 1)));
  const resolutionHours = logNormal(rng, MEDIAN_RESOLUTION_HOURS[priority]! * (bad ? 4 : 1), 0.9);
  const resolvedAt = Math.max(firstResponseAt, floorToSecond(openedAt + resolutionHours * HOUR_MS));
  const escalated = bad || chance(rng, [0.02, 0.02, 0.12, 0.4][priority]!);
  const ticket: Ticket = {
    id,
    customerId: person.id,
    subject: topic.subject,
    status: "new",
    priority: TICKET_PRIORITIES[priority]!,
    channel,
    department: topic.category === "billing" ? "billing" : "support",
    escalated,
    openedAt: new Date(openedAt),
    updatedAt: new Date(openedAt),
    tags: [topic.category],
    attributes: { resolution_hours_target: MEDIAN_RESOLUTION_HOURS[priority]! },
  };
  if (person.accountIndex >= 0) ticket.accountId = ctx.accounts[person.accountIndex]!.id;
  if (firstResponseAt <= o.asOf) {
    ticket.firstResponseAt = new Date(firstResponseAt);
    ticket.assigneeId = pick(rng, SUPPORT_AGENTS);
    ticket.updatedAt = ticket.firstResponseAt;
    if (resolvedAt <= o.asOf) {
      ticket.resolvedAt = new Date(resolvedAt);
      ticket.updatedAt = ticket.resolvedAt;
      ticket.status = "resolved";
      const closedAt = resolvedAt + 3 * DAY_MS;
      if (closedAt <= o.asOf) {
        ticket.status = "closed";
        ticket.closedAt = new Date(closedAt);
        ticket.updatedAt = ticket.closedAt;
      }
    } else {
      const roll = rng.next();
      ticket.status = roll < 0.6 ? "open" : roll < 0.9 ? "pending" : "on_hold";
    }
  }
  return ticket;
}
