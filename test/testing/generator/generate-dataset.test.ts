import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../../src/errors/index.js";
import { logBeta } from "../../../src/math/index.js";
import { ENTITY_COLLECTIONS, ENTITY_DEFINITIONS, parseWith, type EntityCollection } from "../../../src/model/index.js";
import { GENERATED_PIPELINES, generateDataset, generatedCustomerId, type Dataset } from "../../../src/testing/index.js";

const asOf = new Date("2025-01-01T00:00:00Z");

/** Planned dates: the only timestamps allowed after asOf. */
const PLANNED = new Set(["Deal.expectedCloseAt", "Campaign.endsAt", "Subscription.trialEndsAt"]);

/** Every Date inside a value, with its path. */
function datesIn(value: unknown, path: string, out: { path: string; at: Date }[]): void {
  if (value instanceof Date) out.push({ path, at: value });
  else if (Array.isArray(value)) value.forEach((v, i) => datesIn(v, `${path}[${i}]`, out));
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) datesIn(v, path === "" ? k : `${path}.${k}`, out);
}

/** Problems of a dataset: entities that fail their schema (or change when parsed) and events after asOf. */
function problems(d: Dataset): string[] {
  const out: string[] = [];
  for (const c of ENTITY_COLLECTIONS) {
    const def = ENTITY_DEFINITIONS[c];
    for (const e of d[c] as unknown[]) {
      try {
        const parsed = parseWith(def.schema, def.name, e);
        // Entities are generated in their parsed form: parsing changes nothing.
        if (!isDeepStrictEqual(parsed, e)) out.push(`${c} ${(e as { id: string }).id}: parsing changed the entity`);
      } catch (err) {
        out.push(`${c}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const dates: { path: string; at: Date }[] = [];
      datesIn(e, "", dates);
      for (const { path, at } of dates) {
        if (Number.isNaN(at.getTime())) out.push(`${c} ${(e as { id: string }).id}: invalid date at ${path}`);
        if (at > d.asOf && !PLANNED.has(`${def.name}.${path}`)) out.push(`${c} ${(e as { id: string }).id}: ${path} ${at.toISOString()} is after asOf`);
      }
    }
  }
  return out;
}

describe("generateDataset", () => {
  const data = generateDataset({ seed: 42, customers: 2_500, asOf });
  const byId = <K extends EntityCollection>(c: K) => new Map((data[c] as { id: string }[]).map((e) => [e.id, e]));

  it("is deterministic: the same seed gives identical output, another seed different output", () => {
    const a = generateDataset({ seed: "same", customers: 150, asOf });
    const b = generateDataset({ seed: "same", customers: 150, asOf });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generateDataset({ seed: "other", customers: 150, asOf });
    expect(c.transactions).not.toEqual(a.transactions);
  });

  it("does not depend on the machine's time zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Chatham"; // UTC+12:45/+13:45, with daylight saving
      const chatham = generateDataset({ seed: "tz", customers: 120, asOf });
      process.env.TZ = "America/St_Johns"; // UTC−3:30/−2:30
      const newfoundland = generateDataset({ seed: "tz", customers: 120, asOf });
      expect(new Date(2024, 0, 1).getTimezoneOffset()).not.toBe(0); // the zone really changed
      expect(newfoundland).toEqual(chatham);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("every entity of a sizable dataset passes its parse<Entity>, and no event is after asOf", () => {
    expect(problems(data)).toEqual([]);
    for (const c of ENTITY_COLLECTIONS) expect(data[c].length, c).toBeGreaterThan(0);
  });

  it("every entity passes its schema for any seed, size and currency (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.integer({ min: 1, max: 60 }), fc.constantFrom("USD", "EUR", "JPY", "GBP"), (seed, customers, currency) => {
        const d = generateDataset({ seed, customers, asOf, currency, start: new Date("2023-06-01T00:00:00Z") });
        expect(problems(d)).toEqual([]);
        expect(d.customers).toHaveLength(customers);
      }),
      { numRuns: 25 },
    );
  });

  it("stays valid for very short and long periods and any acquisition growth (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: 1, max: 40 }), (days, growth, customers) => {
        const d = generateDataset({ seed: days, customers, asOf, start: new Date(asOf.getTime() - days * 86_400_000), acquisitionGrowth: growth });
        expect(problems(d)).toEqual([]);
        expect(d.customers.every((c) => c.createdAt >= d.start && c.createdAt < d.asOf)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it("ids are unique in every collection and every reference resolves", () => {
    for (const c of ENTITY_COLLECTIONS) expect(byId(c).size, c).toBe(data[c].length);
    const customers = byId("customers");
    const accounts = byId("accounts");
    const deals = byId("deals");
    const tickets = byId("tickets");
    const campaigns = byId("campaigns");
    const leads = byId("leads");
    const pipelines = new Map(data.pipelines.map((p) => [p.id, p]));
    const missing: string[] = [];
    const need = (ok: boolean, what: string) => {
      if (!ok) missing.push(what);
    };
    for (const c of data.customers) if (c.accountId !== undefined) need(accounts.has(c.accountId), `customer ${c.id} account`);
    for (const a of data.accounts) if (a.parentAccountId !== undefined) need(accounts.has(a.parentAccountId), `account ${a.id} parent`);
    for (const l of data.leads) {
      if (l.convertedCustomerId !== undefined) need(customers.has(l.convertedCustomerId), `lead ${l.id} customer`);
      if (l.convertedDealId !== undefined) need(deals.has(l.convertedDealId), `lead ${l.id} deal`);
      if (l.convertedAccountId !== undefined) need(accounts.has(l.convertedAccountId), `lead ${l.id} account`);
      if (l.campaignId !== undefined) need(campaigns.has(l.campaignId), `lead ${l.id} campaign`);
    }
    for (const d of data.deals) {
      const p = pipelines.get(d.pipelineId);
      need(p !== undefined, `deal ${d.id} pipeline`);
      const kinds = new Map(p?.stages.map((s) => [s.id, s.kind]));
      for (const h of d.stageHistory) need(kinds.has(h.stageId), `deal ${d.id} stage ${h.stageId}`);
      need(kinds.get(d.stageId) === d.status, `deal ${d.id} status ${d.status} agrees with its stage`);
      need(d.customerId !== undefined && customers.has(d.customerId), `deal ${d.id} customer`);
      if (d.leadId !== undefined) need(leads.has(d.leadId), `deal ${d.id} lead`);
    }
    for (const x of [...data.transactions, ...data.tickets, ...data.subscriptions, ...data.interactions]) need(customers.has(x.customerId), `${x.id} customer`);
    for (const i of data.interactions) {
      if (i.dealId !== undefined) need(deals.has(i.dealId), `interaction ${i.id} deal`);
      if (i.ticketId !== undefined) need(tickets.has(i.ticketId), `interaction ${i.id} ticket`);
      if (i.campaignId !== undefined) need(campaigns.has(i.campaignId), `interaction ${i.id} campaign`);
    }
    for (const r of data.surveyResponses) {
      need(r.customerId !== undefined && customers.has(r.customerId), `survey ${r.id} customer`);
      if (r.ticketId !== undefined) need(tickets.get(r.ticketId) !== undefined, `survey ${r.id} ticket`);
    }
    for (const m of data.campaignMembers) {
      need(campaigns.has(m.campaignId), `member ${m.id} campaign`);
      need(customers.has(m.customerId), `member ${m.id} customer`);
    }
    expect(missing).toEqual([]);
  });

  it("customers: ids by index in creation order, every source, lifecycle histories ending at the current stage", () => {
    expect(data.customers).toHaveLength(2_500);
    data.customers.forEach((c, i) => expect(c.id).toBe(generatedCustomerId(i)));
    for (let i = 1; i < data.customers.length; i++) expect(data.customers[i]!.createdAt >= data.customers[i - 1]!.createdAt).toBe(true);
    expect(new Set(data.customers.map((c) => c.acquisitionSource))).toEqual(new Set(["referral", "website", "organic_search", "paid_search", "event", "outbound", "partner"]));
    const stages = new Set(data.customers.map((c) => c.lifecycleStage));
    for (const s of ["lead", "customer", "evangelist", "opportunity"]) expect(stages.has(s), s).toBe(true);
    for (const c of data.customers) {
      expect(c.lifecycleHistory.at(-1)?.stage).toBe(c.lifecycleStage);
      expect(c.lifecycleHistory[0]!.enteredAt.getTime()).toBe(c.createdAt.getTime());
      expect(c.createdAt >= data.start).toBe(true);
    }
    const countries = new Set(data.customers.map((c) => c.location?.country));
    expect(countries.size).toBeGreaterThanOrEqual(6);
    expect(data.customers.every((c) => c.location?.coordinates !== undefined)).toBe(true);
    expect(data.customers.filter((c) => c.birthDate !== undefined).length / data.customers.length).toBeGreaterThan(0.7);
    expect(data.customers.filter((c) => c.consent.email?.status === "granted").length / data.customers.length).toBeGreaterThan(0.5);
  });

  it("acquisition follows the density ∝ e^(g·x) over the period", () => {
    // With g = 1, the share acquired in the second half is (e − e^½)/(e − 1) = 0.62246;
    // the stratified draw puts it within 1/n of that.
    const mid = (data.start.getTime() + asOf.getTime()) / 2;
    const share = data.customers.filter((c) => c.createdAt.getTime() >= mid).length / data.customers.length;
    expect(Math.abs(share - (Math.E - Math.sqrt(Math.E)) / (Math.E - 1))).toBeLessThan(2 / data.customers.length);
    const flat = generateDataset({ seed: 1, customers: 400, asOf, acquisitionGrowth: 0 });
    const flatMid = (flat.start.getTime() + asOf.getTime()) / 2;
    expect(Math.abs(flat.customers.filter((c) => c.createdAt.getTime() >= flatMid).length / 400 - 0.5)).toBeLessThan(2 / 400);
  });

  it("a customer is at stage customer from the first purchase, which is their first transaction", () => {
    const first = new Map<string, number>();
    for (const t of data.transactions) if (t.kind === "purchase" && !first.has(t.customerId)) first.set(t.customerId, t.occurredAt.getTime());
    for (const c of data.customers) {
      const becameCustomer = c.lifecycleHistory.find((h) => h.stage === "customer")?.enteredAt.getTime();
      expect(becameCustomer).toBe(first.get(c.id));
    }
  });

  it("deals: won and lost with closedAt, open ones without; some skip stages and some move backwards", () => {
    const statuses = new Set(data.deals.map((d) => d.status));
    expect(statuses).toEqual(new Set(["open", "won", "lost"]));
    const order = new Map<string, number>(GENERATED_PIPELINES.flatMap((p) => p.stages.filter((s) => s.kind === "open").map((s, i) => [`${p.id}/${s.id}`, i] as const)));
    let skipped = 0;
    let backward = 0;
    for (const d of data.deals) {
      expect(d.closedAt === undefined).toBe(d.status === "open");
      const positions = d.stageHistory.map((h) => order.get(`${d.pipelineId}/${h.stageId}`)).filter((x) => x !== undefined);
      for (let k = 1; k < positions.length; k++) {
        if (positions[k]! < positions[k - 1]!) backward++;
        if (positions[k]! > positions[k - 1]! + 1) skipped++;
      }
    }
    expect(skipped).toBeGreaterThan(10);
    expect(backward).toBeGreaterThan(10);
  });

  it("referral leads convert about 30% better than other leads, significantly", () => {
    /** Conversion rates of referral and other leads, and the pooled two-proportion z statistic (by hand). */
    const compare = (d: Dataset) => {
      let refN = 0;
      let refX = 0;
      let othN = 0;
      let othX = 0;
      for (const l of d.leads) {
        const converted = l.status === "converted" ? 1 : 0;
        if (l.source === "referral") {
          refN++;
          refX += converted;
        } else {
          othN++;
          othX += converted;
        }
      }
      const p1 = refX / refN;
      const p2 = othX / othN;
      const pooled = (refX + othX) / (refN + othN);
      return { ratio: p1 / p2, z: (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / refN + 1 / othN)) };
    };
    const lifted = compare(generateDataset({ seed: 7, customers: 4_000, asOf }));
    expect(lifted.ratio).toBeGreaterThan(1.15);
    expect(lifted.ratio).toBeLessThan(1.45);
    expect(lifted.z).toBeGreaterThan(3.3); // two-sided p < 0.001
    // With the lift switched off, the difference is within chance.
    const flat = compare(generateDataset({ seed: 7, customers: 4_000, asOf, referralLift: 1 }));
    expect(Math.abs(flat.z)).toBeLessThan(3);
  });

  it("NPS follows behaviour: promoters buy more afterwards than detractors", () => {
    const next = new Map<string, number[]>();
    for (const t of data.transactions) if (t.kind === "purchase") (next.get(t.customerId) ?? next.set(t.customerId, []).get(t.customerId)!).push(t.occurredAt.getTime());
    const after = (customerId: string, at: number) => (next.get(customerId) ?? []).filter((x) => x > at && x <= at + 180 * 86_400_000).length;
    const early = data.surveyResponses.filter((r) => r.kind === "nps" && r.respondedAt.getTime() < asOf.getTime() - 180 * 86_400_000);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const promoters = mean(early.filter((r) => r.score >= 9).map((r) => after(r.customerId!, r.respondedAt.getTime())));
    const detractors = mean(early.filter((r) => r.score <= 6).map((r) => after(r.customerId!, r.respondedAt.getTime())));
    expect(promoters).toBeGreaterThan(2 * detractors);
  });

  it("subscriptions churn as the shifted-beta-geometric model says: S(t) = B(α, β + t) / B(α, β)", () => {
    const { alpha, beta } = data.latent.subscriptionChurn;
    // First subscriptions billed monthly; renewal t is t calendar months after the paid start.
    const subs = data.subscriptions.filter((s) => s.billingInterval === "month" && s.attributes.reactivated_from === undefined);
    const renewal = (s: (typeof subs)[number], t: number) => {
      const paid = s.trialEndsAt ?? s.startedAt;
      const d = new Date(paid);
      d.setUTCMonth(d.getUTCMonth() + t);
      if (d.getUTCDate() !== paid.getUTCDate()) d.setUTCDate(0); // clamp to the month's last day, as billing does
      return d;
    };
    for (const t of [1, 3, 6, 12]) {
      const observed = subs.filter((s) => renewal(s, t) <= asOf);
      const survived = observed.filter((s) => s.endedAt === undefined || s.endedAt > renewal(s, t)).length;
      const expected = Math.exp(logBeta(alpha, beta + t) - logBeta(alpha, beta));
      const se = Math.sqrt((expected * (1 - expected)) / observed.length);
      expect(observed.length, `t = ${t}`).toBeGreaterThan(100);
      expect(Math.abs(survived / observed.length - expected), `t = ${t}`).toBeLessThan(5 * se);
    }
  });

  it("CSAT is lower after slow tickets", () => {
    const tickets = new Map(data.tickets.map((t) => [t.id, t]));
    const csat = data.surveyResponses.filter((r) => r.kind === "csat");
    const hours = (r: (typeof csat)[number]) => {
      const t = tickets.get(r.ticketId!)!;
      return (t.resolvedAt!.getTime() - t.openedAt.getTime()) / 3_600_000;
    };
    const sorted = csat.map(hours).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(csat.filter((r) => hours(r) <= median).map((r) => r.score))).toBeGreaterThan(mean(csat.filter((r) => hours(r) > median).map((r) => r.score)) + 0.2);
  });

  it("covers the variety a CRM holds: channels, departments, directions, ticket and subscription states", () => {
    expect(new Set(data.interactions.map((i) => i.department))).toEqual(new Set(["sales", "marketing", "support", "success", "billing"]));
    expect(new Set(data.interactions.map((i) => i.direction))).toEqual(new Set(["inbound", "outbound", "internal"]));
    expect(new Set(data.interactions.map((i) => i.channel)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(data.tickets.map((t) => t.priority))).toEqual(new Set(["low", "normal", "high", "urgent"]));
    expect(data.tickets.some((t) => t.resolvedAt === undefined)).toBe(true);
    const subs = new Set(data.subscriptions.map((s) => s.status));
    expect(subs.has("active") && subs.has("canceled")).toBe(true);
    expect(data.subscriptions.some((s) => s.attributes.reactivated_from !== undefined)).toBe(true);
    const changes = data.subscriptions.flatMap((s) => s.mrrHistory.slice(1).map((c, i) => Math.sign(c.mrr.amount - s.mrrHistory[i]!.mrr.amount)));
    expect(changes.includes(1) && changes.includes(-1)).toBe(true);
    expect(new Set(data.surveyResponses.map((r) => r.kind))).toEqual(new Set(["nps", "csat", "ces"]));
    const members = data.campaignMembers;
    for (const step of ["sentAt", "openedAt", "clickedAt", "convertedAt", "bouncedAt"] as const) expect(members.some((m) => m[step] !== undefined), step).toBe(true);
    expect(data.transactions.some((t) => t.kind === "refund")).toBe(true);
  });

  it("honours currency and start", () => {
    const eur = generateDataset({ seed: 3, customers: 200, asOf, currency: "EUR", start: new Date("2024-01-01T00:00:00Z") });
    const currencies = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v instanceof Date) return;
      else if (typeof v === "object" && v !== null) {
        const o = v as Record<string, unknown>;
        if (typeof o.currency === "string" && typeof o.amount === "number") currencies.add(o.currency);
        Object.values(o).forEach(collect);
      }
    };
    for (const c of ENTITY_COLLECTIONS) collect(eur[c]);
    expect(currencies).toEqual(new Set(["EUR"]));
    expect(eur.customers.every((c) => c.createdAt >= new Date("2024-01-01T00:00:00Z"))).toBe(true);
    const yen = generateDataset({ seed: 3, customers: 50, asOf, currency: "JPY" });
    expect(yen.transactions.every((t) => Number.isInteger(t.amount.amount))).toBe(true);
  });

  it("exposes the latent truth per customer", () => {
    const { latent } = data;
    expect(latent.purchaseRate).toHaveLength(2_500);
    expect(latent.purchases).toEqual({ kind: "bgnbd", r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    // E[λ] = r/α for the gamma prior; 2,500 draws put the mean within a few standard errors.
    const m = latent.purchaseRate.reduce((a, b) => a + b, 0) / latent.purchaseRate.length;
    const sd = Math.sqrt(0.243) / 4.414;
    expect(Math.abs(m - 0.243 / 4.414)).toBeLessThan((5 * sd) / Math.sqrt(2_500));
    const churned = [...latent.churnedAt].filter((x) => !Number.isNaN(x));
    expect(churned.length).toBeGreaterThan(0);
    expect(churned.every((x) => x <= asOf.getTime())).toBe(true);
  });

  it("rejects invalid options with INVALID_INPUT naming the option", () => {
    const base = { seed: 1, customers: 10, asOf };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, seed: 1.5 }, "options.seed"],
      [{ ...base, seed: null }, "options.seed"],
      [{ ...base, customers: 0 }, "options.customers"],
      [{ ...base, customers: 2.5 }, "options.customers"],
      [{ ...base, customers: 1_000_001 }, "options.customers"],
      [{ ...base, asOf: new Date("nope") }, "options.asOf"],
      [{ ...base, asOf: "2025-01-01" }, "options.asOf"],
      [{ ...base, start: asOf }, "options.start"],
      [{ ...base, start: new Date("2026-01-01T00:00:00Z") }, "options.start"],
      [{ ...base, currency: "usd" }, "options.currency"],
      [{ ...base, currency: "ABC" }, "options.currency"],
      [{ ...base, purchases: { kind: "bgnbd", r: -1, alpha: 1, a: 1, b: 1 } }, "options.purchases.r"],
      [{ ...base, purchases: { kind: "pareto-nbd", r: 1, alpha: 1, s: 1, beta: Number.NaN } }, "options.purchases.beta"],
      [{ ...base, purchases: { kind: "bg/bb" } }, "options.purchases.kind"],
      [{ ...base, spend: { p: 1, q: 0, gamma: 1 } }, "options.spend.q"],
      [{ ...base, acquisitionGrowth: Number.POSITIVE_INFINITY }, "options.acquisitionGrowth"],
      [{ ...base, subscriptionChurn: { alpha: 1, beta: -1 } }, "options.subscriptionChurn.beta"],
      [{ ...base, referralLift: 0 }, "options.referralLift"],
    ];
    for (const [options, field] of cases) {
      let error: unknown;
      try {
        generateDataset(options as never);
      } catch (e) {
        error = e;
      }
      expect(isCrmkitError(error, "INVALID_INPUT"), field).toBe(true);
      expect((error as Error).message).toContain(field);
    }
    expect(() => generateDataset(undefined as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
