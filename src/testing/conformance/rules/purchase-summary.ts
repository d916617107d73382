import { summarizeTransactions, type SummarizeOptions } from "../../../clv/index.js";
import type { CustomerSummary } from "../../../clv/customer-summary.js";
import type { EntityInput } from "../../../repository/stored.js";
import type { TransactionRepository } from "../../../repository/repository.js";
import { render } from "../render.js";
import { defineRule, TENANT_A, type ConformanceRule } from "../rule.js";

const END = new Date("2024-12-31T23:59:59.999Z");
const CALIBRATION_END = new Date("2024-06-30T12:00:00Z");

/**
 * A purchase log whose aggregates a naive GROUP BY gets wrong: several purchases in one
 * hour and one day, purchases on both sides of midnight UTC and of a month end, the
 * first day of an ISO week, other kinds, a purchase exactly at and one after the end.
 * Amounts are multiples of 1/4, so every correct sum is exact.
 */
function purchaseLog(): EntityInput<"transactions">[] {
  const rows: [string, string, number, string][] = [
    ["ada", "2024-01-01T09:00:00.000Z", 10, "purchase"],
    ["ada", "2024-01-01T09:30:00.000Z", 2.25, "purchase"],
    ["ada", "2024-01-01T23:59:59.999Z", 1.5, "purchase"],
    ["ada", "2024-01-02T00:00:00.000Z", 4, "purchase"],
    ["ada", "2024-01-07T12:00:00.000Z", 8.75, "purchase"],
    ["ada", "2024-01-08T00:00:00.000Z", 3, "purchase"],
    ["ada", "2024-01-31T23:00:00.000Z", 5, "refund"],
    ["ada", "2024-02-01T01:00:00.000Z", 6.5, "purchase"],
    ["ada", "2024-08-15T10:00:00.000Z", 20, "purchase"],
    ["ada", "2024-12-31T23:59:59.999Z", 1, "purchase"],
    ["ada", "2025-01-01T00:00:00.000Z", 99, "purchase"],
    ["bob", "2024-03-03T03:03:03.003Z", 7.25, "payment"],
    ["bob", "2024-03-03T05:00:00.000Z", 7, "purchase"],
    ["bob", "2024-07-01T00:00:00.000Z", 12, "purchase"],
    ["cy", "2024-09-09T09:09:09.009Z", 0, "purchase"],
    ["cy", "2024-09-10T09:09:09.009Z", 0.25, "purchase"],
  ];
  return rows.map(([customerId, at, amount, kind], i) => ({
    id: `ps-${String(i).padStart(2, "0")}`,
    customerId,
    occurredAt: at,
    amount: { amount, currency: "EUR" },
    kind: kind as "purchase",
  }));
}

const CASES: readonly { readonly name: string; readonly options: SummarizeOptions; readonly mayDecline: boolean }[] = [
  { name: "days, in weeks", options: { observationEnd: END, unit: "week" }, mayDecline: false },
  { name: "hours, in days", options: { observationEnd: END, unit: "day", period: "hour" }, mayDecline: false },
  { name: "ISO weeks", options: { observationEnd: END, unit: "week", period: "week" }, mayDecline: false },
  { name: "months", options: { observationEnd: END, unit: "month", period: "month" }, mayDecline: false },
  { name: "purchases and payments", options: { observationEnd: END, unit: "day", kinds: ["purchase", "payment"] }, mayDecline: false },
  { name: "a calibration/holdout split", options: { observationEnd: END, unit: "week", calibrationEnd: CALIBRATION_END }, mayDecline: false },
  { name: "days in Europe/Paris", options: { observationEnd: END, unit: "day", timeZone: "Europe/Paris" }, mayDecline: true },
];

function plain(summary: CustomerSummary): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(summary)) out[k] = v instanceof Float64Array ? Array.from(v) : v;
  return out;
}

/** The rules of the purchase-summary pushdown, run when `transactions` is selected. @internal */
export function purchaseSummaryRules(): ConformanceRule[] {
  return [
    defineRule(
      "[purchaseSummary] transactions: summarizePurchases gives the summary that streaming the same transactions gives — periods of an hour, a day, an ISO week and a month, several kinds, a calibration/holdout split — and sees only its tenant; it may decline (null) a time zone",
      { collection: "transactions" },
      "purchaseSummary",
      async (ctx) => {
        const { check, provider } = ctx;
        const repo = provider.forTenant(TENANT_A).transactions as TransactionRepository;
        if (typeof repo?.summarizePurchases !== "function") {
          check.fail("transactions.summarizePurchases", "a function (the adapter declares purchaseSummary: true)", render(repo?.summarizePurchases));
        }
        await ctx.tenant("a").repo("transactions").upsertMany(purchaseLog());
        // Another tenant's purchases by the same customers must not leak into the aggregates.
        await ctx.tenant("b").repo("transactions").upsertMany(purchaseLog().map((t) => ({ ...t, amount: { amount: 1000, currency: "EUR" } })));
        await ctx.tenant("b").repo("transactions").upsert({ id: "ps-b", customerId: "only-in-b", occurredAt: "2024-05-05T00:00:00Z", amount: { amount: 1, currency: "EUR" }, kind: "purchase" });
        for (const { name, options, mayDecline } of CASES) {
          const streamed = plain(await summarizeTransactions(repo, { ...options, pushdown: "never" }));
          let pushed: Record<string, unknown>;
          try {
            pushed = plain(await summarizeTransactions(repo, { ...options, pushdown: "require" }));
          } catch (error) {
            const declined = typeof error === "object" && error !== null && (error as { code?: unknown }).code === "UNSUPPORTED";
            if (declined && mayDecline) continue;
            throw error;
          }
          check.equal(`summarizeTransactions(store.transactions, ${name}) pushed down, compared with streamed`, streamed, pushed);
        }
      },
    ),
  ];
}
