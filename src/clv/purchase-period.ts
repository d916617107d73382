import { invalidInput } from "../errors/invalid-input.js";
import { periodIndexOfMs } from "../time/calendar-period.js";
import { checkUnit, DAYS_PER_UNIT, type TimeUnit } from "./time-unit.js";

/**
 * The calendar period within which purchases are merged into one (a customer who
 * orders twice on one day made one purchase-day, as in the published CDNOW
 * summaries). `"hour"` and `"day"` periods measure durations exactly in any
 * {@link TimeUnit} (weeks = days / 7); `"week"` (ISO, Monday first), `"month"`,
 * `"quarter"` and `"year"` periods count whole calendar periods and need the same
 * `unit` (lifetimes' `freq="W"` / `"M"`). Calendar periods are those of
 * `crmkit/time`, taken in `timeZone` when one is given.
 *
 * @example
 * ```ts
 * import { PURCHASE_PERIODS } from "crmkit/clv";
 * PURCHASE_PERIODS.includes("day"); // true
 * ```
 */
export const PURCHASE_PERIODS = ["hour", "day", "week", "month", "quarter", "year"] as const;

/**
 * A purchase period (see {@link PURCHASE_PERIODS}).
 *
 * @example
 * ```ts
 * import type { PurchasePeriod } from "crmkit/clv";
 * const period: PurchasePeriod = "day";
 * ```
 */
export type PurchasePeriod = (typeof PURCHASE_PERIODS)[number];

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/**
 * Maps instants to integer period indices (in UTC or a time zone) and index
 * differences to durations in the summary's unit. Internal: shared by the
 * transaction and the aggregate paths so both give identical summaries.
 */
export class PeriodClock {
  readonly period: PurchasePeriod;
  readonly unit: TimeUnit;
  /** Multiplier from a period-index difference to a duration in `unit`. */
  readonly scale: number;
  private readonly zone: Intl.DateTimeFormat | undefined;
  private readonly offsetCache = new Map<number, number>();

  constructor(unit: unknown, period: unknown = "day", timeZone?: unknown) {
    checkUnit("options.unit", unit);
    if (typeof period !== "string" || !(PURCHASE_PERIODS as readonly string[]).includes(period)) {
      throw invalidInput("options.period", period, `one of ${PURCHASE_PERIODS.map((p) => `"${p}"`).join(", ")}`);
    }
    const p = period as PurchasePeriod;
    this.unit = unit;
    this.period = p;
    if (p === "hour" || p === "day") {
      this.scale = (p === "hour" ? 1 / 24 : 1) / DAYS_PER_UNIT[unit];
    } else {
      if (unit !== p) {
        throw invalidInput("options.unit", unit, `"${p}" when options.period is "${p}" (calendar periods are counted whole; use period "day" to measure in ${unit}s)`);
      }
      this.scale = 1;
    }
    if (timeZone === undefined || timeZone === "UTC") {
      this.zone = undefined;
    } else {
      if (typeof timeZone !== "string") throw invalidInput("options.timeZone", timeZone, "an IANA time zone name such as \"Europe/Paris\"");
      try {
        this.zone = new Intl.DateTimeFormat("en-US", {
          timeZone,
          hourCycle: "h23",
          year: "numeric",
          month: "numeric",
          day: "numeric",
          hour: "numeric",
          minute: "numeric",
          second: "numeric",
        });
      } catch (cause) {
        throw invalidInput("options.timeZone", timeZone, "an IANA time zone name such as \"Europe/Paris\"", { cause: String(cause) });
      }
    }
  }

  /** Offset (ms) to add to a UTC instant to get the local wall-clock time. */
  private offset(ms: number): number {
    if (this.zone === undefined) return 0;
    const key = Math.floor(ms / 900_000); // offsets change on quarter-hour boundaries at most
    const cached = this.offsetCache.get(key);
    if (cached !== undefined) return cached;
    const at = key * 900_000;
    const parts = this.zone.formatToParts(new Date(at));
    const get = (type: string): number => Number(parts.find((q) => q.type === type)?.value ?? 0);
    const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    const off = local - at;
    if (this.offsetCache.size > 100_000) this.offsetCache.clear();
    this.offsetCache.set(key, off);
    return off;
  }

  /** The integer index of the period containing instant `ms`. */
  index(ms: number): number {
    if (this.zone === undefined && this.period === "day") return Math.floor(ms / MS_PER_DAY);
    const local = ms + this.offset(ms);
    switch (this.period) {
      case "hour":
        return Math.floor(local / MS_PER_HOUR);
      case "day":
        return Math.floor(local / MS_PER_DAY);
      default:
        return periodIndexOfMs(local, this.period);
    }
  }

  /** Duration in `unit` between two period indices. */
  duration(fromIndex: number, toIndex: number): number {
    return (toIndex - fromIndex) * this.scale;
  }
}
