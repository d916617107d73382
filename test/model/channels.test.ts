import { describe, expect, it } from "vitest";
import { CONTACT_CHANNELS, ContactChannelSchema, DEPARTMENTS, DepartmentSchema, INTERACTION_CHANNELS, InteractionChannelSchema } from "../../src/model/index.js";

describe("channels and departments", () => {
  it("cover the touchpoints of the 360-degree view", () => {
    for (const c of ["email", "call", "meeting", "chat", "sms", "social", "web_visit", "note"]) expect(INTERACTION_CHANNELS).toContain(c);
    for (const d of ["sales", "marketing", "support", "success"]) expect(DEPARTMENTS).toContain(d);
    expect(CONTACT_CHANNELS).toEqual(["email", "sms", "call", "whatsapp", "push", "mail"]);
  });

  it("schemas accept exactly the listed values", () => {
    expect(InteractionChannelSchema.safeParse("web_visit").success).toBe(true);
    expect(InteractionChannelSchema.safeParse("Web visit").success).toBe(false);
    expect(ContactChannelSchema.safeParse("fax").success).toBe(false);
    expect(DepartmentSchema.safeParse("legal").success).toBe(false);
  });
});
