import { describe, expect, it } from "vitest";
import { CAMPAIGN_CHANNELS, parseCampaign } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "cmp-1",
  name: "Spring win-back",
  channel: "email",
  status: "active",
  startsAt: "2024-03-01T00:00:00Z",
  endsAt: "2024-03-31T00:00:00Z",
  budget: { amount: 5_000, currency: "USD" },
  segmentId: "at-risk",
  createdAt: "2024-02-20T00:00:00Z",
};

describe("parseCampaign", () => {
  it("parses a campaign on each channel", () => {
    for (const channel of CAMPAIGN_CHANNELS) expect(parseCampaign({ ...valid, channel }).channel).toBe(channel);
    expect(parseCampaign(valid).startsAt).toEqual(new Date("2024-03-01T00:00:00Z"));
  });

  it("ends no earlier than it starts", () => {
    expectInvalid(() => parseCampaign({ ...valid, endsAt: "2024-02-29T23:59:59Z" }), "endsAt");
    expect(parseCampaign({ ...valid, endsAt: valid.startsAt }).endsAt).toEqual(new Date("2024-03-01T00:00:00Z"));
  });

  it("validates channel, status and budget; rejects unknown keys", () => {
    expectInvalid(() => parseCampaign({ ...valid, channel: "billboard" }), "channel");
    expectInvalid(() => parseCampaign({ ...valid, status: "paused" }), "status");
    expectInvalid(() => parseCampaign({ ...valid, budget: { amount: -1, currency: "USD" } }), "budget.amount");
    expectUnknownKeyRejected(() => parseCampaign({ ...valid, audience: 100 }), "audience");
  });
});
