import { describe, expect, it } from "vitest";
import { generateTransactionBatches, type PurchaseProcess } from "../../../src/testing/index.js";
import { bgnbdExpectedRepeats, bgnbdLogLikelihood, bgnbdTotalLogLikelihood, nelderMead, paretoNbdExpectedRepeats } from "../../support/btyd-reference.js";
import { hasSharedData, readSharedText } from "../../support/shared-data.js";

const WEEK = 7 * 86_400_000;
const asOf = new Date("2025-01-01T00:00:00Z");

/** Per-customer summaries (x repeats, t_x, T in weeks; mean spend) of a generated log. */
function summarize(options: Parameters<typeof generateTransactionBatches>[0]) {
  const byCustomer = new Map<number, { times: number[]; amounts: number[] }>();
  for (const b of generateTransactionBatches(options)) {
    for (let j = 0; j < b.length; j++) {
      const i = b.customerIndex[j]!;
      let c = byCustomer.get(i);
      if (c === undefined) byCustomer.set(i, (c = { times: [], amounts: [] }));
      c.times.push(b.occurredAt[j]!);
      c.amounts.push(b.amount[j]!);
    }
  }
  return [...byCustomer.values()].map(({ times, amounts }) => {
    const first = times[0]!;
    return {
      x: times.length - 1,
      tx: (times.at(-1)! - first) / WEEK,
      T: (asOf.getTime() - first) / WEEK,
      meanSpend: amounts.reduce((a, b) => a + b, 0) / amounts.length,
      times,
    };
  });
}

describe("the reference BG/NBD likelihood used by these tests", () => {
  it.skipIf(!hasSharedData("cdnow_customers_summary.csv"))("gives the published log-likelihood −9582.4 on CDNOW at the published estimates", () => {
    const rows = readSharedText("cdnow_customers_summary.csv").trim().split(/\r?\n/).slice(1);
    let ll = 0;
    for (const row of rows) {
      const [, x, tx, T] = row.split(",").map(Number);
      ll += bgnbdLogLikelihood(0.243, 4.414, 0.793, 2.426, x!, tx!, T!);
    }
    // Fader, Hardie & Lee (2005), Table/Section 5: LL = −9582.4 at r 0.243, α 4.414, a 0.793, b 2.426.
    expect(ll).toBeCloseTo(-9582.4, 0);
  });
});

describe("purchases follow the buy-till-you-die process", () => {
  const bgnbd = { kind: "bgnbd", r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
  const summaries = summarize({ seed: "btyd", customers: 12_000, asOf });

  it("BG/NBD: the share of buyers with no repeat purchase matches (α/(α+T))^r", () => {
    // P(X(T) = 0) = (α/(α+T))^r (FHL 2005): no purchase can happen before the first dropout opportunity.
    let expected = 0;
    let variance = 0;
    let observed = 0;
    for (const s of summaries) {
      const p = (bgnbd.alpha / (bgnbd.alpha + s.T)) ** bgnbd.r;
      expected += p;
      variance += p * (1 - p);
      if (s.x === 0) observed++;
    }
    expect(Math.abs(observed - expected)).toBeLessThan(5 * Math.sqrt(variance));
  });

  it("BG/NBD: the number of repeat purchases matches E[X(T)] of the model", () => {
    let residual = 0;
    let squares = 0;
    let total = 0;
    for (const s of summaries) {
      const e = bgnbdExpectedRepeats(bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b, s.T);
      residual += s.x - e;
      squares += (s.x - e) ** 2;
      total += s.x;
    }
    expect(total).toBeGreaterThan(5_000);
    expect(Math.abs(residual)).toBeLessThan(5 * Math.sqrt(squares));
  });

  it("Gamma-Gamma: the mean spend per customer averages pγ/(q − 1)", () => {
    const means = summaries.map((s) => s.meanSpend);
    const m = means.reduce((a, b) => a + b, 0) / means.length;
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - m) ** 2, 0) / (means.length - 1));
    // CDNOW's p 6.25, q 3.74, γ 15.44: E[p/ν] = pγ/(q − 1) ≈ 35.22.
    expect(Math.abs(m - (6.25 * 15.44) / 2.74)).toBeLessThan(5 * (sd / Math.sqrt(means.length)) + 0.005);
  });

  it("a BG/NBD fit on the generated log recovers the generating parameters", () => {
    const nll = (p: number[]) => {
      const [r, alpha, a, b] = p.map(Math.exp) as [number, number, number, number];
      return -bgnbdTotalLogLikelihood(r, alpha, a, b, summaries);
    };
    // The summed form agrees with the one-customer formula.
    const direct = summaries.slice(0, 200).reduce((s, c) => s + bgnbdLogLikelihood(0.3, 5, 0.9, 2, c.x, c.tx, c.T), 0);
    expect(bgnbdTotalLogLikelihood(0.3, 5, 0.9, 2, summaries.slice(0, 200))).toBeCloseTo(direct, 8);
    const fit = nelderMead(nll, [0, 0, 0, 0]);
    const [r, alpha, a, b] = fit.x.map(Math.exp) as [number, number, number, number];
    console.info(`BG/NBD fit on 12,000 generated customers: r ${r.toFixed(3)}, α ${alpha.toFixed(3)}, a ${a.toFixed(3)}, b ${b.toFixed(3)}`);
    // With 12,000 customers the estimates' standard errors are a few percent (r, α) to ~15% (a, b).
    expect(r).toBeGreaterThan(bgnbd.r * 0.85);
    expect(r).toBeLessThan(bgnbd.r * 1.15);
    expect(alpha).toBeGreaterThan(bgnbd.alpha * 0.75);
    expect(alpha).toBeLessThan(bgnbd.alpha * 1.3);
    expect(a).toBeGreaterThan(bgnbd.a * 0.6);
    expect(a).toBeLessThan(bgnbd.a * 1.6);
    expect(b).toBeGreaterThan(bgnbd.b * 0.6);
    expect(b).toBeLessThan(bgnbd.b * 1.6);
    // Mean purchase rate r/α is identified tightly.
    expect((r / alpha) / (bgnbd.r / bgnbd.alpha)).toBeGreaterThan(0.9);
    expect((r / alpha) / (bgnbd.r / bgnbd.alpha)).toBeLessThan(1.1);
  });

  it("Pareto/NBD: the number of repeat purchases matches E[X(T)] of the model", () => {
    const pareto: PurchaseProcess = { kind: "pareto-nbd", r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const rows = summarize({ seed: "pareto", customers: 8_000, asOf, purchases: pareto });
    let residual = 0;
    let squares = 0;
    for (const s of rows) {
      const e = paretoNbdExpectedRepeats(pareto.r, pareto.alpha, pareto.s, pareto.beta, s.T);
      residual += s.x - e;
      squares += (s.x - e) ** 2;
    }
    expect(Math.abs(residual)).toBeLessThan(5 * Math.sqrt(squares));
  });

  it("purchases lie between the first purchase and asOf, oldest first", () => {
    let disordered = 0;
    let late = 0;
    for (const s of summaries) {
      for (let k = 1; k < s.times.length; k++) if (s.times[k]! < s.times[k - 1]!) disordered++;
      if (s.times.at(-1)! > asOf.getTime()) late++;
    }
    expect({ disordered, late }).toEqual({ disordered: 0, late: 0 });
  });
});
