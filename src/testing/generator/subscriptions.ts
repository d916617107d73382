import type { MrrChange, Subscription } from "../../model/subscription.js";
import type { Random } from "../random/random.js";
import { logGammaVariate } from "../random/sample-gamma.js";
import { samplePoisson } from "../random/sample-poisson.js";
import type { GenContext, Person } from "./context.js";
import { DAY_MS, addMonthsUtc, chance, floorToSecond, gammaMean, roundMoney, uniform } from "./helpers.js";
import { childId } from "./ids.js";
import { PLANS } from "./reference-data.js";

/** Annual plans are billed at 85% of the monthly seat price. */
const ANNUAL_DISCOUNT = 0.85;

/**
 * Subscriptions. About half of the business customers and 8% of the others start a
 * plan (starter, growth or scale; seats by company size; monthly or annual billing;
 * a quarter with a 14-day trial at zero MRR) a few weeks after their first purchase.
 * At each renewal (monthly or annual) the subscription cancels with the customer's
 * probability θ ~ Beta(alpha, beta) — the shifted-beta-geometric model — otherwise it
 * may be upgraded (more seats, or a higher plan) or downgraded; every MRR change is
 * a history entry. A fifth of the customers who cancel come back later with a new
 * subscription (`attributes.reactivated_from`).
 * @internal
 */
export function buildSubscriptions(ctx: GenContext): void {
  const { o } = ctx;
  const root = ctx.root.fork("subscriptions");
  for (const person of ctx.people) {
    const rng = root.fork(person.index);
    const b2b = person.accountIndex >= 0;
    if (!(person.core.firstPurchaseAt <= o.asOf) || !chance(rng, b2b ? 0.5 : 0.08)) continue;
    const theta = 1 / (1 + Math.exp(logGammaVariate(rng, o.subscriptionChurn.beta) - logGammaVariate(rng, o.subscriptionChurn.alpha)));
    let startedAt = floorToSecond(person.core.firstPurchaseAt + gammaMean(rng, 1.2, 20) * DAY_MS);
    let previous: string | undefined;
    for (let n = 0; n < 3 && startedAt <= o.asOf; n++) {
      const sub = simulateSubscription(ctx, rng, person, childId("sub", person.index, n), startedAt, theta);
      if (previous !== undefined) sub.attributes = { reactivated_from: previous };
      person.subscriptions.push(sub);
      ctx.subscriptions.push(sub);
      if (sub.endedAt === undefined || !chance(rng, 0.2)) break;
      previous = sub.id;
      startedAt = floorToSecond(sub.endedAt.getTime() + gammaMean(rng, 1.5, 60) * DAY_MS);
    }
  }
}

function simulateSubscription(ctx: GenContext, rng: Random, person: Person, id: string, startedAt: number, theta: number): Subscription {
  const { o } = ctx;
  const account = person.accountIndex >= 0 ? ctx.accounts[person.accountIndex] : undefined;
  const employees = account?.employeeCount ?? 1;
  let plan = rng.next() < 0.55 ? 0 : rng.next() < 0.78 ? 1 : 2;
  let seats = account === undefined ? 1 : 1 + samplePoisson(rng, Math.min(40, employees / 25));
  const annual = chance(rng, 0.25);
  const months = annual ? 12 : 1;
  const mrrOf = (): number => roundMoney(seats * PLANS[plan]!.seatPrice * (annual ? ANNUAL_DISCOUNT : 1), o.minorUnits);
  const money = (amount: number) => ({ amount, currency: o.currency });
  const history: MrrChange[] = [];
  const trial = chance(rng, 0.25);
  const paidFrom = trial ? startedAt + 14 * DAY_MS : startedAt;
  if (trial) history.push({ effectiveAt: new Date(startedAt), mrr: money(0) });
  if (paidFrom <= o.asOf) history.push({ effectiveAt: new Date(paidFrom), mrr: money(mrrOf()) });
  let endedAt: number | undefined;
  let cancelRequestedAt: number | undefined;
  for (let period = 1; ; period++) {
    const renewal = addMonthsUtc(paidFrom, period * months);
    if (renewal > o.asOf) break;
    if (chance(rng, theta)) {
      endedAt = renewal;
      cancelRequestedAt = Math.max(startedAt, floorToSecond(renewal - uniform(rng, 1, 20) * DAY_MS));
      break;
    }
    // Plan changes take effect at a renewal: upgrades twice as often as downgrades.
    const change = rng.next();
    const before = mrrOf();
    if (change < 0.05 * months ** 0.5) {
      if (plan < 2 && chance(rng, 0.3)) plan++;
      else seats += 1 + samplePoisson(rng, 1);
    } else if (change < 0.075 * months ** 0.5) {
      if (seats > 1) seats = Math.max(1, seats - 1 - samplePoisson(rng, 0.5));
      else if (plan > 0) plan--;
    }
    if (mrrOf() !== before) history.push({ effectiveAt: new Date(renewal), mrr: money(mrrOf()) });
  }
  const trialing = trial && paidFrom > o.asOf;
  const sub: Subscription = {
    id,
    customerId: person.id,
    plan: PLANS[plan]!.plan,
    status: endedAt !== undefined ? "canceled" : trialing ? "trialing" : "active",
    billingInterval: annual ? "year" : "month",
    mrr: history.at(-1)!.mrr,
    quantity: seats,
    startedAt: new Date(startedAt),
    mrrHistory: history,
    attributes: {},
  };
  if (account !== undefined) sub.accountId = account.id;
  if (trial) sub.trialEndsAt = new Date(startedAt + 14 * DAY_MS);
  if (endedAt !== undefined) {
    sub.endedAt = new Date(endedAt);
    sub.cancelRequestedAt = new Date(cancelRequestedAt!);
  } else if (sub.status === "active") {
    const roll = rng.next();
    if (roll < 0.03) sub.status = "past_due";
    else if (roll < 0.04) sub.status = "paused";
  }
  return sub;
}
