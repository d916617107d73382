import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { summarizeTransactions, type PurchaseRow } from "../../src/clv/index.js";
import { isCrmkitError } from "../../src/errors/index.js";
import { hasSharedData } from "../support/shared-data.js";
import { d, large, rows } from "../support/lifetimes-purchases.js";
import { readCdnowCustomersSummary, readCdnowSummary, readCdnowTransactions } from "../support/cdnow.js";

// Expected values from lifetimes' tests/test_utils.py (hand-checkable), on its fixture `large`.
function table(s: Awaited<ReturnType<typeof summarizeTransactions>>): number[][] {
  return s.customerIds.map((id, i) => [Number(id), s.frequency[i]!, s.recency[i]!, s.T[i]!, s.monetaryValue[i]!]);
}

describe("summarizeTransactions", () => {
  it("reproduces lifetimes' daily summary", async () => {
    const s = await summarizeTransactions(
      rows([
        [1, "2015-02-01"],
        [1, "2015-02-06"],
        [2, "2015-01-01"],
        [3, "2015-01-01"],
        [3, "2015-01-02"],
        [3, "2015-01-05"],
      ]),
      { observationEnd: d("2015-02-07"), unit: "day" },
    );
    expect(table(s).map((r) => r.slice(0, 4))).toEqual([
      [1, 1, 5, 6],
      [2, 0, 0, 37],
      [3, 2, 4, 37],
    ]);
    expect(s.currency).toBeUndefined();
    expect(s.stats).toEqual({ rows: 6, purchases: 6, skipped: 0, skippedByReason: {} });
  });

  it("computes the mean spend of repeat periods (lifetimes' monetary fixture)", async () => {
    const s = await summarizeTransactions(rows(large), { observationEnd: d("2015-02-07"), unit: "day" });
    expect(table(s)).toEqual([
      [1, 1, 36, 37, 2],
      [2, 0, 0, 37, 0],
      [3, 2, 4, 37, 3],
      [4, 2, 20, 22, 3],
      [5, 2, 2, 22, 4.5],
      [6, 0, 0, 5, 0],
    ]);
  });

  it("counts calendar weeks with period 'week' (lifetimes freq='W')", async () => {
    const s = await summarizeTransactions(rows(large), { observationEnd: d("2015-02-07"), unit: "week", period: "week" });
    expect(table(s).map((r) => r.slice(0, 4))).toEqual([
      [1, 1, 5, 5],
      [2, 0, 0, 5],
      [3, 1, 1, 5],
      [4, 1, 3, 3],
      [5, 0, 0, 3],
      [6, 0, 0, 0],
    ]);
  });

  it("drops the right first purchase whatever the row order", async () => {
    const ordered = await summarizeTransactions(rows([[2, "2014-03-14", 10], [2, "2014-04-09", 20], [2, "2014-05-21", 25]]), { observationEnd: d("2014-06-01"), unit: "day" });
    const unordered = await summarizeTransactions(rows([[2, "2014-04-09", 20], [2, "2014-03-14", 10], [2, "2014-05-21", 25]]), { observationEnd: d("2014-06-01"), unit: "day" });
    expect(ordered.monetaryValue[0]).toBe(22.5);
    expect(table(unordered)).toEqual(table(ordered));
  });

  it("merges purchases of the same period", async () => {
    const s = await summarizeTransactions(rows([[1, "2015-01-01", 3], [1, "2015-01-01", 4], [1, "2015-01-03", 5], [1, "2015-01-03", 6]]), { observationEnd: d("2015-01-10"), unit: "day" });
    expect(table(s)).toEqual([[1, 1, 2, 9, 11]]);
  });

  it("splits at calibrationEnd when asked (= calibrationHoldout)", async () => {
    const s = await summarizeTransactions(rows(large), { observationEnd: d("2015-02-07"), calibrationEnd: d("2015-02-01"), unit: "day" });
    expect(Array.from(s.holdoutFrequency)).toEqual([1, 0, 0, 2, 0]);
    expect(s.observationEnd).toEqual(d("2015-02-01"));
  });

  it("reads the kind of plain rows like that of transactions (a plain refund row is not a purchase)", async () => {
    const rows: PurchaseRow[] = [
      { customerId: "a", at: d("2015-01-01"), amount: 10 },
      { customerId: "a", at: d("2015-01-05"), amount: 10, kind: "refund" },
      { customerId: "a", at: d("2015-01-09"), amount: 30, kind: "purchase" },
    ];
    const s = await summarizeTransactions(rows, { observationEnd: d("2015-02-01"), unit: "day" });
    expect([s.frequency[0], s.recency[0], s.monetaryValue[0]]).toEqual([1, 8, 30]);
  });

  it("reads Transaction records, counting only the chosen kinds", async () => {
    const tx = (id: string, at: string, amount: number, kind: "purchase" | "refund" | "payment") => ({
      id,
      customerId: "c",
      occurredAt: d(at),
      amount: { amount, currency: "EUR" },
      kind,
      attributes: {},
    });
    const log = [tx("1", "2024-01-01", 10, "purchase"), tx("2", "2024-01-05", 4, "refund"), tx("3", "2024-01-08", 20, "payment"), tx("4", "2024-01-15", 30, "purchase")];
    const purchases = await summarizeTransactions(log, { observationEnd: d("2024-01-29"), unit: "week" });
    expect(table(purchases)).toEqual([[Number.NaN, 1, 2, 4, 30]].map((r) => r.map((v, i) => (i === 0 ? Number("c") : v))));
    expect(purchases.currency).toBe("EUR");
    expect(purchases.stats?.purchases).toBe(2);
    const withPayments = await summarizeTransactions(log, { observationEnd: d("2024-01-29"), unit: "week", kinds: ["purchase", "payment"] });
    expect(withPayments.frequency[0]).toBe(2);
    expect(withPayments.monetaryValue[0]).toBe(25);
  });

  it("streams iterables and async iterables with the same result as arrays", async () => {
    const data = rows(large);
    const fromArray = await summarizeTransactions(data, { observationEnd: d("2015-02-07"), unit: "day" });
    const fromIterable = await summarizeTransactions(new Set(data), { observationEnd: d("2015-02-07"), unit: "day" });
    async function* gen() {
      for (const r of data) yield r;
    }
    const fromAsync = await summarizeTransactions(gen(), { observationEnd: d("2015-02-07"), unit: "day" });
    expect(table(fromIterable)).toEqual(table(fromArray));
    expect(table(fromAsync)).toEqual(table(fromArray));
  });

  it("rejects an out-of-order stream unless order is 'any'", async () => {
    const data = rows([[1, "2015-01-01", 1], [1, "2015-01-09", 1], [1, "2015-01-05", 1], [1, "2015-01-05", 2]]);
    async function* gen() {
      for (const r of data) yield r;
    }
    await expect(summarizeTransactions(gen(), { observationEnd: d("2015-02-07"), unit: "day" })).rejects.toThrow(/time order.*order: "any"/);
    const s = await summarizeTransactions(gen(), { observationEnd: d("2015-02-07"), unit: "day", order: "any" });
    expect(table(s)).toEqual([[1, 2, 8, 37, 2]]);
    const fromArray = await summarizeTransactions(data, { observationEnd: d("2015-02-07"), unit: "day" });
    expect(table(fromArray)).toEqual(table(s));
  });

  it("buckets days in a time zone when asked", async () => {
    // 23:30 UTC on Jan 1 is already Jan 2 in Paris: two purchase days there, one in UTC.
    const data: PurchaseRow[] = [
      { customerId: "a", at: "2024-01-01T10:00:00Z" },
      { customerId: "a", at: "2024-01-01T23:30:00Z" },
    ];
    const utc = await summarizeTransactions(data, { observationEnd: d("2024-01-10"), unit: "day" });
    const paris = await summarizeTransactions(data, { observationEnd: d("2024-01-10"), unit: "day", timeZone: "Europe/Paris" });
    expect(utc.frequency[0]).toBe(0);
    expect(paris.frequency[0]).toBe(1);
  });

  it("property: any permutation of the rows gives the same summary", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ c: fc.integer({ min: 0, max: 4 }), day: fc.integer({ min: 0, max: 60 }), amount: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        async (raw, seed) => {
          const data = raw.map((r) => ({ customerId: `c${r.c}`, at: r.day * 86_400_000, amount: r.amount }));
          const shuffled = [...data];
          let s = seed >>> 0;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const opts = { observationEnd: new Date(70 * 86_400_000), unit: "day" as const };
          const a = await summarizeTransactions(data, opts);
          const b = await summarizeTransactions(shuffled, opts);
          const byId = (x: typeof a) => Object.fromEntries(x.customerIds.map((id, i) => [id, [x.frequency[i], x.recency[i], x.T[i], x.monetaryValue[i]]]));
          const ba = byId(a);
          const bb = byId(b);
          expect(Object.keys(bb).sort()).toEqual(Object.keys(ba).sort());
          for (const k of Object.keys(ba)) {
            const [f1, r1, t1, m1] = ba[k]!;
            const [f2, r2, t2, m2] = bb[k]!;
            expect([f2, r2, t2]).toEqual([f1, r1, t1]);
            expect(m2).toBeCloseTo(m1!, 9);
            // invariants
            expect(r1!).toBeLessThanOrEqual(t1!);
            expect(f1!).toBeLessThanOrEqual(r1!);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    const opts = { observationEnd: d("2015-02-07"), unit: "day" as const };
    it("names the bad row", async () => {
      await expect(summarizeTransactions([{ customerId: "a", at: "not a date" }], opts)).rejects.toThrow(/rows\[0\]\.at/);
      // a date-time without offset would be read in the machine's time zone: a bad row, not a guess
      await expect(summarizeTransactions([{ customerId: "a", at: "2015-01-01T10:00:00" }], opts)).rejects.toThrow(/rows\[0\]\.at.*date-time with offset/);
      await expect(summarizeTransactions([{ customerId: "a", at: d("2015-01-01"), amount: -5 }], opts)).rejects.toThrow(/rows\[0\]\.amount.*>= 0/);
      await expect(summarizeTransactions([{ customerId: "a", at: d("2015-01-01"), amount: Number.NaN }], opts)).rejects.toThrow(/rows\[0\]\.amount/);
      await expect(summarizeTransactions([{ customerId: "", at: d("2015-01-01") }], opts)).rejects.toThrow(/rows\[0\]\.customerId/);
      await expect(summarizeTransactions([{ customerId: "a", at: d("2015-01-01") }, { customerId: "a", at: d("2015-03-01") }], opts)).rejects.toThrow(/rows\[1\]\.at.*observationEnd/);
      await expect(summarizeTransactions([null as unknown as PurchaseRow], opts)).rejects.toThrow(/rows\[0\]/);
    });
    it("skips and counts bad rows when asked", async () => {
      const s = await summarizeTransactions(
        [
          { customerId: "a", at: d("2015-01-01"), amount: 1 },
          { customerId: "a", at: "garbage", amount: 1 },
          { customerId: "a", at: d("2015-01-02"), amount: -1 },
          { customerId: "a", at: d("2015-03-02"), amount: 1 },
          { customerId: "a", at: d("2015-01-03"), amount: 2 },
        ],
        { ...opts, onBadRow: "skip" },
      );
      expect(table(s)).toEqual([[Number.NaN, 1, 2, 37, 2]].map((r) => r.map((v, i) => (i === 0 ? Number("a") : v))));
      expect(s.stats).toEqual({ rows: 5, purchases: 2, skipped: 3, skippedByReason: { "bad date": 1, "negative amount": 1, "after observation end": 1 } });
    });
    it("refuses mixed currencies", async () => {
      const e = await summarizeTransactions(
        [
          { customerId: "a", at: d("2015-01-01"), amount: 1, currency: "USD" },
          { customerId: "b", at: d("2015-01-02"), amount: 1, currency: "EUR" },
        ],
        opts,
      ).catch((x: unknown) => x);
      expect(isCrmkitError(e, "CURRENCY_MISMATCH")).toBe(true);
      expect(String(e)).toMatch(/rows\[1\]/);
    });
    it("checks the options", async () => {
      await expect(summarizeTransactions([], { observationEnd: new Date("x"), unit: "day" })).rejects.toThrow(/observationEnd/);
      await expect(summarizeTransactions([], { observationEnd: d("2015-01-01"), unit: "fortnight" as "day" })).rejects.toThrow(/options\.unit/);
      await expect(summarizeTransactions([], { observationEnd: d("2015-01-01"), unit: "day", period: "month" })).rejects.toThrow(/options\.unit/);
      await expect(summarizeTransactions([], { observationEnd: d("2015-01-01"), unit: "day", timeZone: "Mars/Olympus" })).rejects.toThrow(/timeZone/);
      await expect(summarizeTransactions([], { observationEnd: d("2015-01-01"), unit: "day", kinds: ["gift" as "purchase"] })).rejects.toThrow(/kinds/);
      await expect(summarizeTransactions(42 as unknown as PurchaseRow[], { observationEnd: d("2015-01-01"), unit: "day" })).rejects.toThrow(/transactions/);
    });
    it("returns an empty summary for an empty log (the models reject it)", async () => {
      const s = await summarizeTransactions([], opts);
      expect(s.customerIds).toEqual([]);
      expect(s.frequency.length).toBe(0);
    });
  });
});

describe.skipIf(!hasSharedData("CDNOW_sample.txt") || !hasSharedData("cdnow_customers_summary_with_transactions.csv"))("CDNOW sample", () => {
  it("reproduces cdnow_customers_summary(.csv) from the transaction log", async () => {
    const log = readCdnowTransactions("CDNOW_sample.txt");
    expect(log.length).toBe(6919);
    const end = d("1997-09-30");
    const s = await summarizeTransactions(log, { observationEnd: end, unit: "week", onBadRow: "skip" });
    expect(s.stats?.skippedByReason).toEqual({ "after observation end": log.filter((r) => r.at > end).length });
    const pub = readCdnowSummary();
    const pub2 = readCdnowCustomersSummary();
    expect(s.customerIds.length).toBe(2357);
    let maxRec = 0;
    let maxT = 0;
    let maxZ = 0;
    for (let i = 0; i < 2357; i++) {
      const k = pub.id.indexOf(Number(s.customerIds[i]));
      expect(s.frequency[i]).toBe(pub.x[k]);
      expect(s.frequency[i]).toBe(pub2.frequency[k]);
      maxRec = Math.max(maxRec, Math.abs(s.recency[i]! - pub.tx[k]!), Math.abs(s.recency[i]! - pub2.recency[k]!));
      maxT = Math.max(maxT, Math.abs(s.T[i]! - pub.T[k]!), Math.abs(s.T[i]! - pub2.T[k]!));
      maxZ = Math.max(maxZ, Math.abs(s.monetaryValue[i]! - pub.zbar[k]!));
    }
    expect(maxRec).toBeLessThanOrEqual(0.005);
    expect(maxT).toBeLessThanOrEqual(0.005);
    expect(maxZ).toBeLessThanOrEqual(0.005 + 1e-9);
    // lifetimes' check against the paper's summary statistics of the 946 repeat buyers
    const m = Array.from(s.monetaryValue).filter((_, i) => s.frequency[i]! > 0);
    expect(m.length).toBe(946);
    expect(Math.round(m.reduce((a, b) => a + b, 0) / m.length)).toBe(35);
    expect(Math.round(Math.min(...m))).toBe(3);
    expect(Math.round(Math.max(...m))).toBe(300);
  });
});
