import { describe, expect, it } from "vitest";
import { parseTransaction, type Transaction } from "../../src/model/transaction.js";
import { rfmScores, type RfmOptions } from "../../src/segmentation/rfm-scores.js";
import type { PurchaseRow } from "../../src/model/purchase-row.js";
import { failureOf as failure } from "../support/crmkit-failure.js";
import { pymcRows } from "./support/pymc-transactions.js";

const DAY = 86_400_000;

describe("rfmScores: values", () => {
  it("reproduces pymc-marketing's rfm_summary(include_first_transaction=True) per purchase day", () => {
    // expected frequency, recency, monetary_value at observation_period_end 2015-02-07
    const s = rfmScores(pymcRows, { asOf: new Date("2015-02-07T00:00:00Z"), bins: 4, frequency: "periods", period: "day", monetary: "mean" });
    expect(s.customerIds).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect([...s.frequency]).toEqual([2, 1, 3, 3, 3, 1]);
    expect([...s.recencyDays]).toEqual([1, 37, 33, 2, 20, 5]);
    expect([...s.monetary]).toEqual([1.5, 2, 3, 6, 4, 5]);
    expect([...s.revenue]).toEqual([3, 2, 9, 18, 12, 5]);
    // orders behind revenue are transactions unless frequency counts orders
    expect([...s.orders]).toEqual([2, 1, 3, 4, 3, 1]);
  });

  it("counts transactions and sums amounts by default, as the rfm package's rfm_table_order", () => {
    const s = rfmScores(pymcRows, { asOf: new Date("2015-02-07T00:00:00Z") });
    expect([...s.frequency]).toEqual([2, 1, 3, 4, 3, 1]);
    expect([...s.monetary]).toEqual([3, 2, 9, 18, 12, 5]);
  });

  it("measures recency in exact fractional days up to asOf", () => {
    const s = rfmScores(
      [
        { customerId: "a", at: new Date("2024-05-31T12:00:00Z"), amount: 1 },
        { customerId: "b", at: Date.UTC(2024, 4, 1, 18), amount: 1 },
        { customerId: "b", at: "2024-05-01T10:00:00+02:00", amount: 1 },
      ],
      { asOf: new Date("2024-06-01T00:00:00Z") },
    );
    expect([...s.recencyDays]).toEqual([0.5, 30.25]);
    expect(s.get("b")?.lastPurchaseAt.toISOString()).toBe("2024-05-01T18:00:00.000Z");
  });

  it("counts distinct orders, ISO weeks, months, quarters and years", () => {
    const rows: PurchaseRow[] = [
      { customerId: "a", at: "2024-01-01", amount: 10, orderId: "o1" }, // Monday
      { customerId: "a", at: "2024-01-07", amount: 10, orderId: "o1" }, // Sunday, same ISO week, same order
      { customerId: "a", at: "2024-01-08", amount: 10 }, // next week, no order id: its own order
      { customerId: "a", at: "2024-03-31", amount: 10, orderId: "o2" },
      { customerId: "a", at: "2024-04-01", amount: 10, orderId: "o2" },
      { customerId: "b", at: "2023-12-31", amount: 10, orderId: "o1" }, // same order id, other customer
    ];
    const asOf = new Date("2024-06-01T00:00:00Z");
    const count = (o: Omit<RfmOptions, "asOf">) => [...rfmScores(rows, { ...o, asOf, bins: 2 }).frequency];
    expect(count({})).toEqual([5, 1]);
    expect(count({ frequency: "orders" })).toEqual([3, 1]);
    expect(count({ frequency: "periods" })).toEqual([5, 1]);
    expect(count({ frequency: "periods", period: "week" })).toEqual([4, 1]);
    expect(count({ frequency: "periods", period: "month" })).toEqual([3, 1]);
    expect(count({ frequency: "periods", period: "quarter" })).toEqual([2, 1]);
    expect(count({ frequency: "periods", period: "year" })).toEqual([1, 1]);
    const mean = rfmScores(rows, { asOf, bins: 2, frequency: "orders", monetary: "mean" });
    expect([...mean.monetary]).toEqual([50 / 3, 10]);
    expect([...mean.orders]).toEqual([3, 1]);
  });

  it("reads crmkit Transactions: purchases only by default; other kinds counted as ignored; refunds netted on request", () => {
    const tx = (id: string, customerId: string, day: number, amount: number, kind: Transaction["kind"]) =>
      parseTransaction({ id, customerId, occurredAt: new Date(Date.UTC(2024, 4, day)), amount: { amount, currency: "EUR" }, kind });
    const txs = [
      tx("t1", "a", 1, 100, "purchase"),
      tx("t2", "a", 2, 30, "refund"),
      tx("t3", "b", 3, 50, "payment"),
      tx("t4", "b", 4, 20, "purchase"),
      tx("t5", "c", 5, 10, "refund"),
      tx("t6", "c", 6, 5, "adjustment"),
    ];
    const asOf = new Date("2024-06-01T00:00:00Z");
    const gross = rfmScores(txs, { asOf, bins: 2 });
    expect(gross.customerIds).toEqual(["a", "b"]);
    expect([...gross.revenue]).toEqual([100, 20]);
    expect(gross.currency).toBe("EUR");
    expect(gross.input).toEqual({ rows: 6, ignored: 4, skippedAfterAsOf: 0, refundOnlyCustomers: 0 });
    const net = rfmScores(txs, { asOf, bins: 2, refunds: "net", kinds: ["purchase", "payment"] });
    expect(net.customerIds).toEqual(["a", "b"]);
    expect([...net.revenue]).toEqual([70, 70]);
    expect([...net.frequency]).toEqual([1, 2]);
    expect(net.input).toEqual({ rows: 6, ignored: 1, skippedAfterAsOf: 0, refundOnlyCustomers: 1 });
  });

  it("accepts purchase columns, per-customer rows and columns, iterables and async iterables alike", async () => {
    const asOf = new Date("2015-02-07T00:00:00Z");
    const expected = [...rfmScores(pymcRows, { asOf }).rfmScore];
    const columns = rfmScores(
      { customerIds: pymcRows.map((r) => r.customerId), at: pymcRows.map((r) => Date.parse(r.at as string)), amounts: Float64Array.from(pymcRows, (r) => r.amount!) },
      { asOf },
    );
    expect([...columns.rfmScore]).toEqual(expected);
    // dictionary-encoded: "9" is in the dictionary without purchases, and the dictionary order differs from first appearance
    const dictionary = ["6", "5", "9", "4", "3", "2", "1"];
    const indexed = rfmScores(
      {
        customers: dictionary,
        customerIndex: Int32Array.from(pymcRows, (r) => dictionary.indexOf(r.customerId)),
        at: pymcRows.map((r) => Date.parse(r.at as string)),
        amounts: pymcRows.map((r) => r.amount!),
      },
      { asOf },
    );
    expect(indexed.customerIds).toEqual(["6", "5", "4", "3", "2", "1"]);
    expect(indexed.customerIds.map((id) => indexed.get(id)!.rfmScore)).toEqual(indexed.customerIds.map((id) => columns.get(id)!.rfmScore));
    function* generate(): Generator<PurchaseRow> {
      yield* pymcRows;
    }
    expect([...rfmScores(generate(), { asOf }).rfmScore]).toEqual(expected);
    async function* stream(): AsyncGenerator<PurchaseRow> {
      yield* pymcRows;
    }
    expect([...(await rfmScores(stream(), { asOf })).rfmScore]).toEqual(expected);
    const base = rfmScores(pymcRows, { asOf });
    const summaryRows = base.customerIds.map((customerId, i) => ({
      customerId,
      recencyDays: base.recencyDays[i]!,
      frequency: base.frequency[i]!,
      monetary: base.monetary[i]!,
    }));
    expect([...rfmScores(summaryRows, { asOf }).rfmScore]).toEqual(expected);
    const byDate = base.customerIds.map((customerId, i) => ({
      customerId,
      lastPurchaseAt: new Date(base.lastPurchaseAt[i]!),
      frequency: base.frequency[i]!,
      monetary: base.monetary[i]!,
    }));
    expect([...rfmScores(byDate, { asOf }).rfmScore]).toEqual(expected);
    const summaryColumns = rfmScores({ customerIds: base.customerIds, recencyDays: base.recencyDays, frequency: base.frequency, monetary: base.monetary }, { asOf });
    expect([...summaryColumns.rfmScore]).toEqual(expected);
  });

  it("offers a per-customer view", () => {
    const s = rfmScores(pymcRows, { asOf: new Date("2015-02-07T00:00:00Z") });
    expect(s.size).toBe(6);
    expect(s.indexOf("4")).toBe(3);
    expect(s.indexOf("nobody")).toBe(-1);
    expect(s.get("nobody")).toBeUndefined();
    expect(s.at(6)).toBeUndefined();
    const row = s.get("4")!;
    expect(row).toMatchObject({ customerId: "4", recencyDays: 2, frequency: 4, monetary: 18, revenue: 18 });
    expect(row.rfmScore).toBe(row.recencyScore * 100 + row.frequencyScore * 10 + row.monetaryScore);
    expect([...s].map((r) => r.customerId)).toEqual(s.customerIds);
  });
});

describe("rfmScores: published behaviour of the rfm package", () => {
  // rsquaredacademy/rfm README (rfm_table_order on rfm_data_orders, analysis date 2006-12-31):
  // recency_days, transaction_count, amount and the scores of the first ten customers.
  const README = [
    ["Abbey O'Reilly DVM", 205, 6, 472, 3, 4, 3],
    ["Add Senger", 140, 3, 340, 4, 1, 2],
    ["Aden Lesch Sr.", 194, 4, 405, 3, 2, 3],
    ["Admiral Senger", 132, 5, 448, 4, 3, 3],
    ["Agness O'Keefe", 90, 9, 843, 5, 5, 5],
    ["Aileen Barton", 84, 9, 763, 5, 5, 5],
    ["Ailene Hermann", 281, 8, 699, 3, 5, 5],
    ["Aiyanna Bruen PhD", 246, 4, 157, 3, 2, 1],
    ["Ala Schmidt DDS", 349, 3, 363, 2, 1, 2],
    ["Alannah Borer", 619, 4, 196, 1, 2, 1],
  ] as const;

  it("scores the README customers as published, with the package's documented thresholds (left-closed, as rfm_table_customer)", () => {
    // thresholds of the package's custom-threshold example: recency 115, 181, 297, 482; frequency 4, 5, 6, 8; monetary 256, 382, 506, 666
    const s = rfmScores(
      README.map(([customerId, recencyDays, frequency, monetary]) => ({ customerId, recencyDays, frequency, monetary })),
      {
        asOf: new Date("2006-12-31T00:00:00Z"),
        binning: "rfm-package",
        cutPoints: { recency: [115, 181, 297, 482], frequency: [4, 5, 6, 8], monetary: [256, 382, 506, 666] },
      },
    );
    expect([...s.recencyScore]).toEqual(README.map((r) => r[4]));
    expect([...s.frequencyScore]).toEqual(README.map((r) => r[5]));
    expect([...s.monetaryScore]).toEqual(README.map((r) => r[6]));
    expect([...s.rfmScore]).toEqual([343, 412, 323, 433, 555, 555, 355, 321, 212, 121]);
  });

  it("reverses recency and adds one to type-7 quantiles in rfm-package mode", () => {
    // days 1..10, counts 1..10: R gives frequency scores 1,1,1,2,2,3,3,4,4,5 and recency the reverse
    const rows = Array.from({ length: 10 }, (_, i) => ({ customerId: `c${i + 1}`, recencyDays: i + 1, frequency: i + 1, monetary: 10 * (i + 1) }));
    const s = rfmScores(rows, { asOf: new Date("2024-01-01T00:00:00Z"), binning: "rfm-package" });
    expect([...s.frequencyScore]).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    expect([...s.recencyScore]).toEqual([5, 5, 5, 4, 4, 3, 3, 2, 2, 1]);
    expect(s.binning.monetary.cutPoints).toEqual([29, 47, 65, 83]);
  });
});

describe("rfmScores: bad input", () => {
  const asOf = new Date("2024-06-01T00:00:00Z");
  const ok: PurchaseRow[] = [
    { customerId: "a", at: "2024-05-01", amount: 10 },
    { customerId: "b", at: "2024-04-01", amount: 20 },
  ];

  it("rejects purchases after asOf, or skips and counts them on request", () => {
    const late = [...ok, { customerId: "a", at: "2024-06-02", amount: 5 }];
    const e = failure(() => rfmScores(late, { asOf }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain("transactions[2].at: Date(2024-06-02T00:00:00.000Z) is after asOf 2024-06-01T00:00:00.000Z");
    const s = rfmScores(late, { asOf, afterAsOf: "skip" });
    expect(s.input.skippedAfterAsOf).toBe(1);
    expect([...s.revenue]).toEqual([10, 20]);
    expect(failure(() => rfmScores([{ customerId: "a", recencyDays: -1, frequency: 1, monetary: 1 }], { asOf })).message).toContain("recencyDays");
  });

  it("rejects mixed currencies", () => {
    const e = failure(() => rfmScores([{ ...ok[0]!, currency: "EUR" }, { ...ok[1]!, currency: "USD" }], { asOf }));
    expect(e.code).toBe("CURRENCY_MISMATCH");
    expect(e.message).toContain("transactions[1]: amount in USD, but the purchases are in EUR");
    expect(failure(() => rfmScores([{ ...ok[0]!, currency: "EUR" }], { asOf, currency: "USD" })).code).toBe("CURRENCY_MISMATCH");
  });

  it("rejects malformed rows, naming the row and field", () => {
    const bad = (row: unknown) => failure(() => rfmScores([ok[0]!, row as PurchaseRow], { asOf })).message;
    expect(bad({ customerId: "", at: "2024-01-01", amount: 1 })).toContain("transactions[1].customerId: expected a non-empty string");
    expect(bad({ customerId: "x", at: "2024-01-01", amount: -1 })).toContain("transactions[1].amount: expected a finite amount >= 0");
    expect(bad({ customerId: "x", at: "2024-01-01", amount: Number.NaN })).toContain("transactions[1].amount");
    expect(bad({ customerId: "x", at: "2024-01-01T10:00", amount: 1 })).toContain("transactions[1].at: expected a valid Date, epoch milliseconds or an ISO 8601");
    expect(bad({ customerId: "x", at: new Date("nope"), amount: 1 })).toContain("transactions[1].at");
    expect(bad(null)).toContain("transactions[1]: expected a Transaction or a purchase row");
    expect(bad({ customerId: "x", recencyDays: 1, frequency: 1, monetary: 1 })).toContain("input[1]: expected a transaction row like the first one");
    expect(bad({ id: "t", customerId: "x", occurredAt: new Date("2024-01-01"), amount: 5, kind: "purchase" })).toContain("transactions[1].amount: expected Money");
  });

  it("rejects bad options", () => {
    const opt = (o: unknown) => failure(() => rfmScores(ok, o as never)).message;
    expect(opt({})).toContain("asOf");
    expect(opt({ asOf: new Date("nope") })).toContain("asOf");
    expect(opt({ asOf, bins: 10 })).toContain("expected at most 9 bins");
    expect(opt({ asOf, bins: 1 })).toContain("expected at least 2 bins");
    expect(opt({ asOf, bins: 2.5 })).toContain("bins");
    expect(opt({ asOf, cutPoints: { monetary: [10, 5] } })).toContain("cutPoints.monetary: expected strictly increasing cut points");
    expect(opt({ asOf, cutPoints: { monetary: [10, Number.POSITIVE_INFINITY] } })).toContain("cutPoints.monetary");
    expect(opt({ asOf, bins: { monetary: 4 }, cutPoints: { monetary: [5, 10] } })).toContain("options.bins.monetary: expected 3 bins");
    expect(opt({ asOf, period: "week" })).toContain('options.period: expected to be used with frequency: "periods"');
    expect(opt({ asOf, binz: 5 })).toContain('Unrecognized key: "binz"');
    expect(opt({ asOf, kinds: ["refund"] })).toContain("kinds");
    expect(opt({ asOf, currency: "XYZ" })).toContain("currency");
    expect(failure(() => rfmScores([{ customerId: "a", recencyDays: 1, frequency: 1, monetary: 1 }], { asOf, frequency: "orders" })).message).toContain(
      "options.frequency: expected to be left out",
    );
  });

  it("rejects empty input, a single customer without cut points, and duplicate summary rows", () => {
    expect(failure(() => rfmScores([], { asOf })).code).toBe("INSUFFICIENT_DATA");
    const onlyRefunds = [parseTransaction({ id: "t", customerId: "a", occurredAt: "2024-01-01T00:00:00Z", amount: { amount: 5, currency: "EUR" }, kind: "refund" })];
    const e = failure(() => rfmScores(onlyRefunds, { asOf }));
    expect(e.code).toBe("INSUFFICIENT_DATA");
    expect(e.message).toContain("1 rows read, 1 of other kinds");
    expect(failure(() => rfmScores([ok[0]!], { asOf })).message).toContain("quantile cut points need at least 2 customers");
    const one = rfmScores([ok[0]!], { asOf, cutPoints: { recency: [30], frequency: [1], monetary: [5] } });
    expect(one.get("a")).toMatchObject({ recencyDays: 31, recencyScore: 1, frequencyScore: 1, monetaryScore: 2 });
    const dup = { customerId: "a", recencyDays: 1, frequency: 1, monetary: 1 };
    expect(failure(() => rfmScores([dup, dup], { asOf })).message).toContain("customers[1].customerId: expected each customer once");
    expect(failure(() => rfmScores(5 as never, { asOf })).message).toContain("input");
    expect(failure(() => rfmScores({ customerIds: ["a"], at: [1, 2], amounts: [1] }, { asOf })).message).toContain("input.at: expected 1 entries");
    expect(failure(() => rfmScores({ customerIds: ["a"] } as never, { asOf })).message).toContain("input: expected purchase columns");
    const at = [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)];
    expect(failure(() => rfmScores({ customers: ["a", "b"], customerIndex: [0, 2], at, amounts: [1, 1] }, { asOf })).message).toContain(
      "input[1]: expected an index into the customer dictionary (0..1), got 2",
    );
    expect(failure(() => rfmScores({ customers: ["a", "a"], customerIndex: [0, 1], at, amounts: [1, 1] }, { asOf })).message).toContain(
      "input.customers[1]: expected each customer once in the dictionary",
    );
    expect(failure(() => rfmScores({ customers: ["a", "b"], customerIndex: [0, 1], at, amounts: [1] }, { asOf })).message).toContain("input.amounts: expected 2 entries");
  });

  it("never puts an object per customer in the columns", () => {
    const s = rfmScores(ok, { asOf });
    for (const c of [s.recencyDays, s.frequency, s.monetary, s.revenue, s.orders, s.lastPurchaseAt]) expect(c).toBeInstanceOf(Float64Array);
    for (const c of [s.recencyScore, s.frequencyScore, s.monetaryScore]) expect(c).toBeInstanceOf(Uint8Array);
    expect(s.rfmScore).toBeInstanceOf(Uint16Array);
    expect(s.lastPurchaseAt[0]).toBe(Date.UTC(2024, 4, 1));
    expect(s.recencyDays[0]).toBe((asOf.getTime() - Date.UTC(2024, 4, 1)) / DAY);
  });
});
