import type { RelationshipProfile } from "./profile.js";

const DAY_MS = 86_400_000;

/**
 * The observable signals a relationship stage is computed from. Each has a unit,
 * says whether it can be restricted to a trailing window of days, and how it reads in
 * a sentence. Windowed signals count facts with `asOf − windowDays < at ≤ asOf`;
 * without a window they count everything up to `asOf`.
 *
 * | signal | meaning |
 * |---|---|
 * | `tenureDays` | days since the relationship started |
 * | `purchaseCount` | purchases (windowable) |
 * | `revenue` | purchase revenue (windowable) |
 * | `twoWayInteractions` | interactions the customer took part in (windowable) |
 * | `departmentsEngaged` | distinct departments with a two-way interaction (windowable) |
 * | `daysSinceLastActivity` | days since the last purchase, two-way interaction, NPS answer or ticket opened (since the start if none) |
 * | `openTickets` / `openEscalatedTickets` | tickets open at `asOf` |
 * | `latestNps` | the latest NPS answer (0–10) |
 * | `npsChange` | latest minus previous NPS answer |
 * | `activeSubscription` | a subscription or contract is active at `asOf` |
 * | `keyContactLost` | a key contact was lost and not restored |
 *
 * @example
 * ```ts
 * import { RELATIONSHIP_SIGNALS } from "crmkit/stages";
 * RELATIONSHIP_SIGNALS.departmentsEngaged.windowed; // true
 * ```
 */
export const RELATIONSHIP_SIGNALS = {
  tenureDays: { windowed: false, type: "number", label: "days of relationship" },
  purchaseCount: { windowed: true, type: "number", label: "purchases" },
  revenue: { windowed: true, type: "number", label: "revenue" },
  twoWayInteractions: { windowed: true, type: "number", label: "two-way interactions" },
  departmentsEngaged: { windowed: true, type: "number", label: "departments engaged" },
  daysSinceLastActivity: { windowed: false, type: "number", label: "days since the last activity" },
  openTickets: { windowed: false, type: "number", label: "open tickets" },
  openEscalatedTickets: { windowed: false, type: "number", label: "open escalated tickets" },
  latestNps: { windowed: false, type: "number", label: "latest NPS score" },
  npsChange: { windowed: false, type: "number", label: "change of NPS score since the previous answer" },
  activeSubscription: { windowed: false, type: "boolean", label: "active subscription or contract" },
  keyContactLost: { windowed: false, type: "boolean", label: "key contact lost" },
} as const;

/**
 * The name of a relationship signal.
 *
 * @example
 * ```ts
 * import type { RelationshipSignal } from "crmkit/stages";
 * const s: RelationshipSignal = "tenureDays";
 * ```
 */
export type RelationshipSignal = keyof typeof RELATIONSHIP_SIGNALS;

/**
 * All signal names.
 *
 * @example
 * ```ts
 * import { RELATIONSHIP_SIGNAL_NAMES } from "crmkit/stages";
 * RELATIONSHIP_SIGNAL_NAMES.includes("revenue"); // true
 * ```
 */
export const RELATIONSHIP_SIGNAL_NAMES = Object.keys(RELATIONSHIP_SIGNALS) as [RelationshipSignal, ...RelationshipSignal[]];

function inWindow(at: Date, asOfMs: number, windowDays: number | undefined): boolean {
  const t = at.getTime();
  if (t > asOfMs) return false;
  return windowDays === undefined || t > asOfMs - windowDays * DAY_MS;
}

function latestTwo(nps: RelationshipProfile["nps"], asOfMs: number): [number | undefined, number | undefined] {
  let last: { at: number; score: number } | undefined;
  let prev: { at: number; score: number } | undefined;
  for (const r of nps) {
    const t = r.at.getTime();
    if (t > asOfMs) continue;
    if (last === undefined || t >= last.at) {
      prev = last;
      last = { at: t, score: r.score };
    } else if (prev === undefined || t >= prev.at) {
      prev = { at: t, score: r.score };
    }
  }
  return [last?.score, prev?.score];
}

/**
 * The value of one signal for a profile as of `asOf` (facts after `asOf` are
 * ignored), over a trailing window of `windowDays` where the signal allows one.
 * `undefined` means the signal has no value (e.g. no NPS answer yet); a condition on
 * a missing value is never satisfied.
 *
 * @example
 * ```ts
 * import { signalValue } from "crmkit/stages";
 * const profile = {
 *   customerId: "c-1", since: new Date("2024-01-01"),
 *   purchases: [{ at: new Date("2024-02-01"), amount: 50 }, { at: new Date("2024-06-01"), amount: 70 }],
 *   interactions: [], tickets: [], nps: [], subscriptions: [], keyContactEvents: [],
 * };
 * signalValue(profile, "purchaseCount", new Date("2024-07-01"), 90); // 1
 * signalValue(profile, "revenue", new Date("2024-07-01")); // 120
 * ```
 */
export function signalValue(profile: RelationshipProfile, signal: RelationshipSignal, asOf: Date, windowDays?: number): number | boolean | undefined {
  const asOfMs = asOf.getTime();
  switch (signal) {
    case "tenureDays":
      return (asOfMs - profile.since.getTime()) / DAY_MS;
    case "purchaseCount": {
      let n = 0;
      for (const p of profile.purchases) if (inWindow(p.at, asOfMs, windowDays)) n++;
      return n;
    }
    case "revenue": {
      let sum = 0;
      for (const p of profile.purchases) if (inWindow(p.at, asOfMs, windowDays)) sum += p.amount;
      return sum;
    }
    case "twoWayInteractions": {
      let n = 0;
      for (const i of profile.interactions) if (i.twoWay && inWindow(i.at, asOfMs, windowDays)) n++;
      return n;
    }
    case "departmentsEngaged": {
      const seen = new Set<string>();
      for (const i of profile.interactions) if (i.twoWay && inWindow(i.at, asOfMs, windowDays)) seen.add(i.department);
      return seen.size;
    }
    case "daysSinceLastActivity": {
      let last = profile.since.getTime();
      const consider = (t: number) => {
        if (t <= asOfMs && t > last) last = t;
      };
      for (const p of profile.purchases) consider(p.at.getTime());
      for (const i of profile.interactions) if (i.twoWay) consider(i.at.getTime());
      for (const r of profile.nps) consider(r.at.getTime());
      for (const t of profile.tickets) consider(t.openedAt.getTime());
      return (asOfMs - last) / DAY_MS;
    }
    case "openTickets":
    case "openEscalatedTickets": {
      let n = 0;
      for (const t of profile.tickets) {
        if (signal === "openEscalatedTickets" && !t.escalated) continue;
        if (t.openedAt.getTime() <= asOfMs && (t.resolvedAt === undefined || t.resolvedAt.getTime() > asOfMs)) n++;
      }
      return n;
    }
    case "latestNps":
      return latestTwo(profile.nps, asOfMs)[0];
    case "npsChange": {
      const [last, prev] = latestTwo(profile.nps, asOfMs);
      return last === undefined || prev === undefined ? undefined : last - prev;
    }
    case "activeSubscription":
      return profile.subscriptions.some((s) => s.startedAt.getTime() <= asOfMs && (s.endedAt === undefined || s.endedAt.getTime() > asOfMs));
    case "keyContactLost": {
      let latest: { t: number; lost: boolean } | undefined;
      for (const e of profile.keyContactEvents) {
        const t = e.at.getTime();
        if (t <= asOfMs && (latest === undefined || t >= latest.t)) latest = { t, lost: e.type === "lost" };
      }
      return latest?.lost ?? false;
    }
  }
}
