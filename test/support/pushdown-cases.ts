// Shared by the pushdown tests of the memory store and the PostgreSQL adapter: a purchase
// log with the cases that break naive aggregation, and the summary options to compare on.
import { expect } from "vitest";
import { summarizeTransactions, type CustomerSummary, type SummarizeOptions } from "../../src/clv/index.js";
import type { EntityInput } from "../../src/repository/index.js";
import { createRandom } from "../../src/testing/index.js";

export const OBSERVATION_END = new Date("2024-12-31T23:59:59.999Z");
export const CALIBRATION_END = new Date("2024-09-30T12:00:00Z");

/**
 * `customers` customers' transactions over 2023–2025 (some after the observation end),
 * with several purchases in one day and one hour, purchases around midnight UTC and
 * around the DST switches of Europe, refunds and payments, and — with `cents` — amounts
 * in cents; otherwise amounts in quarters, whose sums are exact in binary.
 */
export function purchaseLog(seed: number, customers: number, options: { cents?: boolean; currency?: string } = {}): EntityInput<"transactions">[] {
  const rnd = createRandom(seed);
  const out: EntityInput<"transactions">[] = [];
  const start = Date.parse("2023-01-01T00:00:00Z");
  const span = Date.parse("2025-03-01T00:00:00Z") - start;
  const kinds = ["purchase", "purchase", "purchase", "payment", "refund"] as const;
  let n = 0;
  for (let c = 0; c < customers; c++) {
    const id = `cust-${String(c).padStart(4, "0")}`;
    const count = 1 + Math.floor(rnd.next() * 12);
    let t = start + Math.floor(rnd.next() * span);
    for (let k = 0; k < count; k++) {
      const r = rnd.next();
      // mostly days to weeks apart; sometimes minutes apart (same hour or day), sometimes exactly on midnight or a DST switch
      if (r < 0.15) t += Math.floor(rnd.next() * 600_000);
      else if (r < 0.2) t = Date.parse("2024-03-31T00:59:00Z") + Math.floor(rnd.next() * 7_200_000);
      else if (r < 0.25) t = Math.ceil(t / 86_400_000) * 86_400_000;
      else t += Math.floor(rnd.next() * 40 * 86_400_000);
      const amount = options.cents === true ? Math.round(rnd.next() * 20_000) / 100 : Math.round(rnd.next() * 400) / 4;
      out.push({
        id: `tx-${String(n++).padStart(6, "0")}`,
        customerId: id,
        occurredAt: new Date(t),
        amount: { amount, currency: options.currency ?? "EUR" },
        kind: kinds[Math.floor(rnd.next() * kinds.length)]!,
      });
    }
  }
  return out;
}

/** The summary options both paths are compared on. */
export const PUSHDOWN_CASES: readonly { readonly name: string; readonly options: SummarizeOptions }[] = [
  { name: "days, in weeks", options: { observationEnd: OBSERVATION_END, unit: "week" } },
  { name: "hours, in days", options: { observationEnd: OBSERVATION_END, unit: "day", period: "hour" } },
  { name: "ISO weeks", options: { observationEnd: OBSERVATION_END, unit: "week", period: "week" } },
  { name: "months", options: { observationEnd: OBSERVATION_END, unit: "month", period: "month" } },
  { name: "quarters", options: { observationEnd: OBSERVATION_END, unit: "quarter", period: "quarter" } },
  { name: "years", options: { observationEnd: OBSERVATION_END, unit: "year", period: "year" } },
  { name: "purchases and payments", options: { observationEnd: OBSERVATION_END, unit: "day", kinds: ["purchase", "payment"] } },
  { name: "days, with a calibration/holdout split", options: { observationEnd: OBSERVATION_END, unit: "week", calibrationEnd: CALIBRATION_END } },
  { name: "months, with a calibration/holdout split", options: { observationEnd: OBSERVATION_END, unit: "month", period: "month", calibrationEnd: CALIBRATION_END } },
];

/** Time-zone cases: a store may decline them (and the summary is then streamed). */
export const ZONED_CASES: readonly { readonly name: string; readonly options: SummarizeOptions }[] = [
  { name: "days in Europe/Paris", options: { observationEnd: OBSERVATION_END, unit: "day", timeZone: "Europe/Paris" } },
  { name: "months in America/New_York", options: { observationEnd: OBSERVATION_END, unit: "month", period: "month", timeZone: "America/New_York" } },
];

/** Plain arrays of a summary, for toEqual (Float64Arrays compare element-wise there too, but this prints better). */
export function columns(s: CustomerSummary): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = v instanceof Float64Array ? Array.from(v) : v;
  return out;
}

/**
 * Summarises `repo` both ways and compares. `exact`: every column identical; otherwise the
 * monetary columns may differ in the last bits (a database summing exact decimals).
 */
export async function expectSameSummaries(repo: Parameters<typeof summarizeTransactions>[0], options: SummarizeOptions, exact: boolean): Promise<CustomerSummary> {
  const pushed = columns(await summarizeTransactions(repo, { ...options, pushdown: "require" }));
  const streamed = columns(await summarizeTransactions(repo, { ...options, pushdown: "never" }));
  expect((pushed.customerIds as string[]).length).toBeGreaterThan(0);
  if (exact) {
    expect(pushed).toEqual(streamed);
  } else {
    for (const key of Object.keys(streamed)) {
      if (!["monetaryValue", "holdoutSpend", "holdoutMonetaryValue"].includes(key)) {
        expect(pushed[key], key).toEqual(streamed[key]);
        continue;
      }
      const a = pushed[key] as number[];
      const b = streamed[key] as number[];
      expect(a.length).toBe(b.length);
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!), `${key}[${i}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b[i]!)));
    }
  }
  return summarizeTransactions(repo, options);
}
