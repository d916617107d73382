import { describe, expect, it } from "vitest";
import { ConsentSchema, EmailAddressSchema, LifecycleStageEntrySchema, parseCustomer, PhoneNumberSchema } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "c-1",
  firstName: "Ada",
  lastName: "Lovelace",
  emails: [{ address: "ada@example.com", label: "work", primary: true }],
  phones: [{ number: "+44 20 7946 0958", label: "mobile" }],
  accountId: "a-1",
  createdAt: "2024-01-15T10:00:00Z",
  acquisitionSource: "referral",
  lifecycleStage: "customer",
  lifecycleHistory: [
    { stage: "lead", enteredAt: "2024-01-15T10:00:00Z" },
    { stage: "customer", enteredAt: "2024-02-01T09:30:00+01:00" },
  ],
  location: { country: "GB", city: "London", coordinates: { latitude: 51.5074, longitude: -0.1278 } },
  birthDate: "1815-12-10",
  tags: ["vip"],
  attributes: { plan_tier: "gold", seats: 12, beta: true, churn_risk: null, renewed: new Date("2024-06-01T00:00:00Z"), interests: ["math"] },
  consent: { email: { status: "granted", updatedAt: "2024-01-15T10:00:00Z", source: "signup form" }, sms: { status: "denied" } },
};

describe("parseCustomer", () => {
  it("parses a full customer; timestamps become Dates, the birth date stays a calendar date", () => {
    const c = parseCustomer(valid);
    expect(c.createdAt).toEqual(new Date("2024-01-15T10:00:00Z"));
    expect(c.lifecycleHistory[1]!.enteredAt).toEqual(new Date("2024-02-01T08:30:00Z"));
    expect(c.consent.email?.updatedAt).toBeInstanceOf(Date);
    expect(c.birthDate).toBe("1815-12-10");
    expect(c.attributes.renewed).toEqual(new Date("2024-06-01T00:00:00Z"));
  });

  it("fills defaults for omitted lists and maps", () => {
    const c = parseCustomer({ id: "c-2", createdAt: new Date("2024-01-01T00:00:00Z") });
    expect(c).toEqual({ id: "c-2", createdAt: new Date("2024-01-01T00:00:00Z"), emails: [], phones: [], lifecycleHistory: [], tags: [], attributes: {}, consent: {} });
  });

  it("keeps the lifecycle history chronological, its last entry the current stage", () => {
    expectInvalid(() => parseCustomer({ ...valid, lifecycleHistory: [...valid.lifecycleHistory].reverse(), lifecycleStage: "lead" }), "lifecycleHistory[1].enteredAt");
    expectInvalid(() => parseCustomer({ ...valid, lifecycleStage: "evangelist" }), "lifecycleStage");
    // A stage without history, and equal timestamps, are fine.
    expect(parseCustomer({ ...valid, lifecycleHistory: [] }).lifecycleStage).toBe("customer");
    const sameTime = [{ stage: "lead", enteredAt: "2024-01-15T10:00:00Z" }, { stage: "customer", enteredAt: "2024-01-15T10:00:00Z" }];
    expect(parseCustomer({ ...valid, lifecycleHistory: sameTime }).lifecycleHistory).toHaveLength(2);
  });

  it("rejects updatedAt before createdAt", () => {
    expectInvalid(() => parseCustomer({ ...valid, updatedAt: "2024-01-15T09:59:59Z" }), "updatedAt");
  });

  it("validates contact details, stages, sources, places and dates, naming the field", () => {
    expectInvalid(() => parseCustomer({ ...valid, emails: [{ address: "ada@" }] }), "emails[0].address");
    expectInvalid(() => parseCustomer({ ...valid, phones: [{ number: "ring ring" }] }), "phones[0].number");
    expectInvalid(() => parseCustomer({ ...valid, lifecycleStage: "Customer", lifecycleHistory: [] }), "lifecycleStage");
    expectInvalid(() => parseCustomer({ ...valid, acquisitionSource: "paid search" }), "acquisitionSource");
    expectInvalid(() => parseCustomer({ ...valid, location: { country: "UK1" } }), "location.country");
    expectInvalid(() => parseCustomer({ ...valid, location: { coordinates: { latitude: 91, longitude: 0 } } }), "location.coordinates.latitude");
    expectInvalid(() => parseCustomer({ ...valid, birthDate: "1815-02-30" }), "birthDate");
    expectInvalid(() => parseCustomer({ ...valid, birthDate: "1815-12-10T00:00:00Z" }), "birthDate");
    expectInvalid(() => parseCustomer({ ...valid, createdAt: "2024-01-15 10:00" }), "createdAt");
    expectInvalid(() => parseCustomer({ ...valid, id: "" }), "id");
  });

  it("holds consent per known contact channel only", () => {
    expectInvalid(() => parseCustomer({ ...valid, consent: { fax: { status: "granted" } } }), "consent");
    expectInvalid(() => parseCustomer({ ...valid, consent: { email: { status: "maybe" } } }), "consent.email.status");
  });

  it("rejects reserved keys in custom attributes, even when they come from JSON.parse", () => {
    const attrs = JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown;
    expectInvalid(() => parseCustomer({ ...valid, attributes: attrs }), "attributes.__proto__");
    expectInvalid(() => parseCustomer({ ...valid, attributes: { constructor: "x" } }), "attributes.constructor");
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("rejects unknown keys (a typo is not silently dropped)", () => {
    expectUnknownKeyRejected(() => parseCustomer({ ...valid, fristName: "Ada" }), "fristName");
  });

  it("exposes the part schemas", () => {
    expect(EmailAddressSchema.safeParse({ address: "x@example.com" }).success).toBe(true);
    expect(PhoneNumberSchema.safeParse({ number: "+1 (555) 010-0000" }).success).toBe(true);
    expect(ConsentSchema.safeParse({ status: "unknown" }).success).toBe(true);
    expect(LifecycleStageEntrySchema.safeParse({ stage: "lead", enteredAt: "2024-01-01" }).success).toBe(false);
  });
});
