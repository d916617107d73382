import { describe, expect, it } from "vitest";
import { parsePurchaseAggregateQuery } from "../../src/clv/index.js";
import { isCrmkitError } from "../../src/errors/index.js";

const ok = { kinds: ["purchase"], observationEnd: new Date("2025-01-01T00:00:00Z"), period: "day" };

describe("parsePurchaseAggregateQuery", () => {
  it("returns the query with only the keys given", () => {
    expect(parsePurchaseAggregateQuery(ok)).toEqual(ok);
    const full = { ...ok, calibrationEnd: new Date("2024-06-01T00:00:00Z"), timeZone: "Europe/Paris", period: "month" };
    expect(parsePurchaseAggregateQuery(full)).toEqual(full);
  });

  it.each([
    ["not an object", null, "summarizePurchases(query)"],
    ["an unknown key", { ...ok, customerId: "c" }, "customerId"],
    ["no kinds", { ...ok, kinds: [] }, "kinds"],
    ["an unknown kind", { ...ok, kinds: ["gift"] }, "kinds"],
    ["a repeated kind", { ...ok, kinds: ["purchase", "purchase"] }, "kinds"],
    ["an invalid observation end", { ...ok, observationEnd: new Date("x") }, "observationEnd"],
    ["a string observation end", { ...ok, observationEnd: "2025-01-01" }, "observationEnd"],
    ["a calibration end after the observation end", { ...ok, calibrationEnd: new Date("2026-01-01T00:00:00Z") }, "calibrationEnd"],
    ["an unknown period", { ...ok, period: "fortnight" }, "period"],
    ["an empty time zone", { ...ok, timeZone: "" }, "timeZone"],
  ])("rejects %s with INVALID_INPUT naming the field", (_what, query, field) => {
    let error: unknown;
    try {
      parsePurchaseAggregateQuery(query);
    } catch (e) {
      error = e;
    }
    expect(isCrmkitError(error, "INVALID_INPUT")).toBe(true);
    expect((error as Error).message).toContain(field);
  });
});
