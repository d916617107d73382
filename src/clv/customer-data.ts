import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { CustomerSummary } from "./customer-summary.js";
import { checkUnit, type TimeUnit } from "./time-unit.js";

/**
 * Plain summary columns, for data summarised elsewhere (arrays or typed arrays of
 * equal length): frequency x, recency t_x, age T, optionally the mean repeat
 * spend and a weight per row (the number of customers sharing that row, as in
 * Fader & Hardie's compressed data). `unit` is optional; when given it is checked
 * against the model's.
 *
 * @example
 * ```ts
 * import type { SummaryColumns } from "crmkit/clv";
 * const columns: SummaryColumns = { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86], unit: "week" };
 * ```
 */
export interface SummaryColumns {
  readonly frequency: ArrayLike<number>;
  readonly recency: ArrayLike<number>;
  readonly T: ArrayLike<number>;
  readonly monetaryValue?: ArrayLike<number>;
  readonly weights?: ArrayLike<number>;
  readonly unit?: TimeUnit;
}

/**
 * One customer's history, for single-customer predictions.
 *
 * @example
 * ```ts
 * import type { CustomerHistory } from "crmkit/clv";
 * const customer: CustomerHistory = { frequency: 2, recency: 30.43, T: 38.86 };
 * ```
 */
export interface CustomerHistory {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetaryValue?: number;
}

/**
 * What fits and predictions accept: a {@link CustomerSummary}, plain
 * {@link SummaryColumns}, or one {@link CustomerHistory}.
 *
 * @example
 * ```ts
 * import type { CustomersInput } from "crmkit/clv";
 * const one: CustomersInput = { frequency: 0, recency: 0, T: 10 };
 * ```
 */
export type CustomersInput = CustomerSummary | SummaryColumns | CustomerHistory;

/** Validated columns (internal). */
export interface CustomerColumns {
  readonly n: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly m: Float64Array | undefined;
  readonly w: Float64Array | undefined;
  readonly unit: TimeUnit | undefined;
}

/** What {@link readCustomers} checks beyond the basics. */
export interface ReadCustomersOptions {
  /** Name of the argument for messages. */
  readonly field?: string;
  /** Whether monetaryValue is required. */
  readonly monetary?: boolean;
  /** Whether x must be an integer (default true). */
  readonly integerFrequency?: boolean;
  /** Discrete-time data: t_x and T must be integers (BG/BB). */
  readonly discrete?: boolean;
  /** Allow no rows (predictions on an empty summary). */
  readonly allowEmpty?: boolean;
}

function toF64(field: string, v: unknown): Float64Array {
  if (v instanceof Float64Array) return v;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return Float64Array.from(v as ArrayLike<number>);
  throw invalidInput(field, v, "an array or typed array of numbers");
}

/** Validates customer data for fits and predictions (internal). */
export function readCustomers(input: CustomersInput, options: ReadCustomersOptions = {}): CustomerColumns {
  const field = options.field ?? "customers";
  if (typeof input !== "object" || input === null) throw invalidInput(field, input, "a CustomerSummary, summary columns or one customer's { frequency, recency, T }");
  const r = input as unknown as Record<string, unknown>;
  let x: Float64Array;
  let tx: Float64Array;
  let T: Float64Array;
  let m: Float64Array | undefined;
  let w: Float64Array | undefined;
  if (typeof r.frequency === "number") {
    x = Float64Array.of(r.frequency);
    tx = Float64Array.of(r.recency as number);
    T = Float64Array.of(r.T as number);
    if (r.monetaryValue !== undefined) m = Float64Array.of(r.monetaryValue as number);
  } else {
    x = toF64(`${field}.frequency`, r.frequency);
    tx = toF64(`${field}.recency`, r.recency);
    T = toF64(`${field}.T`, r.T);
    if (r.monetaryValue !== undefined) m = toF64(`${field}.monetaryValue`, r.monetaryValue);
    if (r.weights !== undefined) w = toF64(`${field}.weights`, r.weights);
  }
  const n = x.length;
  if (tx.length !== n) throw invalidInput(`${field}.recency`, `length ${tx.length}`, `the length of frequency (${n})`);
  if (T.length !== n) throw invalidInput(`${field}.T`, `length ${T.length}`, `the length of frequency (${n})`);
  if (m !== undefined && m.length !== n) throw invalidInput(`${field}.monetaryValue`, `length ${m.length}`, `the length of frequency (${n})`);
  if (w !== undefined && w.length !== n) throw invalidInput(`${field}.weights`, `length ${w.length}`, `the length of frequency (${n})`);
  if (n === 0 && options.allowEmpty !== true) {
    throw new CrmkitError("INSUFFICIENT_DATA", `${field}: no customers; a model needs at least one customer's history`, { details: { field } });
  }
  if (options.monetary === true && m === undefined) throw invalidInput(`${field}.monetaryValue`, undefined, "a column of mean repeat spend");
  let unit: TimeUnit | undefined;
  if (r.unit !== undefined) {
    checkUnit(`${field}.unit`, r.unit);
    unit = r.unit;
  }
  const integer = options.integerFrequency !== false;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const ti = tx[i]!;
    const Ti = T[i]!;
    if (!(xi >= 0) || !Number.isFinite(xi) || (integer && !Number.isInteger(xi))) throw invalidInput(`${field}.frequency[${i}]`, xi, integer ? "an integer >= 0" : "a number >= 0");
    if (!(Ti >= 0) || !Number.isFinite(Ti)) throw invalidInput(`${field}.T[${i}]`, Ti, "a finite number >= 0");
    if (!(ti >= 0) || !(ti <= Ti)) throw invalidInput(`${field}.recency[${i}]`, ti, `a number in [0, T] = [0, ${Ti}]`);
    if (xi === 0 && ti !== 0) throw invalidInput(`${field}.recency[${i}]`, ti, "0 when frequency is 0 (recency is the age at the last repeat purchase)");
    if (options.discrete === true) {
      if (!Number.isInteger(ti)) throw invalidInput(`${field}.recency[${i}]`, ti, "an integer period (discrete-time data)");
      if (!Number.isInteger(Ti)) throw invalidInput(`${field}.T[${i}]`, Ti, "an integer number of periods (discrete-time data)");
      if (xi > ti) throw invalidInput(`${field}.frequency[${i}]`, xi, `at most recency (${ti}) in discrete time`);
    }
    if (m !== undefined) {
      const mi = m[i]!;
      if (!Number.isFinite(mi) || mi < 0) throw invalidInput(`${field}.monetaryValue[${i}]`, mi, "a finite number >= 0");
    }
    if (w !== undefined) {
      const wi = w[i]!;
      if (!Number.isFinite(wi) || wi < 0) throw invalidInput(`${field}.weights[${i}]`, wi, "a finite weight >= 0");
    }
  }
  return { n, x, tx, T, m, w, unit };
}

/** Checks that the data's unit (if any) matches the model's (if any); returns the one in force. */
export function reconcileUnit(field: string, dataUnit: TimeUnit | undefined, modelUnit: TimeUnit | undefined): TimeUnit | undefined {
  if (dataUnit !== undefined && modelUnit !== undefined && dataUnit !== modelUnit) {
    throw invalidInput(`${field}.unit`, dataUnit, `"${modelUnit}", the unit the model was fitted in (convert the data, or refit)`);
  }
  return modelUnit ?? dataUnit;
}
