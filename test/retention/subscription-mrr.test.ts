import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { firstPaidAt, mrrAt, mrrSegments } from "../../src/retention/subscription-mrr.js";

const t = (s: string) => new Date(s).getTime();
const usd = (amount: number) => ({ amount, currency: "USD" });

describe("MRR of a subscription at an instant", () => {
  it("is `mrr` from startedAt to endedAt (exclusive) without history", () => {
    const seg = mrrSegments("s", { customerId: "c", status: "canceled", mrr: usd(50), startedAt: new Date("2024-01-10T00:00:00Z"), endedAt: new Date("2024-03-01T00:00:00Z") });
    expect(mrrAt(seg, t("2024-01-09T23:59:59Z"))).toBe(0);
    expect(mrrAt(seg, t("2024-01-10T00:00:00Z"))).toBe(50);
    expect(mrrAt(seg, t("2024-02-29T23:59:59.999Z"))).toBe(50);
    expect(mrrAt(seg, t("2024-03-01T00:00:00Z"))).toBe(0);
    expect(firstPaidAt(seg)).toBe(t("2024-01-10T00:00:00Z"));
  });

  it("follows the history; before its first entry the first entry applies; trials carry no MRR", () => {
    const seg = mrrSegments("s", {
      customerId: "c",
      status: "active",
      mrr: usd(120),
      startedAt: new Date("2024-01-01T00:00:00Z"),
      trialEndsAt: new Date("2024-01-15T00:00:00Z"),
      mrrHistory: [
        { effectiveAt: new Date("2024-01-20T00:00:00Z"), mrr: usd(0) }, // free plan first
        { effectiveAt: new Date("2024-02-01T00:00:00Z"), mrr: usd(100) },
        { effectiveAt: new Date("2024-03-01T00:00:00Z"), mrr: usd(120) },
      ],
    });
    expect(mrrAt(seg, t("2024-01-10T00:00:00Z"))).toBe(0); // trial
    expect(mrrAt(seg, t("2024-01-16T00:00:00Z"))).toBe(0); // before the first entry: the first entry (0)
    expect(mrrAt(seg, t("2024-02-10T00:00:00Z"))).toBe(100);
    expect(mrrAt(seg, t("2030-01-01T00:00:00Z"))).toBe(120);
    expect(firstPaidAt(seg)).toBe(t("2024-02-01T00:00:00Z"));
    const trialing = mrrSegments("s", { customerId: "c", status: "trialing", mrr: usd(10), startedAt: new Date("2024-01-01T00:00:00Z") });
    expect(mrrAt(trialing, t("2025-01-01T00:00:00Z"))).toBe(0);
    expect(firstPaidAt(trialing)).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects an end before the start and inconsistent histories", () => {
    const base = { customerId: "c", status: "active", mrr: usd(10), startedAt: new Date("2024-02-01T00:00:00Z") };
    const cases: [unknown, string][] = [
      [{ ...base, endedAt: new Date("2024-01-01T00:00:00Z") }, "s.endedAt"],
      [{ ...base, mrr: usd(-1) }, "s.mrr.amount"],
      [{ ...base, customerId: "" }, "s.customerId"],
      [{ ...base, startedAt: "2024-01-01" }, "s.startedAt"],
      [{ ...base, mrrHistory: [{ effectiveAt: new Date("2024-03-01T00:00:00Z"), mrr: usd(1) }, { effectiveAt: new Date("2024-02-01T00:00:00Z"), mrr: usd(2) }] }, "s.mrrHistory[1].effectiveAt"],
      [{ ...base, mrrHistory: [{ effectiveAt: new Date("2024-03-01T00:00:00Z"), mrr: { amount: 1, currency: "EUR" } }] }, "s.mrrHistory[0].mrr.currency"],
      [{ ...base, mrrHistory: "none" }, "s.mrrHistory"],
      [null, "s"],
    ];
    for (const [sub, field] of cases) {
      try {
        mrrSegments("s", sub);
        expect.unreachable(field);
      } catch (e) {
        expect(isCrmkitError(e, "INVALID_INPUT"), String(e)).toBe(true);
        expect((e as Error).message.startsWith(`${field}:`)).toBe(true);
      }
    }
  });
});
