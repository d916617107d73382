// NPS, CSAT and CES with their uncertainty: overall, by acquisition source and by quarter.
import { isCrmkitError } from "crmkit/errors";
import type { SurveyResponse } from "crmkit/model";
import { compareNps, cesScore, csatScore, npsBy, npsScore, npsTrend, type NpsResult, type SurveyMetricResult } from "crmkit/nps";
import type { DemoContext, DemoSection } from "../context.js";

const signed = (x: number): string => `${x > 0 ? "+" : ""}${x.toFixed(1)}`;
const interval = (r: SurveyMetricResult, digits = 1): string => `[${r.ci.low.toFixed(digits)}, ${r.ci.high.toFixed(digits)}]`;
const npsInterval = (r: NpsResult): string => `[${signed(r.ci.low)}, ${signed(r.ci.high)}]`;
const flags = (r: SurveyMetricResult): string => r.warnings.map((w) => w.code.toLowerCase().replace("_", " ")).join(", ");

async function collect(ctx: DemoContext, kind: SurveyResponse["kind"]): Promise<SurveyResponse[]> {
  const out: SurveyResponse[] = [];
  for await (const r of ctx.store.surveyResponses.stream({ filter: { kind } })) out.push(r);
  return out;
}

export const section: DemoSection = {
  title: "NPS, CSAT and CES — scores with their confidence intervals (crmkit/nps)",
  async run(ctx) {
    const nps = await collect(ctx, "nps");
    if (nps.length === 0) {
      ctx.log("no NPS responses in the store");
      return;
    }
    const year = ctx.asOf.getUTCFullYear();
    const lastYear = { from: new Date(Date.UTC(year - 1, 0, 1)), to: ctx.asOf };

    // Overall: the last 12 months, each customer's latest answer.
    const overall = npsScore(nps, { ...lastYear, latestPerCustomer: true });
    ctx.log(
      `NPS over the last 12 months (each customer's latest answer): ${signed(overall.nps)}, 95% CI ${npsInterval(overall)} (adjusted Wald), n = ${overall.n}`,
      `  promoters ${(100 * overall.promoterShare).toFixed(1)}%, passives ${(100 * overall.passiveShare).toFixed(1)}%, detractors ${(100 * overall.detractorShare).toFixed(1)}%; standard error ${overall.standardError.toFixed(1)} points`,
      "",
    );

    // By acquisition source: join each response to its customer.
    const source = new Map<string, string>();
    for await (const c of ctx.store.customers.stream()) source.set(c.id, c.acquisitionSource ?? "unknown");
    const bySource = npsBy(nps, (r) => (r.customerId === undefined ? undefined : source.get(r.customerId)), { ...lastYear, latestPerCustomer: true });
    ctx.log("By acquisition source (each compared with all other respondents; p adjusted for the number of sources, Holm):");
    ctx.table(
      bySource.segments.map((s) => ({
        source: s.key,
        n: s.score.n,
        NPS: signed(s.score.nps),
        "95% CI": npsInterval(s.score),
        "vs rest": s.vsRest === null ? "" : signed(s.vsRest.difference),
        "p (Holm)": s.adjustedPValue === null ? "" : s.adjustedPValue < 0.001 ? "<0.001" : s.adjustedPValue.toFixed(3),
        verdict: s.significantAfterAdjustment ? (s.vsRest!.direction === "higher" ? "above the rest" : "below the rest") : "no clear difference",
        warnings: flags(s.score),
      })),
    );
    ctx.log("");

    // By quarter, over the last three years, with empty quarters shown as such.
    const quarters = npsTrend(nps, { period: "quarter", from: new Date(Date.UTC(year - 3, 0, 1)), to: ctx.asOf });
    ctx.log("By quarter (every response; change = this quarter vs the one before):");
    ctx.table(
      quarters.map((q) => ({
        quarter: q.label,
        n: q.n,
        NPS: q.score === null ? "—" : signed(q.score.nps),
        "95% CI": q.score === null ? "" : npsInterval(q.score),
        change: q.changeFromPrevious === null ? "" : `${signed(q.changeFromPrevious.difference)}${q.changeFromPrevious.significant ? " *" : ""}`,
        warnings: q.score === null ? "no responses" : flags(q.score),
      })),
    );
    const scored = quarters.filter((q) => q.score !== null);
    const [previous, latest] = scored.slice(-2);
    if (previous !== undefined && latest !== undefined) {
      ctx.log("", compareNps(latest.score!, previous.score!, { labels: [latest.label, previous.label] }).verdict);
    }
    ctx.log("");

    // CSAT and CES beside NPS, same result shape.
    const [csat, ces] = await Promise.all([collect(ctx, "csat"), collect(ctx, "ces")]);
    const rows: Record<string, unknown>[] = [];
    const row = (metric: string, score: () => SurveyMetricResult, digits: number) => {
      try {
        const r = score();
        rows.push({ metric, value: r.value.toFixed(digits), "95% CI": interval(r, digits), n: r.n, method: r.ci.method, warnings: flags(r) });
      } catch (error) {
        if (!isCrmkitError(error, "INSUFFICIENT_DATA")) throw error;
        rows.push({ metric, value: "—", "95% CI": "", n: 0, method: "", warnings: "too few responses" });
      }
    };
    row("CSAT (% satisfied, 4–5 of 5)", () => csatScore(csat, lastYear), 1);
    row("CES (mean effort, 1–7)", () => cesScore(ces, lastYear), 2);
    if (rows.length > 0) {
      ctx.log("Support surveys over the last 12 months:");
      ctx.table(rows);
    }
  },
};
