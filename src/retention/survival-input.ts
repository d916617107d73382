import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";

/**
 * Right-censored survival data: one duration per subject (time from the start of
 * the relationship to churn, or to the end of observation) and whether churn was
 * observed (`true`/`1`) or the subject was still a customer when observation
 * stopped (`false`/`0`, censored). Without `observed`, every duration is an
 * observed churn.
 *
 * @example
 * ```ts
 * import type { SurvivalSample } from "crmkit/retention";
 * const sample: SurvivalSample = { durations: [3, 5, 5, 8], observed: [1, 1, 0, 1] };
 * ```
 */
export interface SurvivalSample {
  readonly durations: ArrayLike<number>;
  readonly observed?: ArrayLike<boolean | number>;
  /** Optional case weights (e.g. counts of identical subjects), each > 0. */
  readonly weights?: ArrayLike<number>;
}

/** Validated columns of a {@link SurvivalSample}. */
export interface SurvivalColumns {
  readonly n: number;
  readonly durations: ArrayLike<number>;
  /** 1 for an observed event, 0 for censored. */
  readonly events: Uint8Array;
  readonly weights: ArrayLike<number> | undefined;
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || ArrayBuffer.isView(x) || (typeof x === "object" && x !== null && typeof (x as { length?: unknown }).length === "number");
}

/** Validates durations / observed flags / weights (field names prefixed by `prefix`). */
export function survivalColumns(
  prefix: string,
  durations: unknown,
  observed: unknown,
  weights: unknown,
): SurvivalColumns {
  const p = prefix === "" ? "" : `${prefix}.`;
  if (!isArrayLike(durations)) throw invalidInput(`${p}durations`, durations, "an array of durations >= 0");
  const n = durations.length;
  if (n === 0) throw new CrmkitError("INSUFFICIENT_DATA", `${p}durations is empty: survival estimates need at least one subject`, { details: { field: `${p}durations` } });
  for (let i = 0; i < n; i++) {
    const d = durations[i];
    if (typeof d !== "number" || !Number.isFinite(d) || d < 0) {
      throw invalidInput(`${p}durations[${i}]`, d, d === undefined ? "a duration" : "a finite duration >= 0 (a negative duration means an end before its start)");
    }
  }
  const events = new Uint8Array(n);
  if (observed === undefined) {
    events.fill(1);
  } else {
    if (!isArrayLike(observed)) throw invalidInput(`${p}observed`, observed, "an array of booleans or 0/1 flags");
    if (observed.length !== n) throw invalidInput(`${p}observed`, observed, `as many flags as durations (${n}), got ${observed.length}`);
    for (let i = 0; i < n; i++) {
      const o = observed[i];
      if (o === true || o === 1) events[i] = 1;
      else if (o !== false && o !== 0) throw invalidInput(`${p}observed[${i}]`, o, "true/false or 1/0");
    }
  }
  if (weights !== undefined) {
    if (!isArrayLike(weights)) throw invalidInput(`${p}weights`, weights, "an array of weights > 0");
    if (weights.length !== n) throw invalidInput(`${p}weights`, weights, `as many weights as durations (${n}), got ${weights.length}`);
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (typeof w !== "number" || !Number.isFinite(w) || w <= 0) throw invalidInput(`${p}weights[${i}]`, w, "a finite weight > 0");
    }
  }
  return { n, durations: durations as ArrayLike<number>, events, weights: weights as ArrayLike<number> | undefined };
}

/**
 * The distinct times of a sample in increasing order, with the (weighted) number of
 * events and censorings at each: the event table every estimator starts from.
 */
export interface EventTable {
  readonly times: Float64Array;
  readonly events: Float64Array;
  readonly censored: Float64Array;
  /** Subjects (total weight) at risk just before each time. */
  readonly atRisk: Float64Array;
  /** Total weight. */
  readonly total: number;
}

/** Builds the event table: typed-array sorts for unweighted data, an index sort with weights. */
export function eventTable(cols: SurvivalColumns): EventTable {
  const { n, durations, events, weights } = cols;
  let times: Float64Array;
  let ev: Float64Array;
  let ce: Float64Array;
  let k = 0;
  if (weights === undefined) {
    let ne = 0;
    for (let i = 0; i < n; i++) ne += events[i]!;
    const et = new Float64Array(ne);
    const ct = new Float64Array(n - ne);
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      if (events[i] === 1) et[a++] = durations[i]!;
      else ct[b++] = durations[i]!;
    }
    et.sort();
    ct.sort();
    times = new Float64Array(n);
    ev = new Float64Array(n);
    ce = new Float64Array(n);
    let i = 0;
    let j = 0;
    while (i < et.length || j < ct.length) {
      const t = j >= ct.length || (i < et.length && et[i]! <= ct[j]!) ? et[i]! : ct[j]!;
      let d = 0;
      let c = 0;
      while (i < et.length && et[i] === t) {
        d++;
        i++;
      }
      while (j < ct.length && ct[j] === t) {
        c++;
        j++;
      }
      times[k] = t;
      ev[k] = d;
      ce[k] = c;
      k++;
    }
  } else {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => durations[x]! - durations[y]!);
    times = new Float64Array(n);
    ev = new Float64Array(n);
    ce = new Float64Array(n);
    let i = 0;
    while (i < n) {
      const t = durations[order[i]!]!;
      let d = 0;
      let c = 0;
      while (i < n && durations[order[i]!] === t) {
        const s = order[i]!;
        if (events[s] === 1) d += weights[s]!;
        else c += weights[s]!;
        i++;
      }
      times[k] = t;
      ev[k] = d;
      ce[k] = c;
      k++;
    }
  }
  times = times.slice(0, k);
  ev = ev.slice(0, k);
  ce = ce.slice(0, k);
  const atRisk = new Float64Array(k);
  let total = 0;
  for (let m = 0; m < k; m++) total += ev[m]! + ce[m]!;
  let remaining = total;
  for (let m = 0; m < k; m++) {
    atRisk[m] = remaining;
    remaining -= ev[m]! + ce[m]!;
  }
  return { times, events: ev, censored: ce, atRisk, total };
}
