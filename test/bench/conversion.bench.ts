// Benchmarks of crmkit/conversion at scale: `npm run bench -- test/bench/conversion.bench.ts`.
// Data are built once, outside the measured functions; iterations are kept low.
import { bench, describe } from "vitest";
import { conversionBySource, fitLogisticRegression, funnel, type ConversionDeal, type StageEntry } from "../../src/conversion/index.js";
import type { Pipeline } from "../../src/model/pipeline.js";
import { seededRandom } from "../../src/math/seeded-random.js";

const DEALS = 1_000_000;
const LEADS = 1_000_000;
const FEATURES = 20;
const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 1);

const pipeline: Pipeline = {
  id: "sales",
  name: "Sales",
  createdAt: new Date(T0),
  stages: [
    { id: "lead", name: "Lead", probability: 0.1, kind: "open" },
    { id: "qualified", name: "Qualified", probability: 0.25, kind: "open" },
    { id: "proposal", name: "Proposal", probability: 0.5, kind: "open" },
    { id: "negotiation", name: "Negotiation", probability: 0.8, kind: "open" },
    { id: "won", name: "Won", probability: 1, kind: "won" },
    { id: "lost", name: "Lost", probability: 0, kind: "lost" },
  ],
};
const openStages = ["lead", "qualified", "proposal", "negotiation"];
const sources = ["referral", "website", "event", "outbound", "partner"];

// Dates and stage entries are immutable in the reports: share them (one per stage and day),
// so a million deals with ~3 entries each fit comfortably in memory.
const days = Array.from({ length: 800 }, (_, d) => new Date(T0 + d * DAY));
const entryPool = new Map<string, StageEntry>();
const entry = (stageId: string, d: number): StageEntry => {
  const key = `${stageId}@${d}`;
  let e = entryPool.get(key);
  if (e === undefined) {
    e = { stageId, enteredAt: days[d]! };
    entryPool.set(key, e);
  }
  return e;
};

function buildDeals(): ConversionDeal[] {
  const random = seededRandom(11);
  const out: ConversionDeal[] = new Array(DEALS);
  for (let i = 0; i < DEALS; i++) {
    const source = sources[Math.floor(random() * sources.length)]!;
    const created = Math.floor(random() * 500);
    let d = created;
    const history: StageEntry[] = [];
    let stage = random() < 0.2 ? 1 : 0; // some deals skip the first stage
    let status: ConversionDeal["status"] = "open";
    for (;;) {
      history.push(entry(openStages[stage]!, d));
      d += 1 + Math.floor(random() * 20);
      const r = random();
      if (r < (source === "referral" ? 0.55 : 0.45)) stage++;
      else if (r < 0.8) {
        status = "lost";
        break;
      } else if (r < 0.85 && stage > 0) stage--; // a backward move
      else break; // still open
      if (stage === openStages.length) {
        status = "won";
        break;
      }
    }
    if (status !== "open") history.push(entry(status, d));
    const last = history[history.length - 1]!;
    out[i] = {
      id: `d${i}`,
      status,
      pipelineId: "sales",
      stageId: last.stageId,
      source,
      createdAt: days[created]!,
      ...(status === "open" ? {} : { closedAt: days[d]! }),
      amount: { amount: 1_000 + Math.floor(random() * 50_000), currency: "EUR" },
      stageHistory: history,
    };
  }
  return out;
}

function buildDesign(): { x: Float64Array; y: Float64Array } {
  const random = seededRandom(12);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const beta = Array.from({ length: FEATURES }, (_, j) => (j % 2 === 0 ? 0.3 : -0.2) / (1 + j / 5));
  const x = new Float64Array(LEADS * FEATURES);
  const y = new Float64Array(LEADS);
  for (let i = 0; i < LEADS; i++) {
    let eta = -2;
    for (let j = 0; j < FEATURES; j++) {
      const v = j < 5 ? (random() < 0.3 ? 1 : 0) : gauss();
      x[i * FEATURES + j] = v;
      eta += beta[j]! * v;
    }
    y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { x, y };
}

const deals = buildDeals();
const asOf = days[600]!;
const design = buildDesign();

describe("conversion at scale", () => {
  bench(
    `funnel: ${DEALS.toLocaleString("en")} deals with stage histories, by source`,
    () => {
      funnel(deals, pipeline, { asOf, groupBy: ["source"] });
    },
    { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 },
  );
  bench(
    `deal-source report: ${DEALS.toLocaleString("en")} deals`,
    () => {
      conversionBySource(deals, { asOf });
    },
    { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 },
  );
  bench(
    `logistic fit (IRLS): ${LEADS.toLocaleString("en")} leads × ${FEATURES} features`,
    () => {
      fitLogisticRegression({ x: design.x, y: design.y, rows: LEADS, columns: FEATURES }, { ridge: 1 });
    },
    { iterations: 2, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
