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

const pct = (share: number | undefined): string => (share === undefined ? "–" : `${(100 * share).toFixed(1)}%`);
const round = (x: number | undefined, digits = 0): number | undefined => (x === undefined ? undefined : Number(x.toFixed(digits)));

function rows(summary: readonly SegmentSummaryRow[], currency: string): Record<string, unknown>[] {
  return summary
    .filter((r) => r.customers > 0)
    .map((r) => ({
      segment: r.segment,
      customers: r.customers,
      "% customers": pct(r.customerShare),
      [`revenue ${currency}`]: round(r.revenue),
      "% revenue": pct(r.revenueShare),
      [`avg order ${currency}`]: round(r.averageOrderValue, 2),
      "median recency (days)": round(r.medianRecencyDays),
    }));
}

export const section: DemoSection = {
  title: "Segmentation: RFM segments, the VIP tier and a campaign audience",
  async run(ctx) {
    // Purchases up to the dataset's "now"; anything later is left out and counted.
    const scores = await rfmScores(ctx.store.transactions.stream(), { asOf: ctx.asOf, afterAsOf: "skip" });
    const { frequency } = scores.binning;
    ctx.log(
      `${scores.size.toLocaleString("en-US")} customers with purchases up to ${ctx.asOf.toISOString().slice(0, 10)} ` +
        `(${scores.input.rows.toLocaleString("en-US")} transactions read, ${scores.input.ignored.toLocaleString("en-US")} refunds/other kinds left out).`,
      `Frequency cut points ${frequency.cutPoints.map((c) => c.toFixed(2)).join(", ")}` +
        (frequency.collapsed ? " — tied counts collapsed some bins (scores skip, as in the R package rfm)." : "."),
    );

    const segments = rfmSegments(scores);
    const summary = summarizeSegments(segments);
    ctx.log("", "RFM segments (the R package rfm's ten segments, first match wins):");
    const currency = summary.currency ?? "";
    ctx.table(rows([...summary.rows].sort((a, b) => b.revenue - a.revenue), currency));

    const tiers = valueTiers(scores, { by: "revenue", tiers: VIP_TIERS });
    ctx.log("", "Value tiers by revenue (VIP = top 1 % of customers, Gold = next 4 %, Silver = next 15 %):");
    ctx.table(
      tiers.tiers.map((t) => ({
        tier: t.name,
        customers: t.customers,
        "% customers": pct(t.customerShare),
        [`revenue ${currency}`]: round(t.value),
        "% revenue": pct(t.valueShare),
        [`from ${currency}`]: round(t.minValue, 2),
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
    ctx.table(rows(summarizeSegments(membership, scores).rows, currency));
  },
};
