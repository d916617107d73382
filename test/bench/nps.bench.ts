// npsScore over 10 million responses: as a Uint8Array column, a Float64Array column
// and an array of SurveyResponse records; plus npsTrend / npsBy over 1 million
// records (and latestPerCustomer over 1 million customers). Data are built once, outside the measured functions. Rows per second =
// 10,000,000 (or 1,000,000) × the reported hz.
import { bench, describe } from "vitest";
import type { SurveyResponse } from "../../src/model/index.js";
import { npsBy, npsScore, npsTrend } from "../../src/nps/index.js";
import { seededRandom } from "../../src/math/seeded-random.js";

const N = 10_000_000;

// A fixed, realistic answer distribution (roughly NPS +30) from a seeded generator.
const random = seededRandom(42);
const cumulative = [0.02, 0.03, 0.04, 0.05, 0.07, 0.1, 0.15, 0.25, 0.45, 0.7, 1];
function answer(): number {
  const u = random();
  let s = 0;
  while (u > cumulative[s]!) s++;
  return s;
}

const bytes = new Uint8Array(N);
for (let i = 0; i < N; i++) bytes[i] = answer();
const doubles = Float64Array.from(bytes);

// Records share their Date and attributes objects to keep 10M rows within the heap.
const days = Array.from({ length: 730 }, (_, d) => new Date(Date.UTC(2023, 0, 1 + d)));
const attributes = {};
const sources = ["referral", "website", "event", "ads"];
const records: SurveyResponse[] = new Array<SurveyResponse>(N);
for (let i = 0; i < N; i++) {
  records[i] = { id: `r${i}`, customerId: `c${i % 2_000_000}`, kind: "nps", score: bytes[i]!, respondedAt: days[i % 730]!, attributes };
}
const million = records.slice(0, 1_000_000); // customers c0 … c999999, one response each

describe("npsScore, 10,000,000 responses", () => {
  bench("Uint8Array column", () => {
    npsScore(bytes);
  }, { iterations: 5, warmupIterations: 1, time: 0 });
  bench("Float64Array column", () => {
    npsScore(doubles);
  }, { iterations: 5, warmupIterations: 1, time: 0 });
  bench("SurveyResponse records", () => {
    npsScore(records);
  }, { iterations: 3, warmupIterations: 1, time: 0 });
});

describe("selection, trends and segments, 1,000,000 records", () => {
  bench("npsScore, latestPerCustomer (1,000,000 customers)", () => {
    npsScore(million, { latestPerCustomer: true });
  }, { iterations: 3, warmupIterations: 1, time: 0 });
  bench("npsTrend by ISO week (105 weeks)", () => {
    npsTrend(million, { period: "week" });
  }, { iterations: 3, warmupIterations: 1, time: 0 });
  bench("npsBy, 4 segments", () => {
    npsBy(million, (r) => sources[Number(r.customerId!.slice(1)) % 4]);
  }, { iterations: 3, warmupIterations: 1, time: 0 });
});
