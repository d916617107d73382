import { z } from "zod";
import { invalidInput } from "../errors/invalid-input.js";
import { type ContactChannel, ContactChannelSchema, type InteractionChannel } from "../model/channels.js";
import type { Customer } from "../model/customer.js";
import { parseWith } from "../model/parse.js";
import { TimestampSchema } from "../model/timestamp.js";

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time HH:MM (24-hour)");

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * A contact policy, as data:
 *
 * - `consentMode` — `opt-in` (default): contact only where consent is `granted`;
 *   `opt-out`: contact unless consent is `denied`. `consentModeByChannel` overrides
 *   it per channel (e.g. email opt-in, calls opt-out).
 * - `caps` — frequency caps: at most `max` messages per `windowHours` on a channel, or
 *   on all channels together with `channel: "any"`.
 * - `quietHours` — a daily window (local time in an IANA `timeZone`) with no contact;
 *   it may span midnight (`21:00`–`08:00`).
 * - `quietPeriods` — absolute periods with no contact (holidays, an incident).
 *
 * @example
 * ```ts
 * import { ContactPolicySchema } from "crmkit/stages";
 * const policy = ContactPolicySchema.parse({
 *   caps: [{ channel: "email", max: 3, windowHours: 168 }, { channel: "any", max: 5, windowHours: 168 }],
 *   quietHours: { start: "21:00", end: "08:00", timeZone: "Europe/Berlin" },
 * });
 * ```
 */
export const ContactPolicySchema = z.strictObject({
  consentMode: z.enum(["opt-in", "opt-out"]).default("opt-in"),
  consentModeByChannel: z.partialRecord(ContactChannelSchema, z.enum(["opt-in", "opt-out"])).default({}),
  caps: z
    .array(
      z.strictObject({
        channel: z.union([ContactChannelSchema, z.literal("any")]),
        max: z.number().int().nonnegative(),
        windowHours: z.number().positive().max(24 * 3660),
      }),
    )
    .max(50)
    .default([]),
  quietHours: z
    .strictObject({
      start: HHMM,
      end: HHMM,
      timeZone: z.string().refine(isTimeZone, { message: "expected an IANA time zone such as Europe/Berlin" }),
    })
    .refine((q) => q.start !== q.end, { message: "expected start != end" })
    .optional(),
  quietPeriods: z
    .array(
      z
        .strictObject({ from: TimestampSchema, to: TimestampSchema, reason: z.string().max(200).optional() })
        .refine((p) => p.to > p.from, { message: "expected to > from", path: ["to"] }),
    )
    .max(1000)
    .default([]),
});

/**
 * A contact policy (see {@link ContactPolicySchema}).
 *
 * @example
 * ```ts
 * import type { ContactPolicy } from "crmkit/stages";
 * let policy: ContactPolicy | undefined;
 * ```
 */
export type ContactPolicy = z.infer<typeof ContactPolicySchema>;

/**
 * What {@link canContact} accepts as a policy (defaults may be omitted).
 *
 * @example
 * ```ts
 * import type { ContactPolicyInput } from "crmkit/stages";
 * const p: ContactPolicyInput = { caps: [{ channel: "sms", max: 1, windowHours: 24 }] };
 * ```
 */
export type ContactPolicyInput = z.input<typeof ContactPolicySchema>;

/**
 * One past outbound message: its channel and when it was sent. crmkit `Interaction`
 * records fit: only `direction: "outbound"` ones on a contact channel count.
 *
 * @example
 * ```ts
 * import type { ContactHistoryEntry } from "crmkit/stages";
 * const e: ContactHistoryEntry = { channel: "email", at: new Date("2024-05-01T09:00:00Z") };
 * ```
 */
export type ContactHistoryEntry =
  | { readonly channel: ContactChannel; readonly at: Date }
  | { readonly channel: InteractionChannel; readonly occurredAt: Date; readonly direction: "inbound" | "outbound" | "internal" };

/**
 * Why contact is not allowed, one rule at a time. `until` is when the block ends
 * (absent for consent, which time does not lift).
 *
 * @example
 * ```ts
 * import type { ContactBlock } from "crmkit/stages";
 * const b: ContactBlock = { rule: "cap", message: "3 email messages in the last 168 hours (max 3)", until: new Date() };
 * ```
 */
export interface ContactBlock {
  readonly rule: "consent" | "cap" | "quietHours" | "quietPeriod";
  readonly message: string;
  readonly until?: Date;
}

/**
 * The decision of {@link canContact}: `allowed`, every rule that blocks (`reasons`),
 * and when contact on this channel will next be allowed if only time-bound rules block
 * (`null` when consent blocks, or when allowed now).
 *
 * @example
 * ```ts
 * import type { ContactDecision } from "crmkit/stages";
 * declare const d: ContactDecision;
 * if (!d.allowed) console.log(d.reasons.map((r) => r.message).join("; "));
 * ```
 */
export interface ContactDecision {
  readonly allowed: boolean;
  readonly channel: ContactChannel;
  readonly at: Date;
  readonly reasons: readonly ContactBlock[];
  readonly nextAllowedAt: Date | null;
}

const TO_CONTACT: Partial<Record<InteractionChannel | ContactChannel, ContactChannel>> = {
  email: "email",
  sms: "sms",
  call: "call",
  whatsapp: "whatsapp",
  push: "push",
  in_app: "push",
  mail: "mail",
};

const HOUR_MS = 3_600_000;

function minutesOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" }).formatToParts(at);
  const h = Number(parts.find((p) => p.type === "hour")?.value);
  const m = Number(parts.find((p) => p.type === "minute")?.value);
  return h * 60 + m;
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function sentTimes(history: readonly ContactHistoryEntry[], before: number): { channel: ContactChannel; t: number }[] {
  const out: { channel: ContactChannel; t: number }[] = [];
  history.forEach((e, i) => {
    if (typeof e !== "object" || e === null) throw invalidInput(`canContact: history[${i}]`, e, "{ channel, at } or an Interaction");
    let at: unknown;
    if ("occurredAt" in e) {
      if (e.direction !== "outbound") return;
      at = e.occurredAt;
    } else at = e.at;
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw invalidInput(`canContact: history[${i}].at`, at, "a valid Date");
    const channel = TO_CONTACT[e.channel];
    if (channel === undefined) return;
    const t = at.getTime();
    if (t <= before) out.push({ channel, t });
  });
  return out.sort((a, b) => a.t - b.t);
}

function blocksAt(customer: Pick<Customer, "consent">, channel: ContactChannel, sent: readonly { channel: ContactChannel; t: number }[], policy: ContactPolicy, at: number): ContactBlock[] {
  const blocks: ContactBlock[] = [];
  const mode = policy.consentModeByChannel[channel] ?? policy.consentMode;
  const consent = customer.consent[channel];
  const status = consent?.status ?? "unknown";
  if (status === "denied" || (mode === "opt-in" && status !== "granted")) {
    blocks.push({
      rule: "consent",
      message:
        status === "denied"
          ? `${channel} consent is denied${consent?.updatedAt ? ` (since ${consent.updatedAt.toISOString()})` : ""}`
          : `${channel} requires opt-in consent and it is ${status}`,
    });
  }
  for (const cap of policy.caps) {
    if (cap.channel !== "any" && cap.channel !== channel) continue;
    const windowStart = at - cap.windowHours * HOUR_MS;
    const inWindow = sent.filter((s) => (cap.channel === "any" || s.channel === cap.channel) && s.t > windowStart && s.t <= at);
    if (inWindow.length >= cap.max) {
      // allowed again once enough of them have left the window
      const release = cap.max === 0 ? undefined : inWindow[inWindow.length - cap.max]!.t + cap.windowHours * HOUR_MS;
      const what = cap.channel === "any" ? "messages on all channels" : `${channel} messages`;
      blocks.push({
        rule: "cap",
        message: `${inWindow.length} ${what} in the last ${cap.windowHours} hours (max ${cap.max})`,
        ...(release === undefined ? {} : { until: new Date(release) }),
      });
    }
  }
  if (policy.quietHours !== undefined) {
    const q = policy.quietHours;
    const m = minutesOfDay(new Date(at), q.timeZone);
    const start = toMinutes(q.start);
    const end = toMinutes(q.end);
    const quiet = start < end ? m >= start && m < end : m >= start || m < end;
    if (quiet) {
      const minutesLeft = (end - m + 1440) % 1440;
      let until = Math.floor(at / 60_000) * 60_000 + minutesLeft * 60_000;
      // Across a DST change the local clock jumps: correct by the offset the clock moved.
      let drift = (minutesOfDay(new Date(until), q.timeZone) - end + 1440) % 1440;
      if (drift > 720) drift -= 1440;
      until -= drift * 60_000;
      blocks.push({ rule: "quietHours", message: `quiet hours ${q.start}-${q.end} (${q.timeZone})`, until: new Date(until) });
    }
  }
  for (const p of policy.quietPeriods) {
    if (at >= p.from.getTime() && at < p.to.getTime()) {
      blocks.push({ rule: "quietPeriod", message: `quiet period until ${p.to.toISOString()}${p.reason ? ` (${p.reason})` : ""}`, until: p.to });
    }
  }
  return blocks;
}

/**
 * Decides whether a customer may be contacted on `channel` at instant `at`, honouring
 * consent per channel, frequency caps per channel and overall, quiet hours and quiet
 * periods — because over-communication drives customers away. Returns every rule
 * that blocks, in words, and, when only time-bound rules block, the earliest instant
 * contact becomes allowed (caps released, quiet hours over, DST included).
 *
 * `history` holds past outbound messages (`{ channel, at }`, or `Interaction` records:
 * only outbound ones on a contact channel count; in-app counts as push). Messages
 * after `at` are ignored. Throws `INVALID_INPUT` for an unknown channel, an invalid
 * policy (naming the field) or an invalid date.
 *
 * @example
 * ```ts
 * import { canContact } from "crmkit/stages";
 * const customer = { consent: { email: { status: "granted" as const } } };
 * const history = [
 *   { channel: "email" as const, at: new Date("2024-05-01T09:00:00Z") },
 *   { channel: "email" as const, at: new Date("2024-05-03T09:00:00Z") },
 * ];
 * const d = canContact(customer, "email", history, { caps: [{ channel: "email", max: 2, windowHours: 168 }] }, { at: new Date("2024-05-04T10:00:00Z") });
 * d.allowed; // false
 * d.nextAllowedAt?.toISOString(); // "2024-05-08T09:00:00.000Z"
 * ```
 */
export function canContact(
  customer: Pick<Customer, "consent">,
  channel: ContactChannel,
  history: readonly ContactHistoryEntry[],
  policy: ContactPolicyInput,
  options: { readonly at: Date },
): ContactDecision {
  if (typeof customer !== "object" || customer === null || typeof customer.consent !== "object" || customer.consent === null) {
    throw invalidInput("canContact: customer.consent", (customer as { consent?: unknown } | null)?.consent, "the customer's consent record (an object)");
  }
  const ch = ContactChannelSchema.safeParse(channel);
  if (!ch.success) throw invalidInput("canContact: channel", channel, `one of ${ContactChannelSchema.options.join(", ")}`);
  if (!Array.isArray(history)) throw invalidInput("canContact: history", history, "an array of past outbound messages");
  const at = options?.at;
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw invalidInput("canContact: options.at", at, "a valid Date");
  const p = parseWith(ContactPolicySchema, "ContactPolicy", policy);
  const sent = sentTimes(history, at.getTime());
  const reasons = blocksAt(customer, ch.data, sent, p, at.getTime());
  let nextAllowedAt: Date | null = null;
  if (reasons.length > 0 && reasons.every((r) => r.until !== undefined)) {
    // Move to the latest release time and re-check (another rule may block then); bounded.
    let t = at.getTime();
    for (let i = 0; i < 100; i++) {
      const blocks = blocksAt(customer, ch.data, sent, p, t);
      if (blocks.length === 0) {
        nextAllowedAt = new Date(t);
        break;
      }
      if (blocks.some((b) => b.until === undefined)) break;
      t = Math.max(...blocks.map((b) => b.until!.getTime()));
    }
  }
  return { allowed: reasons.length === 0, channel: ch.data, at, reasons, nextAllowedAt };
}
