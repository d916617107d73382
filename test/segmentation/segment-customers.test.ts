import { describe, expect, it } from "vitest";
import type { Customer } from "../../src/model/customer.js";
import { compileSegment } from "../../src/segmentation/compile-segment.js";
import { segmentCustomers } from "../../src/segmentation/segment-customers.js";
import { customer } from "./support/customers.js";
import { failureText as code } from "../support/crmkit-failure.js";

const asOf = new Date("2024-06-01T00:00:00Z");
const customers = [
  customer({ id: "c1", tags: ["vip"], location: { country: "DE" }, createdAt: "2024-05-30T00:00:00Z" }),
  customer({ id: "c2", tags: ["vip"], location: { country: "FR" } }),
  customer({ id: "c3", tags: [], location: { country: "DE" } }),
  customer({ id: "c4", tags: [] }),
];
const definitions = [
  { id: "vip", name: "VIP", where: { field: "tags", op: "contains", value: "vip" } },
  { id: "de", where: { field: "location.country", op: "eq", value: "DE" } },
  { id: "new", where: { field: "createdAt", op: "withinLast", days: 7 } },
];

describe("segmentCustomers", () => {
  it("reports membership, sizes, shares and overlaps (hand-counted)", () => {
    const m = segmentCustomers(definitions, customers, { asOf });
    expect(m.customerIds).toEqual(["c1", "c2", "c3", "c4"]);
    expect(m.segments).toEqual([
      { id: "vip", name: "VIP", size: 2, share: 0.5 },
      { id: "de", name: "de", size: 2, share: 0.5 },
      { id: "new", name: "new", size: 1, share: 0.25 },
    ]);
    expect(m.members("vip")).toEqual(["c1", "c2"]);
    expect(m.segmentsOf("c1")).toEqual(["vip", "de", "new"]);
    expect(m.segmentsOf("c4")).toEqual([]);
    expect(m.segmentsOf("nobody")).toEqual([]);
    expect(m.unsegmented).toBe(1);
    // vip ∩ de = {c1}: jaccard 1 / 3; vip ∩ new = {c1}: 1 / 2; de ∩ new = {c1}: 1 / 2
    expect(m.overlaps).toEqual([
      { a: "vip", b: "de", customers: 1, jaccard: 1 / 3 },
      { a: "vip", b: "new", customers: 1, jaccard: 1 / 2 },
      { a: "de", b: "new", customers: 1, jaccard: 1 / 2 },
    ]);
    expect(m.overlap("de", "vip")).toBe(1);
    expect(m.partition).toBe(false);
    const visits: [number, number][] = [];
    m.forEachMember((i, s) => visits.push([i, s]));
    expect(visits).toHaveLength(5);
    expect(m.groupNames).toEqual(["VIP", "de", "new"]);
  });

  it("accepts compiled segments and async iterables", async () => {
    async function* stream(): AsyncGenerator<Customer> {
      yield* customers;
    }
    const vip = compileSegment(definitions[0]);
    const m = await segmentCustomers([vip, definitions[1]], stream());
    expect(m.segments.map((s) => s.size)).toEqual([2, 2]);
  });

  it("grows past its initial capacity", () => {
    const many = Array.from({ length: 3000 }, (_, i) => customer({ id: `c${i}`, tags: i % 3 === 0 ? ["vip"] : [] }));
    const m = segmentCustomers([definitions[0]], many);
    expect(m.segments[0]!.size).toBe(1000);
    expect(m.members("vip").at(-1)).toBe("c2997");
  });

  it("rejects bad input with clear errors", () => {
    expect(code(() => segmentCustomers([], customers))).toContain("definitions: expected at least one segment definition");
    expect(code(() => segmentCustomers("x" as never, customers))).toContain("definitions: expected an array");
    expect(code(() => segmentCustomers([definitions[0], definitions[0]], customers))).toContain("definitions[1].id: expected segment ids that are unique");
    expect(code(() => segmentCustomers([definitions[0], { id: "x", where: { field: "nope", op: "exists" } }], customers))).toContain(
      'definitions[1]: where.field: unknown field path "nope"',
    );
    expect(code(() => segmentCustomers(definitions, customers))).toContain("options.asOf");
    expect(code(() => segmentCustomers([definitions[0]], [customers[0]!, customers[0]!]))).toContain("customers[1].id: expected each customer once");
    expect(code(() => segmentCustomers([definitions[0]], [{} as Customer]))).toContain("customers[0].id");
    expect(code(() => segmentCustomers([definitions[0]], []))).toContain("INSUFFICIENT_DATA");
    expect(code(() => segmentCustomers([definitions[0]], 5 as never))).toContain("customers: expected an array, iterable or async iterable");
    expect(code(() => segmentCustomers([definitions[0]], customers).members("nope"))).toContain('NOT_FOUND: Unknown segment "nope"');
  });
});
