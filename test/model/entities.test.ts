import { describe, expect, it } from "vitest";
import { ENTITY_COLLECTIONS, ENTITY_DEFINITIONS } from "../../src/model/index.js";

describe("entity definitions", () => {
  it("list the twelve collections of a CrmStore with their entity names", () => {
    expect(ENTITY_COLLECTIONS).toEqual([
      "customers",
      "accounts",
      "leads",
      "pipelines",
      "deals",
      "interactions",
      "tickets",
      "transactions",
      "subscriptions",
      "surveyResponses",
      "campaigns",
      "campaignMembers",
    ]);
    expect(ENTITY_COLLECTIONS.map((c) => ENTITY_DEFINITIONS[c].name)).toEqual([
      "Customer",
      "Account",
      "Lead",
      "Pipeline",
      "Deal",
      "Interaction",
      "Ticket",
      "Transaction",
      "Subscription",
      "SurveyResponse",
      "Campaign",
      "CampaignMember",
    ]);
  });

  it("no entity has a tenant field: tenancy is a repository scope", () => {
    for (const c of ENTITY_COLLECTIONS) {
      const r = ENTITY_DEFINITIONS[c].schema.safeParse({ tenantId: "t" });
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.some((i) => i.code === "unrecognized_keys" && (i as { keys: string[] }).keys.includes("tenantId")), c).toBe(true);
    }
  });
});
