// Retention and churn: the monthly cohort table of the transactions, subscription
// tenure and purchase lapse (Kaplan–Meier, log-rank), the sBG model on subscription
// cohorts with its projection, and the MRR bridge with revenue retention.
// (Subscription tenure is contractual: churn is observed. Purchases are not: a
// customer has lapsed after 180 days without buying.)
import type { Subscription } from "crmkit/model";
import {
  cohortRetention,
  durationsFromActivity,
  durationsFromDates,
  fitShiftedBetaGeometric,
  kaplanMeier,
  logRankTest,
  mrrMovements,
  repeatPurchaseRate,
  revenueRetention,
} from "crmkit/retention";
import { periodIndex } from "crmkit/time";
import type { DemoContext, DemoSection } from "../context.js";

const pct = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined ? "·" : `${(100 * x).toFixed(digits)}%`);
const money = (x: number): string => x.toLocaleString("en-US", { maximumFractionDigits: 0 });

async function cohortTable(ctx: DemoContext): Promise<void> {
  const table = await cohortRetention(ctx.store.transactions.stream(), { period: "month", asOf: ctx.asOf });
  const ages = Math.min(table.ages, 7);
  ctx.log(
    `Monthly cohorts of ${table.customers.toLocaleString("en-US")} customers (${table.rows.toLocaleString("en-US")} purchases and payments):`,
    "share of each acquisition cohort active again j months later; · = month not over yet (never 0).",
  );
  ctx.table(
    table.cohorts.slice(-12).map((c) => {
      const row: Record<string, unknown> = { cohort: c.key, customers: c.size };
      for (let j = 0; j < ages; j++) row[`m${j}`] = pct(c.retention[j]);
      return row;
    }),
  );
  const overall = table.overall.retention;
  ctx.log(`All cohorts pooled: month 1 ${pct(overall[1], 1)}, month 3 ${pct(overall[3], 1)}, month 6 ${pct(overall[6], 1)}.`, "");
}

async function subscriptionTenure(ctx: DemoContext, subs: readonly Subscription[]): Promise<void> {
  // Contractual churn is observed: tenure runs from the first paid day to the end, censored if still active.
  const paid = subs.filter((s) => (s.trialEndsAt ?? s.startedAt) <= ctx.asOf);
  const lifetimes = paid.map((s) => ({ start: s.trialEndsAt ?? s.startedAt, end: s.endedAt }));
  const data = durationsFromDates(lifetimes, { asOf: ctx.asOf, unit: "month" });
  const km = kaplanMeier(data.durations, data.observed);
  const months = (x: number | null) => (x === null ? "not reached" : `${x.toFixed(1)} months`);
  const ended = data.observed.reduce((s, o) => s + o, 0);
  ctx.log(
    `Subscription tenure (${paid.length.toLocaleString("en-US")} paid subscriptions, ${ended.toLocaleString("en-US")} ended, the rest censored at asOf):`,
    `  Kaplan–Meier median tenure ${months(km.median.time)}, 95% CI ${months(km.median.lower)} – ${months(km.median.upper)} (log-log, Brookmeyer–Crowley)`,
    `  still subscribed after 6 months ${pct(km.survivalAt(6), 1)}, 12 months ${pct(km.survivalAt(12), 1)}, 24 months ${pct(km.survivalAt(24), 1)}`,
  );
  ctx.table(km.atRiskTable([0, 6, 12, 24, 36]).map((r) => ({ month: r.time, "at risk": r.atRisk, ended: r.events, censored: r.censored })));
  const group = (interval: Subscription["billingInterval"]) => {
    const durations: number[] = [];
    const observed: number[] = [];
    paid.forEach((s, i) => {
      if (s.billingInterval === interval) {
        durations.push(data.durations[i]!);
        observed.push(data.observed[i]!);
      }
    });
    return { durations, observed };
  };
  const monthly = group("month");
  const annual = group("year");
  if (monthly.durations.length > 0 && annual.durations.length > 0) {
    const test = logRankTest(monthly, annual);
    const twelve = (g: { durations: number[]; observed: number[] }) => pct(kaplanMeier(g.durations, g.observed).survivalAt(12), 1);
    ctx.log(
      `  monthly billing: ${twelve(monthly)} still subscribed at 12 months (n = ${monthly.durations.length}); annual billing: ${twelve(annual)} (n = ${annual.durations.length});`,
      `  log-rank chi-square ${test.statistic.toFixed(2)}, ${test.pValue < 0.001 ? "p < 0.001" : `p = ${test.pValue.toFixed(3)}`}`,
      "",
    );
  }
}

async function purchaseLapse(ctx: DemoContext): Promise<void> {
  // Non-contractual: nobody cancels a purchase habit, so churn needs a rule.
  const data = await durationsFromActivity(ctx.store.transactions.stream({ filter: { kind: "purchase" } }), { asOf: ctx.asOf, inactivityDays: 180, unit: "month" });
  const km = kaplanMeier(data.durations, data.observed);
  const lapsed = data.observed.reduce((s, o) => s + o, 0);
  const repeat = await repeatPurchaseRate(ctx.store.transactions.stream({ filter: { kind: "purchase" } }), { asOf: ctx.asOf, withinDays: 90 });
  ctx.log(
    `Buyers and a 180-day inactivity rule: ${lapsed.toLocaleString("en-US")} of ${data.durations.length.toLocaleString("en-US")} have lapsed; not yet lapsed 12 months after the first purchase ${pct(km.survivalAt(12), 1)}, 24 months ${pct(km.survivalAt(24), 1)}.`,
    `  repeat purchase within 90 days of the first: ${pct(repeat.rate, 1)} (95% CI ${pct(repeat.low, 1)} – ${pct(repeat.high, 1)}, ${repeat.customers.toLocaleString("en-US")} customers whose 90 days have passed)`,
    "",
  );
}

/** Survivor counts of monthly-billed subscriptions by month of first paid day: alive at each renewal observed for the whole cohort. */
function subscriptionCohorts(subs: readonly Subscription[], asOf: Date): number[][] {
  const asOfMonth = periodIndex(asOf, "month");
  const cohorts = new Map<number, { tenure: number[] }>();
  for (const s of subs) {
    if (s.billingInterval !== "month" || s.attributes.reactivated_from !== undefined) continue;
    const paidFrom = s.trialEndsAt ?? s.startedAt;
    if (paidFrom > asOf) continue;
    const k = periodIndex(paidFrom, "month");
    const tenure = s.endedAt === undefined ? Number.POSITIVE_INFINITY : periodIndex(s.endedAt, "month") - k;
    const c = cohorts.get(k) ?? { tenure: [] };
    c.tenure.push(tenure);
    cohorts.set(k, c);
  }
  const out: number[][] = [];
  for (const [k, { tenure }] of [...cohorts.entries()].sort((a, b) => a[0] - b[0])) {
    const observed = asOfMonth - k - 1; // renewals every member of the cohort has had the chance to make
    if (observed < 1) continue;
    const survivors = [tenure.length];
    for (let t = 1; t <= observed; t++) survivors.push(tenure.filter((x) => x > t).length);
    out.push(survivors);
  }
  return out;
}

async function sbg(ctx: DemoContext, subs: readonly Subscription[]): Promise<void> {
  const cohorts = subscriptionCohorts(subs, ctx.asOf).filter((c) => c[0]! >= 5);
  if (cohorts.length === 0) {
    ctx.log("(no monthly subscription cohorts to fit the sBG model)", "");
    return;
  }
  const fit = fitShiftedBetaGeometric(cohorts);
  const se = fit.standardErrors;
  ctx.log(
    `Shifted-beta-geometric model on ${fit.cohorts} monthly subscription cohorts (${fit.customers.toLocaleString("en-US")} subscriptions):`,
    `  α = ${fit.alpha.toFixed(3)}${se ? ` (SE ${se.alpha.toFixed(3)})` : ""}, β = ${fit.beta.toFixed(2)}${se ? ` (SE ${se.beta.toFixed(2)})` : ""}, log-likelihood ${fit.logLikelihood.toFixed(1)}`,
    `  mean monthly churn probability α/(α+β) = ${pct(fit.alpha / (fit.alpha + fit.beta), 1)}; renewal rate rises with tenure: month 1 ${pct(fit.retentionRate(1), 1)}, month 12 ${pct(fit.retentionRate(12), 1)}, month 36 ${pct(fit.retentionRate(36), 1)}`,
  );
  // Projection against the naive "constant first-year retention" curve.
  const projection = fit.project(36);
  const r1 = fit.retentionRate(1);
  ctx.table(
    [6, 12, 24, 36].map((t) => ({ month: t, "sBG: still subscribed": pct(projection[t], 1), "constant retention": pct(r1 ** t, 1) })),
  );
  ctx.log(
    `  discounted expected lifetime at 1% a month: new subscriber ${fit.discountedExpectedLifetime(0.01).toFixed(1)} months, after 12 renewals ${fit
      .discountedExpectedResidualLifetime(12, 0.01)
      .toFixed(1)} months — long-tenured subscribers are worth more, the sorting effect.`,
    "",
  );

  // The MRR bridge of the last six months, and trailing-twelve-month revenue retention.
  const from = new Date(Date.UTC(ctx.asOf.getUTCFullYear(), ctx.asOf.getUTCMonth() - 6, 1));
  const movements = await mrrMovements(subs, { period: "month", from, asOf: ctx.asOf });
  for (const report of movements.currencies) {
    ctx.log(`MRR movements (${report.currency}; customer level, netted between month ends):`);
    ctx.table(
      report.periods.map((p) => ({
        month: p.complete ? p.key : `${p.key} (to date)`,
        opening: money(p.openingMrr),
        new: money(p.new),
        expansion: money(p.expansion),
        contraction: money(p.contraction),
        churned: money(p.churned),
        reactivation: money(p.reactivation),
        closing: money(p.closingMrr),
        GRR: pct(p.grossRevenueRetention, 1),
        NRR: pct(p.netRevenueRetention, 1),
      })),
    );
  }
  const yearAgo = new Date(Date.UTC(ctx.asOf.getUTCFullYear() - 1, ctx.asOf.getUTCMonth(), ctx.asOf.getUTCDate()));
  for (const r of await revenueRetention(subs, { from: yearAgo, to: ctx.asOf })) {
    ctx.log(
      `Trailing twelve months to ${ctx.asOf.toISOString().slice(0, 10)} (${r.currency}, customers paying a year ago): NRR ${pct(r.netRevenueRetention, 1)}, GRR ${pct(r.grossRevenueRetention, 1)}, logo retention ${pct(r.customerRetention, 1)} of ${r.startingCustomers}`,
    );
  }
}

export const section: DemoSection = {
  title: "Retention and churn — cohorts, survival curves, the sBG model, revenue retention (crmkit/retention)",
  async run(ctx) {
    if ((await ctx.store.transactions.count()) === 0) {
      ctx.log("no transactions in the store");
      return;
    }
    await cohortTable(ctx);
    const subs: Subscription[] = [];
    for await (const s of ctx.store.subscriptions.stream()) subs.push(s);
    if (subs.length > 0) await subscriptionTenure(ctx, subs);
    await purchaseLapse(ctx);
    if (subs.length > 0) await sbg(ctx, subs);
  },
};
