// Lead conversion and the sales pipeline: funnel, deal-source report, referral vs the rest,
// win rate, cycle length, velocity and the weighted pipeline by expected close month.
import {
  averageSalesCycle,
  conversionBySource,
  funnel,
  leadConversion,
  salesVelocityFromDeals,
  weightedPipeline,
  winRate,
} from "crmkit/conversion";
import type { DemoSection } from "../context.js";

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? "-" : `${(100 * v).toFixed(1)}%`);
const money = (amount: number, currency: string): string => `${Math.round(amount).toLocaleString("en")} ${currency}`;
const pValue = (p: number): string => (p < 0.0001 ? "< 0.0001" : p.toFixed(4));

export const section: DemoSection = {
  title: "Lead conversion and the sales pipeline",
  async run(ctx) {
    const { store, asOf } = ctx;
    const pipelines = (await store.pipelines.list({ limit: 100 })).items;
    if (pipelines.length === 0) {
      ctx.log("No pipelines in the store: nothing to report.");
      return;
    }

    // Funnel of each pipeline, from the deals' stage histories.
    for (const pipeline of pipelines) {
      const report = await funnel(store.deals.stream({ filter: { pipelineId: pipeline.id } }), pipeline, { asOf, groupBy: ["source"] });
      ctx.heading(`Funnel of "${pipeline.name}" (${report.total.records} deals as of ${asOf.toISOString().slice(0, 10)})`);
      ctx.table(
        report.total.steps.map((s) => ({
          step: s.name,
          reached: s.reached,
          skipped: s.skipped,
          "still open": s.open,
          lost: s.lost,
          "to next": pct(s.conversionToNext),
          "from first": pct(s.conversionFromFirst),
        })),
      );
      ctx.log(`${report.total.movedBackward} deals moved backwards at least once; ${report.total.lostBeforeFirstStep} were lost before the first stage.`);
    }

    // The deal-source report.
    const deals = await conversionBySource(store.deals.stream(), { asOf });
    ctx.heading("Deal-source report (win rate over closed deals; each source vs all others)");
    ctx.table(
      deals.sources.map((s) => ({
        source: s.source ?? "(none)",
        deals: s.volume,
        "win rate": pct(s.rate?.rate),
        "95% CI": s.rate === null ? "-" : `${pct(s.rate.low)}–${pct(s.rate.high)}`,
        "won revenue": (s.wonRevenue ?? []).map((m) => money(m.amount, m.currency)).join(" + ") || "-",
        "avg deal": (s.averageDealSize ?? []).map((m) => money(m.amount, m.currency)).join(" + ") || "-",
        "median cycle (days)": s.cycle === null ? "-" : s.cycle.medianDays.toFixed(0),
        "p vs rest (Holm)": s.adjustedPValue === null ? "-" : pValue(s.adjustedPValue),
      })),
    );

    // "Referral leads convert about 30% better": test it on the leads.
    const leads = await conversionBySource(store.leads.stream(), { asOf, within: 90 });
    const referral = leads.sources.find((s) => s.source === "referral");
    ctx.heading("Referral leads vs all other leads (converted within 90 days, leads at least 90 days old)");
    if (referral?.vsRest == null) ctx.log("No referral leads old enough to judge.");
    else {
      const c = referral.vsRest;
      ctx.log(
        `referral ${pct(c.a.rate)} (${c.a.conversions}/${c.a.total}) vs others ${pct(c.b.rate)} (${c.b.conversions}/${c.b.total}): ` +
          `difference ${pct(c.difference)} [${pct(c.differenceInterval.low)}, ${pct(c.differenceInterval.high)}], ` +
          `relative lift ${c.relativeLift === null ? "-" : `${pct(c.relativeLift.estimate)} [${pct(c.relativeLift.low)}, ${pct(c.relativeLift.high)}]`}, ` +
          `${c.test === "z" ? "two-proportion z test" : "Fisher's exact test"} p = ${pValue(c.pValue)}`,
      );
    }
    const cohort = await leadConversion(store.leads.stream(), { asOf, within: 90 });
    ctx.log(
      `All leads: ${cohort.converted}/${cohort.leads} converted by ${asOf.toISOString().slice(0, 10)} (${pct(cohort.rate.rate)}), ${cohort.open} still open (censored); ` +
        `within 90 days: ${pct(cohort.within?.rate?.rate)} of the ${cohort.within?.eligible ?? 0} leads old enough (Kaplan–Meier ${pct(cohort.within?.kaplanMeier)}).`,
    );

    // Win rate, cycle length, velocity.
    ctx.heading("Win rate, sales cycle and velocity (last 365 days)");
    const lastYear = new Date(asOf.getTime() - 365 * 86_400_000);
    const win = await winRate(store.deals.stream(), { asOf, closedFrom: lastYear });
    const cycle = await averageSalesCycle(store.deals.stream(), { asOf, closedFrom: lastYear });
    ctx.log(
      `win rate ${pct(win.rate)} [${pct(win.low)}, ${pct(win.high)}] over ${win.closed} closed deals (${pct(win.rateOverAllDeals)} counting open deals as not won)`,
      `sales cycle of won deals: mean ${cycle.meanDays.toFixed(1)} days, median ${cycle.medianDays.toFixed(1)} (quartiles ${cycle.p25Days.toFixed(0)}–${cycle.p75Days.toFixed(0)})`,
    );
    try {
      const v = await salesVelocityFromDeals(store.deals.stream(), { asOf, lookbackDays: 365 });
      ctx.log(
        `sales velocity: ${v.opportunities} open × ${pct(v.winRate)} × ${money(v.averageDealSize.amount, v.currency)} / ${v.cycleLength.toFixed(1)} days = ${money(v.perDay, v.currency)} per day`,
      );
    } catch (e) {
      // Several currencies among won deals: velocity needs one (pass options.currency).
      ctx.log(`sales velocity: ${(e as Error).message}`);
    }

    // Weighted pipeline by expected close month.
    const weighted = await weightedPipeline(store.deals.stream({ filter: { status: "open" } }), pipelines, { by: "closeMonth", asOf });
    ctx.heading("Weighted pipeline by expected close month (amount × stage probability; slipped deals as overdue)");
    ctx.table(
      weighted.groups.map((g) => ({
        month: g.key ?? "(no date)",
        currency: g.currency,
        deals: g.deals,
        total: money(g.total, g.currency),
        weighted: money(g.weighted, g.currency),
      })),
    );
    ctx.log(...weighted.totals.map((t) => `total ${t.currency}: ${money(t.weighted, t.currency)} weighted of ${money(t.total, t.currency)} open`));
  },
};
