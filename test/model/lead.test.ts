import { describe, expect, it } from "vitest";
import { LEAD_STATUSES, parseLead } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "l-1",
  firstName: "Grace",
  lastName: "Hopper",
  email: "grace@navy.example",
  company: "Navy Labs",
  source: "referral",
  status: "converted",
  score: 72,
  createdAt: "2024-02-01T09:00:00Z",
  convertedAt: "2024-02-20T15:00:00Z",
  convertedCustomerId: "c-1",
  convertedAccountId: "a-1",
  convertedDealId: "d-1",
};

describe("parseLead", () => {
  it("parses a converted lead with the ids of what it became", () => {
    const l = parseLead(valid);
    expect(l.convertedAt).toEqual(new Date("2024-02-20T15:00:00Z"));
    expect(l.convertedDealId).toBe("d-1");
    expect(l.tags).toEqual([]);
    expect(LEAD_STATUSES).toEqual(["new", "contacted", "nurturing", "qualified", "converted", "disqualified"]);
  });

  it("requires convertedAt exactly when the lead is converted, not before createdAt", () => {
    const { convertedAt: _, ...noTime } = valid;
    expectInvalid(() => parseLead(noTime), "convertedAt");
    expectInvalid(() => parseLead({ ...valid, status: "qualified" }), "convertedAt");
    expectInvalid(() => parseLead({ ...valid, convertedAt: "2024-01-31T00:00:00Z" }), "convertedAt");
  });

  it("requires disqualifiedAt exactly when the lead is disqualified, not before createdAt", () => {
    const base = { id: "l-2", source: "website", createdAt: "2024-02-01T09:00:00Z" };
    expect(parseLead({ ...base, status: "disqualified", disqualifiedAt: "2024-03-01T00:00:00Z", disqualificationReason: "No budget" }).status).toBe("disqualified");
    expectInvalid(() => parseLead({ ...base, status: "disqualified" }), "disqualifiedAt");
    expectInvalid(() => parseLead({ ...base, status: "nurturing", disqualifiedAt: "2024-03-01T00:00:00Z" }), "disqualifiedAt");
    expectInvalid(() => parseLead({ ...base, status: "disqualified", disqualifiedAt: "2024-01-01T00:00:00Z" }), "disqualifiedAt");
  });

  it("validates the source slug, status, e-mail, phone and score", () => {
    expectInvalid(() => parseLead({ ...valid, source: "Referral Program" }), "source");
    expectInvalid(() => parseLead({ ...valid, status: "won" }), "status");
    expectInvalid(() => parseLead({ ...valid, email: "not-an-email" }), "email");
    expectInvalid(() => parseLead({ ...valid, phone: "call me" }), "phone");
    expectInvalid(() => parseLead({ ...valid, score: Number.NaN }), "score");
    expectInvalid(() => parseLead({ ...valid, score: Number.POSITIVE_INFINITY }), "score");
    expectUnknownKeyRejected(() => parseLead({ ...valid, rating: "hot" }), "rating");
  });
});
