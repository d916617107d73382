// Demo section: RFM segments of the store's customers, their revenue, the VIP tier,
// and a rule-based campaign audience built on top of them.
import {
  rfmScores,
  rfmSegments,
  segmentCustomers,
  summarizeSegments,
  valueTiers,
  VIP_TIERS,
  type SegmentSummaryRow,
} from "crmkit/segmentation";
import type { DemoSection } from "../context.js";

const money = (amount: number | undefined, currency: string | undefined): string =>
  amount === undefined ? "–" : `${amount.toLocaleString("en-US", { maximumFractionDigits: 0 })}${currency === undefined ? "" : ` ${currency}`}`;
const pct = (share: number | undefined): string => (share === undefined ? "–" : `${(100 * share).toFixed(1)} %`);
const days = (d: number | undefined): string => (d === undefined ? "–" : d.toFixed(0));

function rows(summary: readonly SegmentSummaryRow[], currency: string | undefined): Record<string, unknown>[] {
  return summary
    .filter((r) => r.customers > 0)
    .map((r) => ({
      segment: r.segment,
      customers: r.customers,
      "% customers": pct(r.customerShare),
      revenue: money(r.revenue, currency),
      "% revenue": pct(r.revenueShare),
      "avg order": money(r.averageOrderValue, currency),
      "median recency (days)": days(r.medianRecencyDays),
    }));
}

export const section: DemoSection = {
  title: "Segmentation",
  async run(ctx) {
    ctx.heading("Segmentation: RFM segments, the VIP tier and a campaign audience");
    // Purchases up to the dataset's "now"; anything later is left out and counted.
    const scores = await rfmScores(ctx.store.transactions.stream(), { asOf: ctx.asOf, afterAsOf: "skip" });
    const { frequency } = scores.binning;
    ctx.log(
      `${scores.size} customers with purchases up to ${ctx.asOf.toISOString().slice(0, 10)} ` +
        `(${scores.input.rows} transactions read, ${scores.input.ignored} refunds/other kinds left out).`,
      `Frequency cut points ${frequency.cutPoints.map((c) => c.toFixed(2)).join(", ")}` +
        (frequency.collapsed ? " — tied counts collapsed some bins (scores skip, as in the R package rfm)." : "."),
    );

    const segments = rfmSegments(scores);
    const summary = summarizeSegments(segments);
    ctx.log("", "RFM segments (the R package rfm's ten segments, first match wins):");
    ctx.table(rows([...summary.rows].sort((a, b) => b.revenue - a.revenue), summary.currency));

    const tiers = valueTiers(scores, { by: "revenue", tiers: VIP_TIERS });
    ctx.log("", "Value tiers by revenue (VIP = top 1 % of customers, Gold = next 4 %, Silver = next 15 %):");
    ctx.table(
      tiers.tiers.map((t) => ({
        tier: t.name,
        customers: t.customers,
        "% customers": pct(t.customerShare),
        revenue: money(t.value, summary.currency),
        "% revenue": pct(t.valueShare),
        "revenue from": money(t.minValue, summary.currency),
      })),
    );

    // A campaign audience as a JSON rule: VIP or Gold customers who slipped into an at-risk segment
    // and agreed to email, using the RFM segment and tier as caller-supplied metrics.
    const tierOf = new Map(scores.customerIds.map((id, i) => [id, tiers.tiers[tiers.tierIndex[i]!]!.name]));
    const membership = await segmentCustomers(
      [
        {
          id: "win-back-vips",
          name: "Win back VIPs (email)",
          where: {
            op: "all",
            conditions: [
              { field: "metrics.tier", op: "in", values: ["VIP", "Gold"] },
              { field: "metrics.rfmSegment", op: "in", values: ["At Risk", "Can't Lose Them", "About To Sleep", "Need Attention"] },
              { op: "not", condition: { field: "consent.email.status", op: "eq", value: "denied" } },
            ],
          },
        },
        { id: "new-this-quarter", name: "Joined in the last 90 days", where: { field: "createdAt", op: "withinLast", days: 90 } },
      ],
      ctx.store.customers.stream(),
      { asOf: ctx.asOf, metrics: { rfmSegment: segments.toMap(), tier: tierOf } },
    );
    ctx.log("", "Rule-based segments over all customers:");
    ctx.table(rows(summarizeSegments(membership, scores).rows, summary.currency));
  },
};
