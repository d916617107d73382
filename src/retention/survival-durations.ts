import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { activityKinds, readActivity, type ActivityOptions, type ActivitySource } from "./activity.js";
import { CustomerPeriodCollector } from "./customer-periods.js";
import { checkValidDate } from "../model/timestamp.js";

/**
 * Units of survival durations. Fixed lengths: a `month` is 1/12 of a Gregorian
 * year (30.436875 days), a `year` 365.2425 days.
 *
 * @example
 * ```ts
 * import { DURATION_UNIT_DAYS } from "crmkit/retention";
 * DURATION_UNIT_DAYS.week; // 7
 * ```
 */
export const DURATION_UNIT_DAYS = { day: 1, week: 7, month: 365.2425 / 12, year: 365.2425 } as const;

/**
 * A unit of {@link DURATION_UNIT_DAYS}.
 *
 * @example
 * ```ts
 * import type { DurationUnit } from "crmkit/retention";
 * const unit: DurationUnit = "month";
 * ```
 */
export type DurationUnit = keyof typeof DURATION_UNIT_DAYS;

const DAY_MS = 86_400_000;

function unitMs(field: string, unit: unknown): number {
  if (typeof unit !== "string" || !Object.hasOwn(DURATION_UNIT_DAYS, unit)) throw invalidInput(field, unit, '"day", "week", "month" or "year"');
  return DURATION_UNIT_DAYS[unit as DurationUnit] * DAY_MS;
}

/**
 * Durations and censoring flags, ready for {@link kaplanMeier} or {@link logRankTest}.
 *
 * @example
 * ```ts
 * import { kaplanMeier, type SurvivalData } from "crmkit/retention";
 * const fit = (d: SurvivalData) => kaplanMeier(d.durations, d.observed);
 * ```
 */
export interface SurvivalData {
  readonly durations: Float64Array;
  /** 1 = churn observed, 0 = censored (still a customer at the end of observation). */
  readonly observed: Uint8Array;
  readonly unit: DurationUnit;
}

/**
 * A customer relationship with a start and, once it has ended, an end (a
 * subscription's `startedAt` / `endedAt`, a contract's dates…).
 *
 * @example
 * ```ts
 * import type { Lifetime } from "crmkit/retention";
 * const l: Lifetime = { start: new Date("2023-04-01T00:00:00Z"), end: new Date("2024-01-15T00:00:00Z") };
 * ```
 */
export interface Lifetime {
  readonly start: Date;
  readonly end?: Date | null;
}

/**
 * Options of {@link durationsFromDates}.
 *
 * @example
 * ```ts
 * import type { DurationsFromDatesOptions } from "crmkit/retention";
 * const o: DurationsFromDatesOptions = { asOf: new Date("2024-06-30T00:00:00Z"), unit: "month" };
 * ```
 */
export interface DurationsFromDatesOptions {
  /** End of observation. */
  readonly asOf: Date;
  /** Unit of the durations (default `"day"`). */
  readonly unit?: DurationUnit;
}

/**
 * Turns start/end dates into right-censored durations: an end at or before `asOf`
 * is an observed churn after `end − start`; no end, or an end after `asOf` (not yet
 * happened as of then, as in a backtest), is censored at `asOf − start`. Output is
 * aligned with the input (index i ↔ record i).
 *
 * @example
 * ```ts
 * import { durationsFromDates, kaplanMeier } from "crmkit/retention";
 * const d = (s: string) => new Date(s);
 * const data = durationsFromDates(
 *   [{ start: d("2024-01-01T00:00:00Z"), end: d("2024-01-31T00:00:00Z") }, { start: d("2024-02-01T00:00:00Z") }],
 *   { asOf: d("2024-03-01T00:00:00Z") },
 * );
 * data.durations; // Float64Array [30, 29]
 * data.observed; // Uint8Array [1, 0]
 * kaplanMeier(data.durations, data.observed);
 * ```
 */
export function durationsFromDates(records: ArrayLike<Lifetime>, options: DurationsFromDatesOptions): SurvivalData {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object { asOf }");
  const asOfMs = checkValidDate("options.asOf", options.asOf);
  const unit = options.unit ?? "day";
  const scale = unitMs("options.unit", unit);
  if (typeof records !== "object" || records === null || typeof records.length !== "number") throw invalidInput("records", records, "an array of { start, end? }");
  const n = records.length;
  if (n === 0) throw new CrmkitError("INSUFFICIENT_DATA", "durationsFromDates: records is empty");
  const durations = new Float64Array(n);
  const observed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i];
    if (typeof r !== "object" || r === null) throw invalidInput(`records[${i}]`, r, "an object { start, end? }");
    const start = checkValidDate(`records[${i}].start`, r.start);
    if (start > asOfMs) throw invalidInput(`records[${i}].start`, r.start, `a start at or before asOf (${new Date(asOfMs).toISOString()}); leave out relationships that had not begun`);
    let stop = asOfMs;
    if (r.end !== undefined && r.end !== null) {
      const end = checkValidDate(`records[${i}].end`, r.end);
      if (end < start) throw invalidInput(`records[${i}].end`, r.end, `an end at or after the start (${new Date(start).toISOString()})`);
      if (end <= asOfMs) {
        stop = end;
        observed[i] = 1;
      }
    }
    durations[i] = (stop - start) / scale;
  }
  return { durations, observed, unit };
}

/**
 * Options of {@link durationsFromActivity}.
 *
 * @example
 * ```ts
 * import type { DurationsFromActivityOptions } from "crmkit/retention";
 * const o: DurationsFromActivityOptions = { asOf: new Date("2024-06-30T00:00:00Z"), inactivityDays: 90 };
 * ```
 */
export interface DurationsFromActivityOptions extends ActivityOptions {
  /** End of observation; rows after it are an error. */
  readonly asOf: Date;
  /** A customer inactive for longer than this many days is deemed to have churned. */
  readonly inactivityDays: number;
  /**
   * When churn happens: `"end-of-window"` (default) — when the rule fires, `inactivityDays`
   * after the last activity; customers still inside the window are censored at
   * `asOf`. `"last-activity"` — at the last activity; customers still inside the window
   * are then censored at their last activity too (all we know is that their final
   * activity is no earlier).
   */
  readonly churnAt?: "end-of-window" | "last-activity";
  /** Unit of the durations (default `"day"`). */
  readonly unit?: DurationUnit;
}

/**
 * {@link SurvivalData} per customer, with the customer ids.
 *
 * @example
 * ```ts
 * import type { CustomerSurvivalData } from "crmkit/retention";
 * const churned = (d: CustomerSurvivalData) => d.customerIds.filter((_, i) => d.observed[i] === 1);
 * ```
 */
export interface CustomerSurvivalData extends SurvivalData {
  readonly customerIds: readonly string[];
  /** First activity of each customer (epoch ms). */
  readonly firstActivity: Float64Array;
  /** Last activity of each customer (epoch ms). */
  readonly lastActivity: Float64Array;
}

/**
 * Turns activity (transactions or plain rows) into one right-censored duration per
 * customer with an inactivity rule, the usual churn definition where customers do
 * not cancel explicitly: a customer whose last activity is more than
 * `inactivityDays` before `asOf` has churned. The relationship starts at the first
 * activity; see `churnAt` for when it ends.
 *
 * @example
 * ```ts
 * import { durationsFromActivity, kaplanMeier } from "crmkit/retention";
 * const d = (s: string) => new Date(s);
 * const data = await durationsFromActivity(
 *   [
 *     { customerId: "a", at: d("2024-01-01T00:00:00Z") },
 *     { customerId: "a", at: d("2024-02-01T00:00:00Z") },
 *     { customerId: "b", at: d("2024-05-01T00:00:00Z") },
 *   ],
 *   { asOf: d("2024-06-01T00:00:00Z"), inactivityDays: 60 },
 * );
 * data.durations; // Float64Array [91, 31]: a churned 60 days after 2024-02-01; b censored
 * data.observed; // Uint8Array [1, 0]
 * ```
 */
export async function durationsFromActivity(activity: ActivitySource, options: DurationsFromActivityOptions): Promise<CustomerSurvivalData> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object { asOf, inactivityDays }");
  const asOfMs = checkValidDate("options.asOf", options.asOf);
  const days = options.inactivityDays;
  if (typeof days !== "number" || !Number.isFinite(days) || days <= 0) throw invalidInput("options.inactivityDays", days, "a number of days > 0");
  const churnAt = options.churnAt ?? "end-of-window";
  if (churnAt !== "end-of-window" && churnAt !== "last-activity") throw invalidInput("options.churnAt", churnAt, '"end-of-window" or "last-activity"');
  const unit = options.unit ?? "day";
  const scale = unitMs("options.unit", unit);
  const kinds = activityKinds("options.kinds", options.kinds);
  const collector = new CustomerPeriodCollector("instant", false);
  await readActivity(activity, "activity", kinds, asOfMs, { needAmounts: false }, (id, ms) => collector.add(id, ms, 0));
  if (collector.customers === 0) throw new CrmkitError("INSUFFICIENT_DATA", "durationsFromActivity: the activity is empty (no rows of the counted kinds)");
  const data = collector.finish();
  const n = data.customers;
  const window = days * DAY_MS;
  const durations = new Float64Array(n);
  const observed = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const first = data.firstMs[c]!;
    const last = data.lastMs[c]!;
    const lapsed = last + window <= asOfMs;
    if (lapsed) observed[c] = 1;
    const end = churnAt === "last-activity" ? last : lapsed ? last + window : asOfMs;
    durations[c] = (end - first) / scale;
  }
  return { durations, observed, unit, customerIds: data.ids, firstActivity: data.firstMs.slice(), lastActivity: data.lastMs.slice() };
}
