import { describe, expect, it } from "vitest";
import { parseCampaignMember } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "cm-1",
  campaignId: "cmp-1",
  customerId: "c-1",
  addedAt: "2024-03-01T00:00:00Z",
  sentAt: "2024-03-01T09:00:00Z",
  deliveredAt: "2024-03-01T09:00:30Z",
  openedAt: "2024-03-01T10:12:00Z",
  clickedAt: "2024-03-01T10:13:00Z",
  convertedAt: "2024-03-03T18:00:00Z",
};

describe("parseCampaignMember", () => {
  it("parses a member's engagement funnel", () => {
    const m = parseCampaignMember(valid);
    expect(m.clickedAt).toEqual(new Date("2024-03-01T10:13:00Z"));
    expect(parseCampaignMember({ id: "m", campaignId: "c", customerId: "u", addedAt: "2024-01-01T00:00:00Z" }).sentAt).toBeUndefined();
  });

  it("is sent no earlier than added; every engagement step needs sentAt and is not before it", () => {
    expectInvalid(() => parseCampaignMember({ ...valid, sentAt: "2024-02-29T00:00:00Z" }), "sentAt");
    const { sentAt: _, ...unsent } = valid;
    for (const step of ["deliveredAt", "openedAt", "clickedAt"]) expectInvalid(() => parseCampaignMember(unsent), step);
    expectInvalid(() => parseCampaignMember({ ...unsent, deliveredAt: undefined, openedAt: undefined, clickedAt: undefined, bouncedAt: "2024-03-01T09:01:00Z" }), "bouncedAt");
    expectInvalid(() => parseCampaignMember({ ...valid, openedAt: "2024-03-01T08:59:59Z", clickedAt: undefined }), "openedAt");
    expectInvalid(() => parseCampaignMember({ ...valid, unsubscribedAt: "2024-03-01T08:00:00Z" }), "unsubscribedAt");
  });

  it("is clicked no earlier than opened, and converts no earlier than added", () => {
    expectInvalid(() => parseCampaignMember({ ...valid, clickedAt: "2024-03-01T10:00:00Z" }), "clickedAt");
    expectInvalid(() => parseCampaignMember({ ...valid, convertedAt: "2024-02-28T00:00:00Z" }), "convertedAt");
    // A click without a recorded open (images blocked) is fine.
    expect(parseCampaignMember({ ...valid, openedAt: undefined }).clickedAt).toBeInstanceOf(Date);
  });

  it("requires the links and rejects unknown keys", () => {
    const { campaignId: _, ...noCampaign } = valid;
    expectInvalid(() => parseCampaignMember(noCampaign), "campaignId");
    expectUnknownKeyRejected(() => parseCampaignMember({ ...valid, repliedAt: "2024-03-02T00:00:00Z" }), "repliedAt");
  });
});
