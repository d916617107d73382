import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Customer } from "../../src/model/customer.js";
import { compileSegment } from "../../src/segmentation/compile-segment.js";
import type { FieldCondition, SegmentCondition } from "../../src/segmentation/segment-definition.js";
import { interpret } from "./support/interpret-segment.js";

const ASOF = Date.UTC(2024, 5, 1);
const DAY = 86_400_000;

const words = ["Ada", "ada", "ADA", "Bob", "DE", "de", "FR", "vip", "VIP", "gold", "Gold", "silver", "Berlin", "berlin", "Paris", "a", "e", "@x.com", "@Y.org", "lead", "customer"];
const word = fc.constantFrom(...words);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
// hour-aligned instants, with weight on the boundaries of withinLast windows (asOf, asOf − 1, 7, 30 days)
const instant = fc.oneof(
  fc.integer({ min: ASOF - 800 * DAY, max: ASOF + 30 * DAY }).map((ms) => Math.floor(ms / 3_600_000) * 3_600_000),
  fc.constantFrom(ASOF, ASOF - DAY, ASOF - 7 * DAY, ASOF - 30 * DAY, ASOF + 1),
);
const days = fc.oneof(fc.constantFrom(1, 7, 30), fc.integer({ min: 1, max: 900 }));
const isoDate = instant.chain((ms) => fc.constantFrom(new Date(ms).toISOString(), new Date(ms).toISOString().slice(0, 10)));
const smallNumber = fc.constantFrom(-3, 0, 1, 2.5, 3, 10, 12, 48.85, 52.52);
const geo = fc.record({ latitude: fc.double({ min: 40, max: 60, noNaN: true }), longitude: fc.double({ min: -5, max: 25, noNaN: true }) });

const attributeValue = fc.oneof(
  word,
  smallNumber,
  fc.boolean(),
  fc.constant(null),
  instant.map((ms) => new Date(ms)),
  fc.array(word, { maxLength: 3 }),
);

const customerArb: fc.Arbitrary<Customer> = fc
  .record({
    id: fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c6"),
    firstName: maybe(word),
    lastName: maybe(word),
    createdAt: instant,
    updatedAt: maybe(instant),
    birthDate: maybe(fc.integer({ min: 0, max: 20_000 }).map((d) => new Date(d * DAY).toISOString().slice(0, 10))),
    acquisitionSource: maybe(fc.constantFrom("referral", "website")),
    country: maybe(fc.constantFrom("DE", "FR", "US")),
    city: maybe(fc.constantFrom("Berlin", "Paris", "Potsdam")),
    coordinates: maybe(geo),
    tags: fc.array(word, { maxLength: 4 }),
    emails: fc.array(fc.constantFrom("ada@x.com", "BOB@Y.org", "e@z.de"), { maxLength: 2 }),
    stages: fc.array(fc.constantFrom("lead", "customer"), { maxLength: 2 }),
    emailConsent: maybe(fc.record({ status: fc.constantFrom("granted", "denied", "unknown" as const), updatedAt: maybe(instant) })),
    plan: maybe(attributeValue),
    seats: maybe(attributeValue),
  })
  .map((r): Customer => {
    const location = r.country === undefined && r.city === undefined && r.coordinates === undefined ? undefined : { country: r.country, city: r.city, coordinates: r.coordinates };
    const attributes: Record<string, unknown> = {};
    if (r.plan !== undefined) attributes.plan = r.plan;
    if (r.seats !== undefined) attributes.seats = r.seats;
    return {
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      createdAt: new Date(r.createdAt),
      updatedAt: r.updatedAt === undefined ? undefined : new Date(r.updatedAt),
      birthDate: r.birthDate,
      acquisitionSource: r.acquisitionSource,
      location,
      tags: r.tags,
      emails: r.emails.map((address) => ({ address })),
      phones: [],
      lifecycleHistory: r.stages.map((stage, i) => ({ stage, enteredAt: new Date(ASOF - (10 - i) * DAY) })),
      attributes: attributes as Customer["attributes"],
      consent:
        r.emailConsent === undefined
          ? {}
          : { email: { status: r.emailConsent.status, updatedAt: r.emailConsent.updatedAt === undefined ? undefined : new Date(r.emailConsent.updatedAt) } },
    };
  });

const ic = fc.option(fc.boolean(), { nil: undefined });
const textOps = fc.constantFrom("contains" as const, "startsWith" as const, "endsWith" as const);
const orderOps = fc.constantFrom("gt" as const, "gte" as const, "lt" as const, "lte" as const);

function stringLeaf(field: string): fc.Arbitrary<FieldCondition> {
  return fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constant("eq" as const), value: word, ignoreCase: ic }),
    fc.record({ field: fc.constant(field), op: fc.constant("in" as const), values: fc.array(word, { minLength: 1, maxLength: 3 }), ignoreCase: ic }),
    fc.record({ field: fc.constant(field), op: textOps, value: word, ignoreCase: ic }),
    fc.constant({ field, op: "exists" as const }),
  );
}

function numberLeaf(field: string): fc.Arbitrary<FieldCondition> {
  return fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constant("eq" as const), value: smallNumber }),
    fc.record({ field: fc.constant(field), op: fc.constant("in" as const), values: fc.array(smallNumber, { minLength: 1, maxLength: 3 }) }),
    fc.record({ field: fc.constant(field), op: orderOps, value: fc.double({ min: -10, max: 60, noNaN: true }) }),
    fc.tuple(fc.double({ min: -10, max: 60, noNaN: true }), fc.double({ min: -10, max: 60, noNaN: true })).map(([a, b]) => ({
      field,
      op: "between" as const,
      min: Math.min(a, b),
      max: Math.max(a, b),
    })),
    fc.constant({ field, op: "exists" as const }),
  );
}

function dateLeaf(field: string): fc.Arbitrary<FieldCondition> {
  return fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constant("eq" as const), value: isoDate }),
    fc.record({ field: fc.constant(field), op: orderOps, value: isoDate }),
    fc.tuple(instant, instant).map(([a, b]) => ({
      field,
      op: "between" as const,
      min: new Date(Math.min(a, b)).toISOString(),
      max: new Date(Math.max(a, b)).toISOString(),
    })),
    fc.record({ field: fc.constant(field), op: fc.constant("withinLast" as const), days }),
    fc.constant({ field, op: "exists" as const }),
  );
}

function listLeaf(field: string): fc.Arbitrary<FieldCondition> {
  return fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constant("in" as const), values: fc.array(word, { minLength: 1, maxLength: 3 }), ignoreCase: ic }),
    fc.record({ field: fc.constant(field), op: textOps, value: fc.oneof(word, fc.constantFrom("ada@x.com", "lead")), ignoreCase: ic }),
    fc.constant({ field, op: "exists" as const }),
  );
}

const geoLeaf: fc.Arbitrary<FieldCondition> = fc.oneof(
  fc.record({ field: fc.constant("location.coordinates"), op: fc.constant("withinRadius" as const), center: geo, radiusKm: fc.double({ min: 1, max: 2000, noNaN: true }) }),
  fc.constant({ field: "location.coordinates", op: "exists" as const }),
);

function dynamicLeaf(field: string): fc.Arbitrary<FieldCondition> {
  const scalar = fc.oneof(word, smallNumber, fc.boolean(), isoDate);
  return fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constant("eq" as const), value: scalar, ignoreCase: ic }),
    fc.record({ field: fc.constant(field), op: fc.constant("in" as const), values: fc.array(scalar, { minLength: 1, maxLength: 3 }), ignoreCase: ic }),
    fc.record({ field: fc.constant(field), op: orderOps, value: fc.oneof(smallNumber, isoDate) }),
    fc.record({ field: fc.constant(field), op: textOps, value: word, ignoreCase: ic }),
    fc.record({ field: fc.constant(field), op: fc.constant("withinLast" as const), days }),
    fc.constant({ field, op: "exists" as const }),
  );
}

const leafArb: fc.Arbitrary<FieldCondition> = fc.oneof(
  stringLeaf("firstName"),
  stringLeaf("location.country"),
  stringLeaf("location.city"),
  stringLeaf("consent.email.status"),
  numberLeaf("location.coordinates.latitude"),
  dateLeaf("createdAt"),
  dateLeaf("updatedAt"),
  dateLeaf("birthDate"),
  dateLeaf("consent.email.updatedAt"),
  listLeaf("tags"),
  listLeaf("emails"),
  listLeaf("lifecycleHistory.stage"),
  geoLeaf,
  dynamicLeaf("attributes.plan"),
  dynamicLeaf("attributes.seats"),
  dynamicLeaf("metrics.segment"),
  dynamicLeaf("metrics.score"),
);

const conditionArb: fc.Arbitrary<SegmentCondition> = fc.letrec<{ node: SegmentCondition }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.record({ op: fc.constantFrom("all" as const, "any" as const), conditions: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }),
    fc.record({ op: fc.constant("not" as const), condition: tie("node") }),
  ),
})).node;

const segmentMetric = new Map<string, unknown>([
  ["c1", "Champions"],
  ["c2", "gold"],
  ["c3", 12],
  ["c4", new Date(ASOF - 5 * DAY)],
  ["c5", ["vip", "Gold"]],
]);
const scoreMetric = (c: Customer): unknown => (c.id === "c6" ? undefined : c.id.charCodeAt(1) * 1.5 - 70);

describe("compileSegment equals a straightforward interpreter", () => {
  it("on random definitions and customers", () => {
    fc.assert(
      fc.property(conditionArb, fc.array(customerArb, { minLength: 1, maxLength: 8 }), (where, customers) => {
        // JSON round trip: what a stored definition looks like (drops undefined ignoreCase)
        const definition = JSON.parse(JSON.stringify({ id: "random", where })) as { id: string; where: SegmentCondition };
        const metrics = { segment: segmentMetric as Map<string, never>, score: scoreMetric as never };
        const compiled = compileSegment(definition, { asOf: new Date(ASOF), metrics });
        for (const c of customers) {
          expect(compiled(c)).toBe(interpret(definition.where, c, { asOf: ASOF, metrics: { segment: segmentMetric, score: scoreMetric } }));
        }
      }),
      { numRuns: 600 },
    );
  });
});
