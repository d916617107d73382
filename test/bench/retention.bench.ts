// Retention at scale. Data are built once, outside the measured functions, from a
// small seeded generator:
// - 10,000,000 transactions of 1,000,000 customers over three years (2022–2024),
//   in time order as a store's stream ordered by `occurredAt` yields them. The
//   rows are held as columns and streamed through one reused row object, so the
//   figures are crmkit's cost (reading, bucketing, counting), not the cost of
//   materialising 10M objects. Rows per second = 10,000,000 × hz.
// - 1,000,000 right-censored durations in whole days (ties, as real data have).
import { bench, describe } from "vitest";
import { cohortRetention, fitShiftedBetaGeometric, kaplanMeier, logRankTest, type ActivityRow } from "../../src/retention/index.js";
import { seededRandom } from "../../src/math/seeded-random.js";

const random = seededRandom(7);

const CUSTOMERS = 1_000_000;
const TRANSACTIONS = 10_000_000;
const START = Date.UTC(2022, 0, 1);
const DAYS = 1096;
const DAY = 86_400_000;
const asOf = new Date(START + DAYS * DAY);

// Each customer: an acquisition day, then purchases at exponential gaps (mean 60 days)
// until the horizon; transaction counts are then scaled to exactly 10M rows.
const ids = Array.from({ length: CUSTOMERS }, (_, i) => `cus_${i.toString(36).padStart(5, "0")}`);
const txCustomer = new Int32Array(TRANSACTIONS);
const txDay = new Int32Array(TRANSACTIONS);
{
  let n = 0;
  while (n < TRANSACTIONS) {
    for (let c = 0; c < CUSTOMERS && n < TRANSACTIONS; c++) {
      let day = Math.floor(random() * DAYS);
      // 30% buy once; the others come back with a customer-specific rate.
      const gap = random() < 0.3 ? Number.POSITIVE_INFINITY : 20 + random() * 120;
      while (day < DAYS && n < TRANSACTIONS) {
        txCustomer[n] = c;
        txDay[n] = day;
        n++;
        day += Math.ceil(-Math.log(1 - random()) * gap);
      }
    }
  }
}
// Time order: counting sort by day.
const order = new Int32Array(TRANSACTIONS);
{
  const start = new Int32Array(DAYS + 1);
  for (let i = 0; i < TRANSACTIONS; i++) start[txDay[i]! + 1]!++;
  for (let d = 0; d < DAYS; d++) start[d + 1]! += start[d]!;
  for (let i = 0; i < TRANSACTIONS; i++) order[start[txDay[i]!]!++] = i;
}
const txMs = new Float64Array(TRANSACTIONS);
const txAmount = new Float64Array(TRANSACTIONS);
for (let i = 0; i < TRANSACTIONS; i++) {
  const j = order[i]!;
  txMs[i] = START + txDay[j]! * DAY + Math.floor(random() * DAY);
  txAmount[i] = 5 + Math.floor(random() * 200);
}
const txCustomerSorted = new Int32Array(TRANSACTIONS);
for (let i = 0; i < TRANSACTIONS; i++) txCustomerSorted[i] = txCustomer[order[i]!]!;

/** Streams the columns as rows through one reused object (the consumer never keeps a row). */
function* transactions(withAmounts: boolean): Generator<ActivityRow> {
  const at = new Date(0);
  const row: { customerId: string; at: Date; amount?: number } = { customerId: "", at };
  for (let i = 0; i < TRANSACTIONS; i++) {
    row.customerId = ids[txCustomerSorted[i]!]!;
    at.setTime(txMs[i]!);
    if (withAmounts) row.amount = txAmount[i]!;
    yield row;
  }
}

const DURATIONS = 1_000_000;
const durations = new Float64Array(DURATIONS);
const observed = new Uint8Array(DURATIONS);
for (let i = 0; i < DURATIONS; i++) {
  durations[i] = Math.floor(-Math.log(1 - random()) * (random() < 0.5 ? 200 : 900));
  observed[i] = random() < 0.8 ? 1 : 0;
}
const half = DURATIONS / 2;
const groupA = { durations: durations.subarray(0, half), observed: observed.subarray(0, half) };
const groupB = { durations: durations.subarray(half), observed: observed.subarray(half) };

const twice = { iterations: 2, warmupIterations: 0, time: 0 };
const once = { iterations: 1, warmupIterations: 0, time: 0 };

describe("cohort tables, 10,000,000 transactions / 1,000,000 customers", () => {
  bench("cohortRetention, monthly (36 cohorts × 36 ages)", async () => {
    await cohortRetention(transactions(false), { period: "month", asOf });
  }, twice);
  bench("cohortRetention, monthly, revenue-weighted", async () => {
    await cohortRetention(transactions(true), { period: "month", asOf, revenue: true });
  }, once);
});

describe("survival, 1,000,000 durations", () => {
  bench("kaplanMeier (log-log intervals, median CI)", () => {
    kaplanMeier(durations, observed);
  }, { iterations: 5, warmupIterations: 1, time: 0 });
  bench("logRankTest, 500,000 vs 500,000", () => {
    logRankTest(groupA, groupB);
  }, { iterations: 3, warmupIterations: 1, time: 0 });
});

describe("sBG", () => {
  const survivors = Array.from({ length: 36 }, (_, k) => {
    const s = [100_000];
    for (let t = 1; t <= 36 - k; t++) s.push(Math.round(s[t - 1]! * (0.8 + 0.18 * (1 - 1 / (t + 1)))));
    return s;
  });
  bench("fitShiftedBetaGeometric, 36 monthly cohorts", () => {
    fitShiftedBetaGeometric(survivors);
  }, { iterations: 20, warmupIterations: 2, time: 0 });
});
