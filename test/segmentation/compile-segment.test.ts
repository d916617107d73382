import { describe, expect, it } from "vitest";
import { compileSegment } from "../../src/segmentation/compile-segment.js";
import type { SegmentCondition } from "../../src/segmentation/segment-definition.js";
import { customer } from "./support/customers.js";
import { failureOf as thrown } from "../support/crmkit-failure.js";

const asOf = new Date("2024-06-01T00:00:00Z");

const ada = customer({
  id: "c-ada",
  firstName: "Ada",
  lastName: "Lovelace",
  emails: [{ address: "ada@Example.com", primary: true }, { address: "ada@work.org" }],
  createdAt: "2024-05-20T12:00:00Z",
  birthDate: "1990-12-10",
  acquisitionSource: "referral",
  lifecycleStage: "customer",
  lifecycleHistory: [
    { stage: "lead", enteredAt: "2024-05-20T12:00:00Z" },
    { stage: "customer", enteredAt: "2024-05-25T12:00:00Z" },
  ],
  location: { country: "DE", city: "Berlin", coordinates: { latitude: 52.52, longitude: 13.405 } },
  tags: ["vip", "Newsletter"],
  attributes: { plan: "gold", seats: 12, renewal: new Date("2024-07-01T00:00:00Z"), beta: true, features: ["sso", "api"], note: null },
  consent: { email: { status: "granted", updatedAt: "2024-05-21T00:00:00Z" } },
});

const bob = customer({
  id: "c-bob",
  firstName: "Bob",
  createdAt: "2023-01-15T08:00:00Z",
  location: { country: "FR", city: "Paris", coordinates: { latitude: 48.8566, longitude: 2.3522 } },
  tags: [],
  attributes: { plan: "silver", seats: 3 },
});

const bare = customer({ id: "c-bare" });

function matches(where: SegmentCondition, options = {}): string[] {
  const seg = compileSegment({ id: "s", where }, { asOf, ...options });
  return [ada, bob, bare].filter(seg).map((c) => c.id);
}

describe("compileSegment: operators on customer fields", () => {
  it("eq on strings, exact or ignoring case", () => {
    expect(matches({ field: "firstName", op: "eq", value: "Ada" })).toEqual(["c-ada"]);
    expect(matches({ field: "firstName", op: "eq", value: "ada" })).toEqual([]);
    expect(matches({ field: "firstName", op: "eq", value: "ADA", ignoreCase: true })).toEqual(["c-ada"]);
    expect(matches({ field: "location.country", op: "eq", value: "FR" })).toEqual(["c-bob"]);
    expect(matches({ field: "consent.email.status", op: "eq", value: "granted" })).toEqual(["c-ada"]);
  });

  it("eq on dates compares instants", () => {
    expect(matches({ field: "createdAt", op: "eq", value: "2024-05-20T14:00:00+02:00" })).toEqual(["c-ada"]);
    expect(matches({ field: "birthDate", op: "eq", value: "1990-12-10" })).toEqual(["c-ada"]);
  });

  it("in on strings, numbers and lists (any element)", () => {
    expect(matches({ field: "location.city", op: "in", values: ["Paris", "Rome"] })).toEqual(["c-bob"]);
    expect(matches({ field: "location.city", op: "in", values: ["paris"], ignoreCase: true })).toEqual(["c-bob"]);
    expect(matches({ field: "tags", op: "in", values: ["newsletter", "x"] })).toEqual([]);
    expect(matches({ field: "tags", op: "in", values: ["newsletter", "x"], ignoreCase: true })).toEqual(["c-ada"]);
    expect(matches({ field: "lifecycleHistory.stage", op: "in", values: ["lead"] })).toEqual(["c-ada"]);
    expect(matches({ field: "location.coordinates.latitude", op: "in", values: [48.8566] })).toEqual(["c-bob"]);
  });

  it("orders numbers and dates; between is inclusive", () => {
    expect(matches({ field: "createdAt", op: "gt", value: "2024-01-01" })).toEqual(["c-ada"]);
    expect(matches({ field: "createdAt", op: "lt", value: "2024-01-01" })).toEqual(["c-bob"]);
    // "bare" was created at the default 2024-01-01T00:00:00Z: the inclusive operators include it
    expect(matches({ field: "createdAt", op: "gte", value: "2024-01-01" })).toEqual(["c-ada", "c-bare"]);
    expect(matches({ field: "createdAt", op: "lte", value: "2024-01-01T00:00:00Z" })).toEqual(["c-bob", "c-bare"]);
    expect(matches({ field: "createdAt", op: "between", min: "2024-01-01", max: "2024-05-20T12:00:00Z" })).toEqual(["c-ada", "c-bare"]);
    expect(matches({ field: "location.coordinates.latitude", op: "between", min: 48.8566, max: 50 })).toEqual(["c-bob"]);
    expect(matches({ field: "location.coordinates.longitude", op: "gt", value: 10 })).toEqual(["c-ada"]);
  });

  it("contains, startsWith and endsWith on strings and on lists", () => {
    expect(matches({ field: "lastName", op: "contains", value: "love" })).toEqual([]);
    expect(matches({ field: "lastName", op: "contains", value: "love", ignoreCase: true })).toEqual(["c-ada"]);
    expect(matches({ field: "tags", op: "contains", value: "vip" })).toEqual(["c-ada"]);
    // on a list, contains means "has an element equal to", not substring of an element
    expect(matches({ field: "tags", op: "contains", value: "vi" })).toEqual([]);
    expect(matches({ field: "emails", op: "endsWith", value: "@example.com" })).toEqual([]);
    expect(matches({ field: "emails", op: "endsWith", value: "@example.com", ignoreCase: true })).toEqual(["c-ada"]);
    expect(matches({ field: "firstName", op: "startsWith", value: "B" })).toEqual(["c-bob"]);
  });

  it("exists: present, not null, not empty string or list", () => {
    expect(matches({ field: "lastName", op: "exists" })).toEqual(["c-ada"]);
    expect(matches({ field: "tags", op: "exists" })).toEqual(["c-ada"]);
    expect(matches({ field: "location.coordinates", op: "exists" })).toEqual(["c-ada", "c-bob"]);
    expect(matches({ field: "attributes.note", op: "exists" })).toEqual([]);
    expect(matches({ op: "not", condition: { field: "lastName", op: "exists" } })).toEqual(["c-bob", "c-bare"]);
  });

  it("withinLast spans [asOf − days, asOf], relative to the asOf argument", () => {
    expect(matches({ field: "createdAt", op: "withinLast", days: 30 })).toEqual(["c-ada"]);
    // Ada was created 11.5 days before asOf
    expect(matches({ field: "createdAt", op: "withinLast", days: 11.5 })).toEqual(["c-ada"]);
    expect(matches({ field: "createdAt", op: "withinLast", days: 11.49 })).toEqual([]);
    const later = compileSegment({ id: "s", where: { field: "createdAt", op: "withinLast", days: 30 } }, { asOf: new Date("2024-05-01T00:00:00Z") });
    // a date after asOf is not "within the last N days"
    expect(later(ada)).toBe(false);
  });

  it("withinRadius uses the haversine distance around the center", () => {
    const berlin = { latitude: 52.52, longitude: 13.405 };
    expect(matches({ field: "location.coordinates", op: "withinRadius", center: berlin, radiusKm: 1 })).toEqual(["c-ada"]);
    // Berlin–Paris is 877.46 km
    expect(matches({ field: "location.coordinates", op: "withinRadius", center: berlin, radiusKm: 877 })).toEqual(["c-ada"]);
    expect(matches({ field: "location.coordinates", op: "withinRadius", center: berlin, radiusKm: 878 })).toEqual(["c-ada", "c-bob"]);
  });

  it("all / any / not combine conditions", () => {
    const de = { field: "location.country", op: "eq", value: "DE" } as const;
    const fr = { field: "location.country", op: "eq", value: "FR" } as const;
    const gold = { field: "attributes.plan", op: "eq", value: "gold" } as const;
    expect(matches({ op: "all", conditions: [de, gold] })).toEqual(["c-ada"]);
    expect(matches({ op: "all", conditions: [fr, gold] })).toEqual([]);
    expect(matches({ op: "any", conditions: [fr, gold] })).toEqual(["c-ada", "c-bob"]);
    expect(matches({ op: "any", conditions: [de, fr, gold] })).toEqual(["c-ada", "c-bob"]);
    expect(matches({ op: "all", conditions: [{ op: "not", condition: de }, { op: "not", condition: fr }, { op: "not", condition: gold }] })).toEqual(["c-bare"]);
    expect(matches({ op: "any", conditions: [de] })).toEqual(["c-ada"]);
  });
});

describe("compileSegment: custom attributes and metrics", () => {
  it("types attribute values when the customer is evaluated", () => {
    expect(matches({ field: "attributes.seats", op: "gte", value: 10 })).toEqual(["c-ada"]);
    expect(matches({ field: "attributes.seats", op: "in", values: [3, 4] })).toEqual(["c-bob"]);
    expect(matches({ field: "attributes.renewal", op: "lt", value: "2024-08-01" })).toEqual(["c-ada"]);
    expect(matches({ field: "attributes.renewal", op: "eq", value: "2024-07-01" })).toEqual(["c-ada"]);
    expect(matches({ field: "attributes.renewal", op: "withinLast", days: 365 })).toEqual([]);
    expect(matches({ field: "attributes.beta", op: "eq", value: true })).toEqual(["c-ada"]);
    expect(matches({ field: "attributes.features", op: "contains", value: "sso" })).toEqual(["c-ada"]);
    expect(matches({ field: "attributes.plan", op: "startsWith", value: "GO", ignoreCase: true })).toEqual(["c-ada"]);
    // a string is not a number: no match rather than coercion
    expect(matches({ field: "attributes.plan", op: "gt", value: 1 })).toEqual([]);
  });

  it("reads only own attributes, never the prototype chain", () => {
    expect(matches({ field: "attributes.toString", op: "exists" })).toEqual([]);
    expect(matches({ field: "attributes.hasOwnProperty", op: "exists" })).toEqual([]);
  });

  it("checks declared attributes and their kinds", () => {
    const attributes = { plan: "string", seats: "number" } as const;
    expect(matches({ field: "attributes.seats", op: "gt", value: 5 }, { attributes })).toEqual(["c-ada"]);
    const typo = thrown(() => compileSegment({ id: "s", where: { field: "attributes.seat", op: "gt", value: 5 } }, { attributes }));
    expect(typo.code).toBe("INVALID_INPUT");
    expect(typo.message).toContain('unknown field path "attributes.seat"');
    expect(typo.message).toContain('did you mean "seats"');
    const kind = thrown(() => compileSegment({ id: "s", where: { field: "attributes.plan", op: "gt", value: 5 } }, { attributes }));
    expect(kind.message).toContain('operator "gt" does not apply to field "attributes.plan" (a string)');
  });

  it("reads metrics from maps keyed by customer id or from functions", () => {
    const metrics = {
      rfmSegment: new Map([
        ["c-ada", "Champions"],
        ["c-bob", "At Risk"],
      ]),
      clv: (c: { id: string }) => (c.id === "c-ada" ? 1800 : c.id === "c-bob" ? 40 : undefined),
    };
    expect(matches({ field: "metrics.rfmSegment", op: "in", values: ["Champions", "Loyal Customers"] }, { metrics })).toEqual(["c-ada"]);
    expect(matches({ field: "metrics.clv", op: "lt", value: 100 }, { metrics })).toEqual(["c-bob"]);
    expect(matches({ op: "not", condition: { field: "metrics.clv", op: "exists" } }, { metrics })).toEqual(["c-bare"]);
  });

  it("names an unknown metric and lists the known ones", () => {
    const e = thrown(() => compileSegment({ id: "s", where: { field: "metrics.cvl", op: "gt", value: 1 } }, { metrics: { clv: new Map() } }));
    expect(e.message).toContain('where.field: unknown field path "metrics.cvl"');
    expect(e.message).toContain("known: clv");
    const none = thrown(() => compileSegment({ id: "s", where: { field: "metrics.clv", op: "gt", value: 1 } }));
    expect(none.message).toContain("no metrics were supplied");
  });
});

describe("compileSegment: errors name the rule node and the field", () => {
  it("rejects unknown customer fields, with a suggestion", () => {
    const e = thrown(() =>
      compileSegment({ id: "s", where: { op: "all", conditions: [{ field: "tags", op: "exists" }, { field: "locaton.city", op: "eq", value: "Berlin" }] } }),
    );
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain('where.conditions[1].field: unknown field path "locaton.city"');
    expect(e.message).toContain('did you mean "location.city"');
  });

  it("rejects operators that do not apply to the field's kind", () => {
    expect(thrown(() => compileSegment({ id: "s", where: { field: "firstName", op: "gt", value: 3 } })).message).toContain(
      'operator "gt" does not apply to field "firstName" (a string)',
    );
    expect(thrown(() => compileSegment({ id: "s", where: { field: "tags", op: "eq", value: "vip" } })).message).toContain("use contains or in for lists");
    expect(thrown(() => compileSegment({ id: "s", where: { field: "location.city", op: "withinRadius", center: { latitude: 0, longitude: 0 }, radiusKm: 1 } })).message).toContain(
      'operator "withinRadius" does not apply to field "location.city"',
    );
    expect(thrown(() => compileSegment({ id: "s", where: { field: "createdAt", op: "gt", value: 5 } })).message).toContain(
      "where.value: expected an ISO date or date-time with offset",
    );
    expect(thrown(() => compileSegment({ id: "s", where: { field: "location.coordinates.latitude", op: "lt", value: "2024-01-01" } })).message).toContain(
      "expected a finite number",
    );
    expect(thrown(() => compileSegment({ id: "s", where: { field: "firstName", op: "eq", value: 3 } })).message).toContain("where.value: expected a string");
    expect(thrown(() => compileSegment({ id: "s", where: { field: "tags", op: "in", values: ["a", 2] } })).message).toContain("where.values[1]");
    expect(thrown(() => compileSegment({ id: "s", where: { field: "createdAt", op: "eq", value: "yesterday" } })).message).toContain(
      "expected an ISO date",
    );
  });

  it("requires asOf for withinLast and a valid Date as asOf", () => {
    const e = thrown(() => compileSegment({ id: "s", where: { field: "createdAt", op: "withinLast", days: 7 } }));
    expect(e.message).toContain("options.asOf");
    expect(e.message).toContain("where uses withinLast");
    expect(thrown(() => compileSegment({ id: "s", where: { field: "tags", op: "exists" } }, { asOf: new Date("nope") })).message).toContain(
      "options.asOf: expected a valid Date",
    );
  });

  it("rejects bad options", () => {
    expect(thrown(() => compileSegment({ id: "s", where: { field: "tags", op: "exists" } }, { metrics: { clv: 5 as never } })).message).toContain(
      "options.metrics.clv",
    );
    expect(thrown(() => compileSegment({ id: "s", where: { field: "tags", op: "exists" } }, { metrics: JSON.parse('{"__proto__": 1}') as never })).message).toContain(
      "options.metrics",
    );
    expect(thrown(() => compileSegment({ id: "s", where: { field: "tags", op: "exists" } }, { attributes: { x: "float" as never } })).message).toContain(
      "options.attributes.x",
    );
  });
});

describe("compileSegment: the compiled predicate", () => {
  it("carries the id, name, frozen definition and the fields it reads", () => {
    const seg = compileSegment({
      id: "vip-de",
      name: "VIPs in Germany",
      where: { op: "all", conditions: [{ field: "tags", op: "contains", value: "vip" }, { field: "location.country", op: "eq", value: "DE" }, { field: "tags", op: "exists" }] },
    });
    expect(seg.id).toBe("vip-de");
    expect(seg.name).toBe("VIPs in Germany");
    expect(seg.fields).toEqual(["tags", "location.country"]);
    expect(Object.isFrozen(seg.definition.where)).toBe(true);
    expect(compileSegment({ id: "x", where: { field: "tags", op: "exists" } }).name).toBe("x");
  });

  it("is unaffected by later changes to the definition object", () => {
    const def = { id: "de", where: { field: "location.country", op: "eq", value: "DE" } };
    const seg = compileSegment(def);
    def.where.value = "FR";
    expect(seg(ada)).toBe(true);
    expect(seg(bob)).toBe(false);
  });
});
