import { describe, expect, it } from "vitest";
import { calibrationHoldout } from "../../src/clv/index.js";
import { hasSharedData } from "../support/shared-data.js";
import { d, large, rows } from "../support/lifetimes-purchases.js";
import { readCdnowSummary, readCdnowTransactions } from "../support/cdnow.js";

describe("calibrationHoldout", () => {
  it("reproduces lifetimes' weekly calibration/holdout table", async () => {
    const s = await calibrationHoldout(rows(large), { calibrationEnd: d("2015-02-01"), observationEnd: d("2015-02-07"), unit: "week", period: "week" });
    const t = s.customerIds.map((id, i) => [Number(id), s.frequency[i], s.recency[i], s.T[i], s.holdoutFrequency[i], s.holdoutDuration]);
    expect(t).toEqual([
      [1, 0, 0, 4, 1, 1],
      [2, 0, 0, 4, 0, 1],
      [3, 1, 1, 4, 0, 1],
      [4, 0, 0, 2, 1, 1],
      [5, 0, 0, 2, 0, 1],
    ]);
    expect(s.excludedCustomers).toBe(1);
  });

  it("splits spend between the windows (lifetimes' monetary fixture)", async () => {
    const s = await calibrationHoldout(rows(large), { calibrationEnd: d("2015-02-01"), observationEnd: d("2015-02-07"), unit: "day" });
    expect(Array.from(s.monetaryValue)).toEqual([0, 0, 3, 0, 4.5]);
    expect(Array.from(s.holdoutMonetaryValue)).toEqual([2, 0, 0, 3, 0]);
    expect(Array.from(s.holdoutSpend)).toEqual([2, 0, 0, 6, 0]);
    expect(Array.from(s.holdoutFrequency)).toEqual([1, 0, 0, 2, 0]);
    expect(s.holdoutDuration).toBe(6);
  });

  it("counts rows after observationEnd as bad rows (skipped on request)", async () => {
    const data = rows(large.map(([a, b]) => [a, b]));
    await expect(calibrationHoldout(data, { calibrationEnd: d("2015-02-01"), observationEnd: d("2015-02-04"), unit: "day" })).rejects.toThrow(/rows\[1\]\.at/);
    const s = await calibrationHoldout(data, { calibrationEnd: d("2015-02-01"), observationEnd: d("2015-02-04"), unit: "day", onBadRow: "skip" });
    const byId = Object.fromEntries(s.customerIds.map((id, i) => [id, s.holdoutFrequency[i]]));
    expect(byId["1"]).toBe(0);
    expect(byId["4"]).toBe(1);
    expect(s.stats?.skipped).toBe(2);
  });

  it("rejects a calibration end that is not before the observation end", async () => {
    await expect(calibrationHoldout([], { calibrationEnd: d("2015-02-05"), observationEnd: d("2015-02-04"), unit: "day" })).rejects.toThrow(/calibrationEnd/);
    await expect(calibrationHoldout([], { calibrationEnd: "2015-02-01" as unknown as Date, observationEnd: d("2015-02-04"), unit: "day" })).rejects.toThrow(/calibrationEnd/);
  });
});

describe.skipIf(!hasSharedData("CDNOW_sample.txt") || !hasSharedData("cdnow_customers_summary_with_transactions.csv"))("CDNOW sample, weeks 1-39 / 40-78", () => {
  it("matches the published calibration summary and holdout counts", async () => {
    const s = await calibrationHoldout(readCdnowTransactions("CDNOW_sample.txt"), {
      calibrationEnd: d("1997-09-30"),
      observationEnd: d("1998-06-30"),
      unit: "week",
    });
    const pub = readCdnowSummary();
    expect(s.customerIds.length).toBe(2357);
    for (let i = 0; i < 2357; i++) {
      const k = pub.id.indexOf(Number(s.customerIds[i]));
      expect(s.frequency[i]).toBe(pub.x[k]);
    }
    // README of the shared data: 1,882 holdout repeat purchase-days; 334 of them by the 1,411 customers with x = 0
    let total = 0;
    let zeroX = 0;
    let zeroCount = 0;
    for (let i = 0; i < s.frequency.length; i++) {
      total += s.holdoutFrequency[i]!;
      if (s.frequency[i] === 0) {
        zeroX += s.holdoutFrequency[i]!;
        zeroCount++;
      }
    }
    expect(total).toBe(1882);
    expect(zeroCount).toBe(1411);
    expect(zeroX).toBe(334);
    expect(s.holdoutDuration).toBeCloseTo(39, 10);
  });
});
