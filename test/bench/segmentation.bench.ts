// Benchmarks of crmkit/segmentation. Run: npm run bench -- test/bench/segmentation.bench.ts
// The data are generated once, outside the timed functions, by a small seeded generator.
import { bench, describe } from "vitest";
import type { Customer } from "../../src/model/customer.js";
import { compileSegment } from "../../src/segmentation/compile-segment.js";
import { rfmScores } from "../../src/segmentation/rfm-scores.js";
import type { PurchaseRow } from "../../src/model/purchase-row.js";
import { rfmSegments } from "../../src/segmentation/rfm-segments.js";
import { segmentCustomers } from "../../src/segmentation/segment-customers.js";
import { summarizeSegments } from "../../src/segmentation/segment-summary.js";
import { seededRandom as prng } from "../../src/math/seeded-random.js";

const DAY = 86_400_000;
const ASOF = Date.UTC(2025, 0, 1);
const CUSTOMERS = 1_000_000;
const TRANSACTIONS = 10_000_000;

const ids = Array.from({ length: CUSTOMERS }, (_, i) => `cus_${i.toString(36).padStart(5, "0")}`);

/** 10M purchases over two years: every customer buys at least once, heavy buyers more (skewed draw). */
function purchaseColumns(seed: number) {
  const rand = prng(seed);
  const customerIds: string[] = new Array<string>(TRANSACTIONS);
  const at = new Float64Array(TRANSACTIONS);
  const amounts = new Float64Array(TRANSACTIONS);
  for (let t = 0; t < TRANSACTIONS; t++) {
    const c = t < CUSTOMERS ? t : Math.floor(CUSTOMERS * rand() ** 2);
    customerIds[t] = ids[c]!;
    at[t] = ASOF - Math.floor(rand() * 730 * DAY);
    amounts[t] = Math.round((5 + 200 * rand() ** 3) * 100) / 100;
  }
  return { customerIds, at, amounts, currency: "EUR" };
}

/** The same purchases dictionary-encoded: customer positions instead of id strings. */
function indexedColumns(cols: ReturnType<typeof purchaseColumns>) {
  const position = new Map(ids.map((id, i) => [id, i]));
  const customerIndex = Int32Array.from(cols.customerIds, (id) => position.get(id)!);
  return { customers: ids, customerIndex, at: cols.at, amounts: cols.amounts, currency: cols.currency };
}

const columns = purchaseColumns(42);
const indexed = indexedColumns(columns);
const rowCount = 1_000_000;
const rows: PurchaseRow[] = Array.from({ length: rowCount }, (_, t) => ({
  customerId: columns.customerIds[t * 10]!,
  at: columns.at[t * 10]!,
  amount: columns.amounts[t * 10]!,
}));

/** 1M customers as plain objects (what a repository would hand over). */
function customers(seed: number): Customer[] {
  const rand = prng(seed);
  const cities = [
    { city: "Berlin", latitude: 52.52, longitude: 13.405, country: "DE" },
    { city: "Hamburg", latitude: 53.551, longitude: 9.994, country: "DE" },
    { city: "Paris", latitude: 48.857, longitude: 2.352, country: "FR" },
    { city: "Madrid", latitude: 40.417, longitude: -3.704, country: "ES" },
  ];
  const tags = ["vip", "newsletter", "b2b", "churn-risk"];
  return ids.map((id): Customer => {
    const home = cities[Math.floor(rand() * cities.length)]!;
    return {
      id,
      createdAt: new Date(ASOF - Math.floor(rand() * 1000 * DAY)),
      emails: [{ address: `${id}@example.com` }],
      phones: [],
      lifecycleStage: rand() < 0.7 ? "customer" : "lead",
      lifecycleHistory: [],
      location: {
        country: home.country,
        city: home.city,
        coordinates: { latitude: home.latitude + (rand() - 0.5) * 0.6, longitude: home.longitude + (rand() - 0.5) * 0.9 },
      },
      tags: tags.filter(() => rand() < 0.2),
      attributes: { plan: rand() < 0.2 ? "gold" : "basic", seats: Math.floor(rand() * 50) },
      consent: { email: { status: rand() < 0.8 ? "granted" : "denied" } },
    };
  });
}

const people = customers(7);
const scores = rfmScores(columns, { asOf: new Date(ASOF) });
const segmentOf = rfmSegments(scores).toMap();
const asOf = new Date(ASOF);

const berlinVips = {
  id: "berlin-vips",
  where: {
    op: "all",
    conditions: [
      { field: "consent.email.status", op: "eq", value: "granted" },
      { field: "location.coordinates", op: "withinRadius", center: { latitude: 52.52, longitude: 13.405 }, radiusKm: 25 },
      {
        op: "any",
        conditions: [
          { field: "metrics.rfmSegment", op: "in", values: ["Champions", "Loyal Customers", "Potential Loyalist"] },
          { field: "tags", op: "contains", value: "vip" },
        ],
      },
      { op: "not", condition: { field: "createdAt", op: "withinLast", days: 30 } },
    ],
  },
};
const compiled = compileSegment(berlinVips, { asOf, metrics: { rfmSegment: segmentOf } });
const definitions = [
  berlinVips,
  { id: "gold", where: { field: "attributes.plan", op: "eq", value: "gold" } },
  { id: "new-leads", where: { op: "all", conditions: [{ field: "lifecycleStage", op: "eq", value: "lead" }, { field: "createdAt", op: "withinLast", days: 90 }] } },
];

const once = { iterations: 3, warmupIterations: 0, time: 0, warmupTime: 0 };

describe("segmentation: RFM", () => {
  bench(
    "rfmScores + rfmSegments: 10M purchases (columns) -> 1M customers",
    () => {
      const s = rfmScores(columns, { asOf });
      rfmSegments(s);
    },
    once,
  );

  bench(
    "rfmScores + rfmSegments: 10M purchases (dictionary-encoded columns) -> 1M customers",
    () => {
      rfmSegments(rfmScores(indexed, { asOf }));
    },
    once,
  );

  bench(
    "rfmScores: 1M purchase row objects (plain rows)",
    () => {
      rfmScores(rows, { asOf });
    },
    once,
  );

  bench(
    "rfmSegments + summarizeSegments on 1M scored customers",
    () => {
      summarizeSegments(rfmSegments(scores));
    },
    once,
  );
});

describe("segmentation: rules", () => {
  bench(
    "compiled rule (4 conditions, radius, metric) over 1M customers",
    () => {
      let n = 0;
      for (const c of people) if (compiled(c)) n++;
      if (n === 0) throw new Error("the rule matched nobody");
    },
    once,
  );

  bench(
    "segmentCustomers: 3 segments over 1M customers, with overlaps",
    () => {
      segmentCustomers(definitions, people, { asOf, metrics: { rfmSegment: segmentOf } });
    },
    once,
  );
});
