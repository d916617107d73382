import { describe, expect, it } from "vitest";
import { BgNbdModel, calibrationHoldout, calibrationHoldoutTable, cumulativeTransactions, fitBgNbd, fitParetoNbd, frequencyHistogram, summarizeTransactions } from "../../src/clv/index.js";
import { hasSharedData } from "../support/shared-data.js";
import { readCdnowTransactions } from "../support/cdnow.js";

const d = (s: string): Date => new Date(`${s}T00:00:00Z`);

describe.skipIf(!hasSharedData("CDNOW_sample.txt"))("diagnostics on CDNOW", () => {
  const log = readCdnowTransactions("CDNOW_sample.txt");

  it("cumulative tracking equals the BTYD walkthrough (Pareto/NBD, weeks 20-25; lifetimes' test)", async () => {
    const summary = await summarizeTransactions(log.filter((r) => r.at <= d("1997-09-30")), { observationEnd: d("1997-09-30"), unit: "week" });
    const model = fitParetoNbd(summary);
    const s = await cumulativeTransactions(model, log, { unit: "week", length: 25 });
    expect(Array.from(s.actual.subarray(19, 25))).toEqual([1359, 1414, 1484, 1517, 1573, 1672]);
    const btyd = [1309, 1385, 1460, 1533, 1604, 1674];
    btyd.forEach((v, i) => expect(Math.abs(s.expected[19 + i]! - v)).toBeLessThanOrEqual(1));
    // incremental: BTYD inc.tracking 78.31 76.42 74.65 72.98 71.41 69.93
    const inc = [78.31, 76.42, 74.65, 72.98, 71.41, 69.93];
    inc.forEach((v, i) => expect(Math.abs(s.expected[19 + i]! - s.expected[18 + i]! - v)).toBeLessThan(0.1));
  });

  it("daily tracking equals lifetimes' BG/NBD values for 1997-01-11..14", async () => {
    const summary = await summarizeTransactions(log.filter((r) => r.at <= d("1997-09-30")), { observationEnd: d("1997-09-30"), unit: "day" });
    const model = fitBgNbd(summary);
    const s = await cumulativeTransactions(model, log, { unit: "day", length: 14 });
    expect(Array.from(s.actual.subarray(10, 14))).toEqual([11, 12, 15, 19]);
    [10.67, 12.67, 14.87, 17.24].forEach((v, i) => expect(Math.abs(s.expected[10 + i]! - v)).toBeLessThan(0.02));
  });

  it("calibration/holdout table: 334/1411 = 0.24 repeat purchases for x = 0, predicted closely", async () => {
    const split = await calibrationHoldout(log, { calibrationEnd: d("1997-09-30"), observationEnd: d("1998-06-30"), unit: "week" });
    const t = calibrationHoldoutTable(fitBgNbd(split), split, { maxFrequency: 7 });
    expect(t.customers[0]).toBe(1411);
    expect(t.actual[0]).toBeCloseTo(334 / 1411, 12);
    expect(Math.abs(t.expected[0]! - t.actual[0]!)).toBeLessThan(0.05);
    for (let k = 1; k < 7; k++) expect(Math.abs(t.expected[k]! - t.actual[k]!) / Math.max(0.5, t.actual[k]!)).toBeLessThan(0.5);
    let n = 0;
    t.customers.forEach((c) => (n += c));
    expect(n).toBe(2357);
  });

  it("frequency histogram: expected counts sum to the customers and track the actual ones", async () => {
    const summary = await summarizeTransactions(log.filter((r) => r.at <= d("1997-09-30")), { observationEnd: d("1997-09-30"), unit: "week" });
    const h = frequencyHistogram(fitBgNbd(summary), summary, { maxFrequency: 7 });
    expect(h.actual[0]).toBe(1411);
    let e = 0;
    h.expected.forEach((v) => (e += v));
    expect(e).toBeCloseTo(2357, 6);
    for (let k = 0; k <= 3; k++) expect(Math.abs(h.expected[k]! / h.actual[k]! - 1)).toBeLessThan(0.15);
  });
});

describe("diagnostics input checks", () => {
  const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: "week" });
  it("rejects bad options", async () => {
    expect(() => frequencyHistogram(m, { frequency: [0], recency: [0], T: [1] }, { maxFrequency: 0 })).toThrow(/maxFrequency/);
    expect(() => calibrationHoldoutTable(m, {} as never)).toThrow(/calibrationHoldout/);
    await expect(cumulativeTransactions(m, [], { unit: "day", length: 3 })).rejects.toThrow(/unit/);
    await expect(cumulativeTransactions(m, [], { unit: "week", length: 0 })).rejects.toThrow(/length/);
    const empty = await cumulativeTransactions(m, [], { unit: "week", length: 2 });
    expect(Array.from(empty.actual)).toEqual([0, 0]);
  });
});
