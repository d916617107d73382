import { describe, expect, it } from "vitest";
import { parseTicket, TICKET_PRIORITIES, TICKET_STATUSES } from "../../src/model/index.js";
import { expectInvalid, expectUnknownKeyRejected } from "../support/expect-invalid.js";

const valid = {
  id: "t-1",
  customerId: "c-1",
  subject: "Invoice is wrong",
  status: "closed",
  priority: "high",
  channel: "email",
  openedAt: "2024-05-01T08:00:00Z",
  firstResponseAt: "2024-05-01T08:40:00Z",
  resolvedAt: "2024-05-01T16:00:00Z",
  closedAt: "2024-05-04T16:00:00Z",
};

describe("parseTicket", () => {
  it("parses a ticket; department defaults to support and escalated to false", () => {
    const t = parseTicket(valid);
    expect(t.department).toBe("support");
    expect(t.escalated).toBe(false);
    expect(t.resolvedAt).toEqual(new Date("2024-05-01T16:00:00Z"));
    expect(TICKET_STATUSES).toEqual(["new", "open", "pending", "on_hold", "resolved", "closed"]);
    expect(TICKET_PRIORITIES.indexOf("urgent")).toBe(3);
  });

  it("requires resolvedAt once resolved or closed", () => {
    const { resolvedAt: _, closedAt: __, ...open } = valid;
    expect(parseTicket({ ...open, status: "pending" }).resolvedAt).toBeUndefined();
    expectInvalid(() => parseTicket({ ...open, status: "resolved" }), "resolvedAt");
    expectInvalid(() => parseTicket({ ...open, status: "closed" }), "resolvedAt");
  });

  it("no timestamp before openedAt; closedAt not before resolvedAt", () => {
    expectInvalid(() => parseTicket({ ...valid, firstResponseAt: "2024-05-01T07:59:59Z" }), "firstResponseAt");
    expectInvalid(() => parseTicket({ ...valid, resolvedAt: "2024-04-30T00:00:00Z", closedAt: undefined }), "resolvedAt");
    expectInvalid(() => parseTicket({ ...valid, closedAt: "2024-05-01T12:00:00Z" }), "closedAt");
  });

  it("validates enums and rejects unknown keys", () => {
    expectInvalid(() => parseTicket({ ...valid, priority: "critical" }), "priority");
    expectInvalid(() => parseTicket({ ...valid, status: "solved" }), "status");
    expectInvalid(() => parseTicket({ ...valid, channel: "fax" }), "channel");
    expectInvalid(() => parseTicket({ ...valid, department: "legal" }), "department");
    expectUnknownKeyRejected(() => parseTicket({ ...valid, sla: "gold" }), "sla");
  });
});
