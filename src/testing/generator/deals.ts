import type { Deal, DealStageEntry } from "../../model/deal.js";
import type { Random } from "../random/random.js";
import type { GenContext, Person } from "./context.js";
import { DAY_MS, chance, clamp, floorToSecond, gammaMean, logNormal, pick, uniform } from "./helpers.js";
import { childId } from "./ids.js";
import { GENERATED_PIPELINES } from "./pipelines.js";
import { DEAL_PRODUCTS, LOST_REASONS, SALES_REPS, SOURCES } from "./reference-data.js";

interface PipelineBehaviour {
  readonly pipeline: (typeof GENERATED_PIPELINES)[number];
  /** Mean days spent in each open stage. */
  readonly dwellDays: readonly number[];
  /** Probability of being lost when leaving each open stage. */
  readonly lose: readonly number[];
  /** Median amount. */
  readonly medianAmount: number;
}

const NEW_BUSINESS: PipelineBehaviour = { pipeline: GENERATED_PIPELINES[0], dwellDays: [8, 12, 14, 16, 12], lose: [0.22, 0.18, 0.15, 0.12, 0.1], medianAmount: 6_000 };
const EXPANSION: PipelineBehaviour = { pipeline: GENERATED_PIPELINES[1], dwellDays: [10, 14, 8], lose: [0.15, 0.12, 0.08], medianAmount: 2_500 };

/** How likely deals of each source (SOURCES order) are to be lost, relative to the base rates. */
const LOSE_FACTOR = [0.65, 1, 1, 1.05, 0.95, 1.1, 0.85];

/** Probability of moving back one stage, and of skipping one, at each step. */
const BACKWARD = 0.06;
const SKIP = 0.08;
/** Probability, at each step, that a deal stalls and stays open. */
const STALL = 0.02;

/**
 * Deals: a new-business deal for most converted business leads (and some business
 * contacts without a lead), and expansion deals for some business customers after
 * their first purchase. Each deal walks its pipeline — time in stage ~ Gamma, lost
 * with a stage-specific probability (lower for referrals), sometimes skipping a stage
 * or moving back one, a few stalling for good — and its stage history records every move. A deal still moving
 * at `asOf` stays open, with an expected close date (which may lie after `asOf`).
 * @internal
 */
export function buildDeals(ctx: GenContext): void {
  const { o } = ctx;
  const root = ctx.root.fork("deals");
  for (const person of ctx.people) {
    const rng = root.fork(person.index);
    const b2b = person.accountIndex >= 0;
    if (person.conversionDealId !== undefined) {
      addDeal(ctx, rng, person, NEW_BUSINESS, person.conversionDealId, person.core.createdAt);
    } else if (b2b && chance(rng, 0.15)) {
      const createdAt = floorToSecond(person.core.createdAt + gammaMean(rng, 2, 10) * DAY_MS);
      if (createdAt <= o.asOf) addDeal(ctx, rng, person, NEW_BUSINESS, childId("deal", person.index, 0), createdAt);
    }
    if (b2b && person.core.firstPurchaseAt <= o.asOf && chance(rng, 0.2)) {
      const createdAt = floorToSecond(person.core.firstPurchaseAt + uniform(rng, 30, 400) * DAY_MS);
      if (createdAt <= o.asOf) addDeal(ctx, rng, person, EXPANSION, childId("deal", person.index, 1), createdAt);
    }
  }
}

function addDeal(ctx: GenContext, rng: Random, person: Person, behaviour: PipelineBehaviour, id: string, createdAt: number): void {
  const { o } = ctx;
  const stages = behaviour.pipeline.stages;
  const open = stages.filter((s) => s.kind === "open");
  const won = stages.find((s) => s.kind === "won")!;
  const lost = stages.find((s) => s.kind === "lost")!;
  const last = open.length - 1;
  const loseFactor = LOSE_FACTOR[person.core.source]!;
  // Some deals move briskly, others stall: a per-deal pace multiplies every stay.
  const pace = gammaMean(rng, 1.5, 1);
  let k = chance(rng, 0.12) ? 1 : 0;
  let t = createdAt;
  const history: DealStageEntry[] = [{ stageId: open[k]!.id, enteredAt: new Date(t) }];
  let status: Deal["status"] = "open";
  for (let step = 0; step < 40; step++) {
    // A few deals stall: nobody moves them on, and they sit open in their stage.
    if (chance(rng, STALL)) break;
    const next = floorToSecond(t + gammaMean(rng, 2, behaviour.dwellDays[k]! * pace) * DAY_MS);
    if (next > o.asOf) break;
    t = next;
    if (chance(rng, clamp(behaviour.lose[k]! * loseFactor, 0, 1))) {
      status = "lost";
      history.push({ stageId: lost.id, enteredAt: new Date(t) });
      break;
    }
    const move = rng.next();
    if (k > 0 && move < BACKWARD) k--;
    else if (k + 2 <= last && move < BACKWARD + SKIP) k += 2;
    else if (k === last) {
      status = "won";
      history.push({ stageId: won.id, enteredAt: new Date(t) });
      break;
    } else k++;
    history.push({ stageId: open[k]!.id, enteredAt: new Date(t) });
  }
  const account = person.accountIndex >= 0 ? ctx.accounts[person.accountIndex] : undefined;
  const sizeFactor = account?.employeeCount === undefined ? 0.4 : (account.employeeCount / 60) ** 0.3;
  const amount = Math.max(100, Math.round(logNormal(rng, behaviour.medianAmount * sizeFactor, 0.8) / 50) * 50);
  const deal: Deal = {
    id,
    name: `${account?.name ?? `${person.firstName} ${person.lastName}`} — ${pick(rng, DEAL_PRODUCTS)}`,
    pipelineId: behaviour.pipeline.id,
    stageId: history.at(-1)!.stageId,
    status,
    amount: { amount, currency: o.currency },
    customerId: person.id,
    source: SOURCES[person.core.source]!,
    ownerId: person.ownerId ?? pick(rng, SALES_REPS),
    createdAt: new Date(createdAt),
    updatedAt: new Date(t),
    expectedCloseAt: new Date(floorToSecond(Math.max(createdAt + 60 * DAY_MS, t + 14 * DAY_MS))),
    stageHistory: history,
    tags: [],
    attributes: {},
  };
  if (account !== undefined) deal.accountId = account.id;
  if (person.leadId !== undefined && id === person.conversionDealId) deal.leadId = person.leadId;
  if (status !== "open") {
    deal.closedAt = new Date(t);
    delete deal.expectedCloseAt;
    if (status === "lost") deal.lostReason = pick(rng, LOST_REASONS);
  }
  person.deals.push(deal);
  ctx.deals.push(deal);
}
