import { describe, expect, it } from "vitest";
import { canContact } from "../../src/stages/index.js";

const granted = { consent: { email: { status: "granted" as const }, sms: { status: "denied" as const, updatedAt: new Date("2024-01-10T00:00:00Z") } } };
const at = (iso: string) => new Date(iso);

describe("canContact", () => {
  it("honours consent: opt-in needs granted, opt-out only stops at denied", () => {
    expect(canContact(granted, "email", [], {}, { at: at("2024-05-01T12:00:00Z") }).allowed).toBe(true);
    const sms = canContact(granted, "sms", [], {}, { at: at("2024-05-01T12:00:00Z") });
    expect(sms.allowed).toBe(false);
    expect(sms.reasons).toEqual([{ rule: "consent", message: "sms consent is denied (since 2024-01-10T00:00:00.000Z)" }]);
    expect(sms.nextAllowedAt).toBeNull();
    expect(canContact(granted, "call", [], {}, { at: at("2024-05-01T12:00:00Z") }).reasons[0]!.message).toBe("call requires opt-in consent and it is unknown");
    expect(canContact(granted, "call", [], { consentMode: "opt-out" }, { at: at("2024-05-01T12:00:00Z") }).allowed).toBe(true);
    expect(canContact(granted, "call", [], { consentModeByChannel: { call: "opt-out" } }, { at: at("2024-05-01T12:00:00Z") }).allowed).toBe(true);
    expect(canContact(granted, "sms", [], { consentMode: "opt-out" }, { at: at("2024-05-01T12:00:00Z") }).allowed).toBe(false);
  });

  it("applies a per-channel cap over a trailing window and says when it lifts", () => {
    const history = [
      { channel: "email" as const, at: at("2024-05-01T09:00:00Z") },
      { channel: "email" as const, at: at("2024-05-03T09:00:00Z") },
      { channel: "sms" as const, at: at("2024-05-03T10:00:00Z") },
    ];
    const d = canContact(granted, "email", history, { caps: [{ channel: "email", max: 2, windowHours: 168 }] }, { at: at("2024-05-04T10:00:00Z") });
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]).toEqual({ rule: "cap", message: "2 email messages in the last 168 hours (max 2)", until: at("2024-05-08T09:00:00Z") });
    expect(d.nextAllowedAt).toEqual(at("2024-05-08T09:00:00Z"));
    // exactly one window after the first message it has left the window
    expect(canContact(granted, "email", history, { caps: [{ channel: "email", max: 2, windowHours: 168 }] }, { at: at("2024-05-08T09:00:00Z") }).allowed).toBe(true);
  });

  it("applies an overall cap across channels", () => {
    const history = [
      { channel: "email" as const, at: at("2024-05-01T09:00:00Z") },
      { channel: "call" as const, at: at("2024-05-02T09:00:00Z") },
    ];
    const d = canContact(granted, "email", history, { caps: [{ channel: "any", max: 2, windowHours: 72 }] }, { at: at("2024-05-02T12:00:00Z") });
    expect(d.reasons[0]!.message).toBe("2 messages on all channels in the last 72 hours (max 2)");
    expect(d.nextAllowedAt).toEqual(at("2024-05-04T09:00:00Z"));
  });

  it("counts only outbound interactions on contact channels, and ignores the future", () => {
    const history = [
      { channel: "email" as const, occurredAt: at("2024-05-01T09:00:00Z"), direction: "inbound" as const },
      { channel: "meeting" as const, occurredAt: at("2024-05-01T10:00:00Z"), direction: "outbound" as const },
      { channel: "email" as const, occurredAt: at("2024-05-01T11:00:00Z"), direction: "outbound" as const },
      { channel: "email" as const, at: at("2024-06-01T11:00:00Z") },
    ];
    const policy = { caps: [{ channel: "email" as const, max: 2, windowHours: 24 }] };
    expect(canContact(granted, "email", history, policy, { at: at("2024-05-01T12:00:00Z") }).allowed).toBe(true);
    expect(canContact(granted, "email", history.slice(2).concat([{ channel: "email", at: at("2024-05-01T11:30:00Z") }]), policy, { at: at("2024-05-01T12:00:00Z") }).allowed).toBe(false);
  });

  it("a zero cap blocks for good and gives no next time", () => {
    const d = canContact(granted, "email", [], { caps: [{ channel: "email", max: 0, windowHours: 24 }] }, { at: at("2024-05-01T12:00:00Z") });
    expect(d.allowed).toBe(false);
    expect(d.nextAllowedAt).toBeNull();
  });

  it("respects quiet hours spanning midnight in the customer's time zone", () => {
    const policy = { quietHours: { start: "21:00", end: "08:00", timeZone: "Europe/Berlin" } };
    // 2024-05-01 20:30 UTC = 22:30 in Berlin (CEST, UTC+2): quiet until 08:00 Berlin = 06:00 UTC
    const d = canContact(granted, "email", [], policy, { at: at("2024-05-01T20:30:00Z") });
    expect(d.allowed).toBe(false);
    expect(d.nextAllowedAt).toEqual(at("2024-05-02T06:00:00Z"));
    expect(canContact(granted, "email", [], policy, { at: at("2024-05-01T18:59:00Z") }).allowed).toBe(true); // 20:59 Berlin
    expect(canContact(granted, "email", [], policy, { at: at("2024-05-02T06:00:00Z") }).allowed).toBe(true); // 08:00 Berlin
  });

  it("gets quiet hours right across the DST change", () => {
    // Berlin springs forward on 2024-03-31 at 02:00 local (01:00 UTC): 08:00 local that day is 06:00 UTC, not 07:00
    const policy = { quietHours: { start: "22:00", end: "08:00", timeZone: "Europe/Berlin" } };
    const d = canContact(granted, "email", [], policy, { at: at("2024-03-30T22:30:00Z") }); // 23:30 CET
    expect(d.nextAllowedAt).toEqual(at("2024-03-31T06:00:00Z"));
    // and falls back on 2024-10-27 at 03:00 local (01:00 UTC): 08:00 local is 07:00 UTC
    const f = canContact(granted, "email", [], policy, { at: at("2024-10-26T21:00:00Z") }); // 23:00 CEST
    expect(f.nextAllowedAt).toEqual(at("2024-10-27T07:00:00Z"));
  });

  it("respects quiet periods and combines blocks into the first instant all are lifted", () => {
    const policy = {
      quietPeriods: [{ from: "2024-12-24T00:00:00Z", to: "2024-12-27T00:00:00Z", reason: "holidays" }],
      caps: [{ channel: "email" as const, max: 1, windowHours: 24 * 5 }],
    };
    const history = [{ channel: "email" as const, at: at("2024-12-23T12:00:00Z") }];
    const d = canContact(granted, "email", history, policy, { at: at("2024-12-25T10:00:00Z") });
    expect(d.reasons.map((r) => r.rule).sort()).toEqual(["cap", "quietPeriod"]);
    expect(d.nextAllowedAt).toEqual(at("2024-12-28T12:00:00Z"));
  });

  it("rejects bad input", () => {
    const now = { at: at("2024-05-01T12:00:00Z") };
    expect(() => canContact(granted, "fax" as never, [], {}, now)).toThrow(/channel/);
    expect(() => canContact(granted, "email", [], { quietHours: { start: "25:00", end: "08:00", timeZone: "UTC" } }, now)).toThrow(/quietHours\.start/);
    expect(() => canContact(granted, "email", [], { quietHours: { start: "21:00", end: "08:00", timeZone: "Mars/Olympus" } }, now)).toThrow(/IANA/);
    expect(() => canContact(granted, "email", [], { caps: [{ channel: "email", max: -1, windowHours: 1 }] }, now)).toThrow(/caps\[0\]\.max/);
    expect(() => canContact(granted, "email", [{ channel: "email", at: "yesterday" } as never], {}, now)).toThrow(/history\[0\]\.at/);
    expect(() => canContact({} as never, "email", [], {}, now)).toThrow(/consent/);
    expect(() => canContact(granted, "email", [], {}, { at: new Date("x") })).toThrow(/options\.at/);
  });
});
