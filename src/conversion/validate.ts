import { CrmkitError } from "../errors/crmkit-error.js";
import { describeValue } from "../errors/describe-value.js";
import { invalidInput } from "../errors/invalid-input.js";
import { FORBIDDEN_KEYS } from "../model/attributes.js";
import type { ConversionDeal, ConversionLead, StageEntry } from "./records.js";

/** Milliseconds in a day: durations are reported in days. */
export const DAY_MS = 86_400_000;

/** The epoch milliseconds of a valid `Date`, or `INVALID_INPUT` naming the field. */
export function checkDate(value: unknown, field: string): number {
  if (!(value instanceof Date)) throw invalidInput(field, value, "a Date (parse records with crmkit/model's parse functions first)");
  const t = value.getTime();
  if (Number.isNaN(t)) throw invalidInput(field, value, "a valid Date");
  return t;
}

/**
 * {@link checkDate} for hot loops: the field name is only built (`${at}${suffix}`)
 * when the value is invalid.
 */
export function checkDateAt(value: unknown, at: Locator, suffix: string): number {
  const t = value instanceof Date ? value.getTime() : Number.NaN;
  return Number.isNaN(t) ? checkDate(value, `${at}${suffix}`) : t;
}

/** Like {@link checkDateAt}, but `undefined` passes through. */
export function checkOptionalDateAt(value: unknown, at: Locator, suffix: string): number | undefined {
  return value === undefined ? undefined : checkDateAt(value, at, suffix);
}

/** {@link checkNonNegative} for hot loops (field name built only on failure). */
export function checkNonNegativeAt(value: unknown, at: Locator, suffix: string): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : checkNonNegative(value, `${at}${suffix}`);
}

/** Like {@link checkDate}, but `undefined` passes through. */
export function checkOptionalDate(value: unknown, field: string): number | undefined {
  return value === undefined ? undefined : checkDate(value, field);
}

/** A confidence level in (0, 1). */
export function checkLevel(value: unknown, field: string): number {
  if (typeof value !== "number" || !(value > 0 && value < 1)) throw invalidInput(field, value, "a confidence level in (0, 1), e.g. 0.95");
  return value;
}

/** A finite number > 0. */
export function checkPositive(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !(value > 0)) throw invalidInput(field, value, "a finite number > 0");
  return value;
}

/** A finite number >= 0. */
export function checkNonNegative(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw invalidInput(field, value, "a finite number >= 0");
  return value;
}

/** One of the allowed string values. */
export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw invalidInput(field, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  }
  return value as T;
}

/** The options object itself: `undefined` becomes `{}`; anything but a plain object is rejected. */
export function checkOptions<T extends object>(value: T | undefined, field = "options"): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw invalidInput(field, value, "an options object");
  return value;
}

/** A grouping key from user data: a string that is not a prototype-polluting name. */
export function checkKey(value: unknown, field: string): string {
  if (typeof value !== "string" || value.length === 0) throw invalidInput(field, value, "a non-empty string");
  if (FORBIDDEN_KEYS.has(value)) throw invalidInput(field, value, "a key other than __proto__, constructor or prototype");
  return value;
}

/** Where a record is, for messages: `deals[3] (id "d-9")`. */
export function where(collection: string, index: number, id: unknown): string {
  return typeof id === "string" ? `${collection}[${index}] (id ${describeValue(id)})` : `${collection}[${index}]`;
}

/**
 * Where a record is, for error messages, without building a string per record: a
 * report creates one locator, repositions it for each record (`set`), and the
 * text (`deals[3] (id "d-9")`) is only built by `toString()` when a message needs it.
 */
export class Locator {
  private index = 0;
  private id: unknown = undefined;

  constructor(private readonly collection: string) {}

  /** Points the locator at record `index` with this `id`; returns it. */
  set(index: number, id: unknown): this {
    this.index = index;
    this.id = id;
    return this;
  }

  toString(): string {
    return where(this.collection, this.index, this.id);
  }
}

const scratchLocators = new Map<string, Locator>();
/** A shared locator for checks that use it only within one synchronous call. */
function scratchFor(collection: string): Locator {
  let l = scratchLocators.get(collection);
  if (l === undefined) {
    l = new Locator(collection);
    scratchLocators.set(collection, l);
  }
  return l;
}

/** The checked times of one deal. */
export interface CheckedDeal {
  readonly created: number;
  /** `undefined` for an open deal. */
  readonly closed: number | undefined;
}

/**
 * Cheap structural checks of one deal: valid dates, a known status, `closedAt`
 * present exactly for closed deals and not before `createdAt`.
 */
export function checkDeal(deal: ConversionDeal, index: number, collection = "deals"): CheckedDeal {
  if (deal === null || typeof deal !== "object") throw invalidInput(`${collection}[${index}]`, deal, "a deal record");
  const at = scratchFor(collection).set(index, deal.id);
  const status = deal.status;
  if (status !== "open" && status !== "won" && status !== "lost") throw invalidInput(`${at}.status`, status, '"open", "won" or "lost"');
  const created = checkDateAt(deal.createdAt, at, ".createdAt");
  const closed = checkOptionalDateAt(deal.closedAt, at, ".closedAt");
  if (status !== "open" && closed === undefined) throw invalidInput(`${at}.closedAt`, deal.closedAt, `a close date for a ${status} deal`);
  if (status === "open" && closed !== undefined) throw invalidInput(`${at}.closedAt`, deal.closedAt, "no close date for an open deal");
  if (closed !== undefined && closed < created) {
    throw invalidInput(`${at}.closedAt`, deal.closedAt, `a date >= createdAt ${deal.createdAt.toISOString()} (the deal cannot close before it was created)`);
  }
  return { created, closed };
}

/**
 * The cohort window `options.window` checked: `{ from?, before? }` as epoch
 * milliseconds, unbounded where absent.
 */
export function checkCohortWindow(window: unknown): { readonly from: number; readonly before: number } {
  const cohort = (window ?? {}) as { readonly from?: unknown; readonly before?: unknown };
  if (cohort === null || typeof cohort !== "object") throw invalidInput("options.window", cohort, "{ from?, before? }");
  return {
    from: cohort.from === undefined ? -Infinity : checkDate(cohort.from, "options.window.from"),
    before: cohort.before === undefined ? Infinity : checkDate(cohort.before, "options.window.before"),
  };
}

/**
 * The stage history of a deal checked: an array of entries with a stage id and a
 * valid date, in chronological order, none before `createdAt`. Returns the
 * history (an empty array when absent).
 */
export function checkHistory(history: readonly StageEntry[] | undefined, created: number, at: Locator): readonly StageEntry[] {
  if (history === undefined) return [];
  if (!Array.isArray(history)) throw invalidInput(`${at}.stageHistory`, history, "an array of { stageId, enteredAt } entries");
  let previous = created;
  for (let i = 0; i < history.length; i++) {
    const entry = history[i] as StageEntry | undefined;
    if (entry === null || typeof entry !== "object") throw invalidInput(`${at}.stageHistory[${i}]`, entry, "a { stageId, enteredAt } entry");
    if (typeof entry.stageId !== "string" || entry.stageId === "") throw invalidInput(`${at}.stageHistory[${i}].stageId`, entry.stageId, "a stage id");
    const t = checkDateAt(entry.enteredAt, at, `.stageHistory[${i}].enteredAt`);
    if (t < previous) {
      throw invalidInput(
        `${at}.stageHistory[${i}].enteredAt`,
        entry.enteredAt,
        i === 0 ? "a date >= the record's createdAt" : "stage history in chronological order (>= the previous entry)",
      );
    }
    previous = t;
  }
  return history;
}

/** The checked times of one lead, as of the reference time. */
export interface CheckedLead {
  readonly created: number;
  readonly converted: number | undefined;
  readonly disqualified: number | undefined;
}

/** Cheap structural checks of one lead (dates valid, consistent with its status). */
export function checkLead(lead: ConversionLead, index: number, collection = "leads"): CheckedLead {
  if (lead === null || typeof lead !== "object") throw invalidInput(`${collection}[${index}]`, lead, "a lead record");
  const at = scratchFor(collection).set(index, lead.id);
  const created = checkDateAt(lead.createdAt, at, ".createdAt");
  const converted = checkOptionalDateAt(lead.convertedAt, at, ".convertedAt");
  const disqualified = checkOptionalDateAt(lead.disqualifiedAt, at, ".disqualifiedAt");
  if (lead.status === "converted" && converted === undefined) throw invalidInput(`${at}.convertedAt`, lead.convertedAt, 'a conversion date for a "converted" lead');
  if (lead.status !== "converted" && converted !== undefined) throw invalidInput(`${at}.convertedAt`, lead.convertedAt, `no conversion date for a "${String(lead.status)}" lead`);
  if (lead.status === "disqualified" && disqualified === undefined) throw invalidInput(`${at}.disqualifiedAt`, lead.disqualifiedAt, 'a disqualification date for a "disqualified" lead');
  if (converted !== undefined && converted < created) throw invalidInput(`${at}.convertedAt`, lead.convertedAt, `a date >= createdAt ${lead.createdAt.toISOString()}`);
  if (disqualified !== undefined && disqualified < created) throw invalidInput(`${at}.disqualifiedAt`, lead.disqualifiedAt, `a date >= createdAt ${lead.createdAt.toISOString()}`);
  return { created, converted, disqualified };
}

/** `INSUFFICIENT_DATA` with a message saying what was missing. */
export function insufficient(message: string, details: Record<string, unknown> = {}): CrmkitError {
  return new CrmkitError("INSUFFICIENT_DATA", message, { details });
}
