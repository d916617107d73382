// Relationship stages of the customer base, one customer's 360 view, and the contact policy.
import { buildRelationshipProfiles, customer360 } from "crmkit/app";
import { canContact, RELATIONSHIP_STAGES, relationshipStateOf, stageDistribution, stageTransitionMatrix } from "crmkit/stages";
import type { DemoSection } from "../context.js";

const pct = (n: number, d: number) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);

export const section: DemoSection = {
  title: "Relationship stages and the customer 360 view (crmkit/stages, crmkit/app)",
  async run(ctx) {
    const asOf = ctx.asOf;
    const profiles = await buildRelationshipProfiles(ctx.store, { asOf });
    const d = await stageDistribution(profiles, { asOf });
    ctx.log(`Stage of each of the ${d.total.toLocaleString("en")} relationships as of ${asOf.toISOString().slice(0, 10)} (default criteria):`);
    ctx.table(
      RELATIONSHIP_STAGES.map((s) => ({
        stage: s,
        customers: d.byStage[s],
        share: pct(d.byStage[s], d.total),
        healthy: d.byStageAndHealth[s].healthy,
        "at risk": d.byStageAndHealth[s].atRisk,
        dissolving: d.byStageAndHealth[s].dissolving,
      })),
    );

    const yearAgo = new Date(Date.UTC(asOf.getUTCFullYear() - 1, asOf.getUTCMonth(), asOf.getUTCDate()));
    const m = await stageTransitionMatrix(profiles, { from: yearAgo, to: asOf });
    ctx.log("", `Moves over the last year: ${m.upgraded} up, ${m.downgraded} down, ${m.unchanged} unchanged (rows: stage a year ago; columns: stage now)`);
    ctx.table(
      (["notStarted", ...RELATIONSHIP_STAGES] as const).map((from) => ({
        "a year ago": from === "notStarted" ? "(new since)" : from,
        ...Object.fromEntries(RELATIONSHIP_STAGES.map((to) => [to, m.counts[from][to]])),
      })),
    );

    // The most advanced relationship, explained.
    let pick: string | undefined;
    let best = -1;
    for (const p of profiles) {
      const score = RELATIONSHIP_STAGES.indexOf(relationshipStateOf(p, { asOf }).stage) * 1e6 + p.interactions.length;
      if (score > best) [best, pick] = [score, p.customerId];
    }
    if (pick === undefined) return;
    const view = await customer360(pick, ctx.store, { asOf, timelineLimit: 6 });
    const c = view.customer;
    ctx.log(
      "",
      `360 view of ${[c.firstName, c.lastName].filter(Boolean).join(" ") || c.id} (${c.id}${view.account ? `, ${view.account.name}` : ""}): lifecycle ${view.lifecycleStage ?? "-"}, relationship ${view.relationship.stage} / ${view.relationship.health}`,
      `  revenue ${view.keyFigures.revenue.map((r) => `${r.amount.toFixed(2)} ${r.currency}`).join(", ") || "-"} over ${view.keyFigures.orders} orders; latest NPS ${view.keyFigures.latestNps ? `${view.keyFigures.latestNps.score} (${view.keyFigures.latestNps.category})` : "-"}; ${view.openTickets.length} open tickets, ${view.openDeals.length} open deals; ${view.timeline.total} events on the timeline`,
      "  why this stage:",
      ...view.relationship.reasons.map((r) => `    ✓ [${r.stage}] ${r.text}`),
      ...(view.relationship.next ? [`  missing for ${view.relationship.next.stage}:`, ...view.relationship.next.missing.map((r) => `    ✗ ${r.text}`)] : []),
      ...view.relationship.risks.map((r) => `  risk: ${r.text}`),
      "  last touch by department:",
    );
    ctx.table(Object.entries(view.lastTouch.byDepartment).map(([dept, t]) => ({ department: dept, when: t!.at.toISOString().slice(0, 10), what: t!.summary.slice(0, 60) })));
    ctx.log("  latest events:");
    ctx.table(view.timeline.recent.map((e) => ({ when: e.at.toISOString().slice(0, 16).replace("T", " "), department: e.department, event: e.summary.slice(0, 70) })));

    // Contact policy: at most 2 marketing emails a week, nothing at night in Berlin.
    const sent: { channel: "email"; at: Date }[] = [];
    for await (const i of ctx.store.interactions.stream({ filter: { customerId: pick, channel: "email", direction: "outbound" } })) sent.push({ channel: "email", at: i.occurredAt });
    const decision = canContact(c, "email", sent, { caps: [{ channel: "email", max: 2, windowHours: 168 }], quietHours: { start: "21:00", end: "08:00", timeZone: "Europe/Berlin" } }, { at: asOf });
    ctx.log(
      "",
      `May we email ${c.id} now? ${decision.allowed ? "yes" : `no — ${decision.reasons.map((r) => r.message).join("; ")}`}${decision.nextAllowedAt ? ` (next allowed ${decision.nextAllowedAt.toISOString()})` : ""}`,
    );
  },
};
