import { describe, expect, it } from "vitest";
import { parseAccount } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "a-1",
  name: "Acme GmbH",
  domain: "acme.example",
  industry: "manufacturing",
  employeeCount: 250,
  annualRevenue: { amount: 40_000_000, currency: "EUR" },
  location: { country: "DE", region: "Bavaria", city: "Munich" },
  ownerId: "u-1",
  createdAt: "2023-06-01T00:00:00Z",
};

describe("parseAccount", () => {
  it("parses an account with its firmographics", () => {
    const a = parseAccount(valid);
    expect(a.createdAt).toEqual(new Date("2023-06-01T00:00:00Z"));
    expect(a.annualRevenue).toEqual({ amount: 40_000_000, currency: "EUR" });
    expect(a.tags).toEqual([]);
    expect(a.attributes).toEqual({});
  });

  it("an account cannot be its own parent; updatedAt is not before createdAt", () => {
    expect(parseAccount({ ...valid, parentAccountId: "a-0" }).parentAccountId).toBe("a-0");
    expectInvalid(() => parseAccount({ ...valid, parentAccountId: "a-1" }), "parentAccountId");
    expectInvalid(() => parseAccount({ ...valid, updatedAt: "2023-05-31T23:59:59Z" }), "updatedAt");
  });

  it("validates domain, employee count and revenue", () => {
    expectInvalid(() => parseAccount({ ...valid, domain: "https://acme.example" }), "domain");
    expectInvalid(() => parseAccount({ ...valid, domain: "localhost" }), "domain");
    expectInvalid(() => parseAccount({ ...valid, employeeCount: 12.5 }), "employeeCount");
    expectInvalid(() => parseAccount({ ...valid, employeeCount: -1 }), "employeeCount");
    expectInvalid(() => parseAccount({ ...valid, annualRevenue: { amount: -5, currency: "EUR" } }), "annualRevenue.amount");
    expectInvalid(() => parseAccount({ ...valid, annualRevenue: { amount: 5, currency: "EURO" } }), "annualRevenue.currency");
    expectInvalid(() => parseAccount({ ...valid, name: "" }), "name");
    expectUnknownKeyRejected(() => parseAccount({ ...valid, tenantId: "t-1" }), "tenantId");
  });
});
