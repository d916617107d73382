import type { Pipeline } from "../../src/model/pipeline.js";

/** Midnight UTC of a `YYYY-MM-DD` date. */
export const day = (d: string): Date => new Date(`${d}T00:00:00Z`);

/** `n` days after `d`. */
export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

/** A money amount in EUR. */
export const eur = (amount: number) => ({ amount, currency: "EUR" });

/** A four-step sales pipeline: lead → qualified → proposal → negotiation, then won / lost. */
export const SALES_PIPELINE: Pipeline = {
  id: "sales",
  name: "Sales",
  createdAt: day("2024-01-01"),
  stages: [
    { id: "lead", name: "Lead", probability: 0.1, kind: "open" },
    { id: "qualified", name: "Qualified", probability: 0.25, kind: "open" },
    { id: "proposal", name: "Proposal", probability: 0.5, kind: "open" },
    { id: "negotiation", name: "Negotiation", probability: 0.8, kind: "open" },
    { id: "won", name: "Closed won", probability: 1, kind: "won" },
    { id: "lost", name: "Closed lost", probability: 0, kind: "lost" },
  ],
};

/** Expects `fn` to throw a CrmkitError with `code` and a message matching `message`. */
export function expectCrmkitError(fn: () => unknown, code: string, message?: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new Error(`expected a CrmkitError ${code}, nothing was thrown`);
  const e = error as { name?: string; code?: string; message?: string };
  if (e.name !== "CrmkitError" || e.code !== code) throw new Error(`expected CrmkitError ${code}, got ${e.name} ${e.code}: ${e.message}`);
  if (message !== undefined && !message.test(e.message ?? "")) throw new Error(`message ${JSON.stringify(e.message)} does not match ${message}`);
}
