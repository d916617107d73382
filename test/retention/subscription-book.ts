import type { SubscriptionRecord } from "../../src/retention/index.js";

const d = (s: string) => new Date(s);
const usd = (amount: number) => ({ amount, currency: "USD" });
const sub = (customerId: string, amount: number, startedAt: string, extra: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
  customerId,
  status: extra.endedAt ? "canceled" : "active",
  mrr: usd(amount),
  startedAt: d(startedAt),
  ...extra,
});

/** A hand-built book of subscriptions (USD unless noted) for the MRR tests, reported monthly for Jan–Apr 2024. */
export const book: SubscriptionRecord[] = [
  // A: paying 100 since December, upgrades to 150 on Feb 10.
  sub("A", 150, "2023-12-15T00:00:00Z", { mrrHistory: [{ effectiveAt: d("2023-12-15T00:00:00Z"), mrr: usd(100) }, { effectiveAt: d("2024-02-10T00:00:00Z"), mrr: usd(150) }] }),
  // B: new on Jan 10, cancels effective Mar 1 (paid through February): churn in March.
  sub("B", 50, "2024-01-10T00:00:00Z", { endedAt: d("2024-03-01T00:00:00Z") }),
  // C: paying 80 since November, ends Jan 20 (churn in January), returns Mar 5 at 60 (reactivation).
  sub("C", 80, "2023-11-01T00:00:00Z", { endedAt: d("2024-01-20T00:00:00Z") }),
  sub("C", 60, "2024-03-05T00:00:00Z"),
  // D: two subscriptions; one ends Apr 10: contraction, not churn.
  sub("D", 40, "2023-12-01T00:00:00Z"),
  sub("D", 30, "2023-12-01T00:00:00Z", { endedAt: d("2024-04-10T00:00:00Z") }),
  // E: trial from Feb 1 to Feb 15, then 20: new in February.
  sub("E", 20, "2024-02-01T00:00:00Z", { trialEndsAt: d("2024-02-15T00:00:00Z") }),
  // G: up to 200 on Mar 5 and back to 100 on Mar 20: no net movement in March.
  sub("G", 100, "2023-12-01T00:00:00Z", {
    mrrHistory: [
      { effectiveAt: d("2023-12-01T00:00:00Z"), mrr: usd(100) },
      { effectiveAt: d("2024-03-05T00:00:00Z"), mrr: usd(200) },
      { effectiveAt: d("2024-03-20T00:00:00Z"), mrr: usd(100) },
    ],
  }),
  // F: a euro customer, from Jan 1.
  { customerId: "F", status: "active", mrr: { amount: 10, currency: "EUR" }, startedAt: d("2024-01-01T00:00:00Z") },
];

