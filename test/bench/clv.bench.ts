import { bench, describe } from "vitest";
import { fitBgNbd, fitGammaGamma, fitParetoNbd, simulateBgNbd, summarizeTransactions } from "../../src/clv/index.js";
import { hasSharedData } from "../support/shared-data.js";
import { readCdnowSummary, readCdnowTransactions } from "../support/cdnow.js";

// lifetimes on this machine type (2 cores), in-process medians (issue #3):
// BG/NBD fit on CDNOW 88 ms, Pareto/NBD 505 ms, Gamma-Gamma 44 ms,
// summary of CDNOW_master.txt (69,659 rows) 147 ms, BG/NBD fit on 1,000,000 simulated customers 16.3 s.
// crmkit's figures, and how they were measured, are in docs/clv.md (section Speed).

describe.skipIf(!hasSharedData("cdnow_customers_summary_with_transactions.csv"))("CDNOW fits (2,357 customers, weeks)", () => {
  const s = readCdnowSummary();
  const data = { frequency: s.x, recency: s.tx, T: s.T, monetaryValue: s.zbar, unit: "week" as const };
  bench("fitBgNbd (lifetimes 88 ms)", () => {
    fitBgNbd(data);
  });
  bench("fitParetoNbd (lifetimes 505 ms)", () => {
    fitParetoNbd(data);
  });
  bench("fitGammaGamma, 946 repeat buyers (lifetimes 44 ms)", () => {
    fitGammaGamma(data);
  });
});

describe.skipIf(!hasSharedData("CDNOW_master.txt"))("summarizeTransactions, CDNOW_master.txt (69,659 rows, 23,570 customers)", () => {
  const log = readCdnowTransactions("CDNOW_master.txt");
  const end = new Date("1998-06-30T00:00:00Z");
  let kept: unknown;
  bench("summarizeTransactions (lifetimes 147 ms)", async () => {
    kept = await summarizeTransactions(log, { observationEnd: end, unit: "week" });
  });
  bench("summarizeTransactions, async stream", async () => {
    async function* rows() {
      for (const r of log) yield r;
    }
    kept = await summarizeTransactions(rows(), { observationEnd: end, unit: "week" });
  });
  void kept;
});

describe("BG/NBD fit on 1,000,000 simulated customers (lifetimes 16.3 s)", () => {
  const n = 1_000_000;
  // a cohort acquired over 12 weeks (daily grid) and observed to week 52: continuous purchase times
  const T = Float64Array.from({ length: n }, (_, i) => 40 + Math.floor((84 * i) / n) / 7);
  const sim = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: n, T, seed: 2026, unit: "week" });
  // the same customers summarised on a daily grid, as summarizeTransactions would give them
  const daily = { ...sim, recency: sim.recency.map((v, i) => Math.min(sim.T[i]!, Math.round(v * 7) / 7)) };
  bench(
    "fitBgNbd, continuous recency (no duplicates to collapse but x = 0)",
    () => {
      fitBgNbd(sim);
    },
    { iterations: 3, time: 0, warmupIterations: 1 },
  );
  bench(
    "fitBgNbd, recency on a daily grid (duplicates collapsed)",
    () => {
      fitBgNbd(daily);
    },
    { iterations: 3, time: 0, warmupIterations: 1 },
  );
});
