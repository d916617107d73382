import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { SurveyResponse } from "../model/survey-response.js";
import { checkOptionalDate } from "./validate.js";
import { isAsyncSource } from "../model/row-source.js";

/**
 * What the survey metrics accept synchronously: plain integer scores (an array, a
 * typed array such as `Uint8Array` or `Float64Array`, any iterable) or
 * `SurveyResponse` records of the metric's kind.
 *
 * @example
 * ```ts
 * import type { SurveyInput } from "crmkit/nps";
 * const scores: SurveyInput = new Uint8Array([10, 9, 7, 3]);
 * const records: SurveyInput = [{ id: "r-1", kind: "nps", score: 9, respondedAt: new Date("2024-05-01T00:00:00Z"), attributes: {} }];
 * ```
 */
export type SurveyInput = Iterable<number | SurveyResponse>;

/**
 * An asynchronous stream of scores or records, such as a repository's
 * `surveyResponses.stream(...)`; the metrics then return a `Promise`.
 *
 * @example
 * ```ts
 * import type { SurveyAsyncInput } from "crmkit/nps";
 * async function* scores(): AsyncGenerator<number> { yield 10; yield 6; }
 * const input: SurveyAsyncInput = scores();
 * ```
 */
export type SurveyAsyncInput = AsyncIterable<number | SurveyResponse>;

/**
 * Which responses to use: a time window on `respondedAt` (`from` inclusive, `to`
 * exclusive, like the repositories' `TimeRange`) and/or only each customer's
 * latest response. Both need `SurveyResponse` records; responses without a
 * `customerId` (anonymous surveys) are all kept by `latestPerCustomer`.
 *
 * @example
 * ```ts
 * import type { ResponseSelection } from "crmkit/nps";
 * const q2: ResponseSelection = { from: new Date("2024-04-01T00:00:00Z"), to: new Date("2024-07-01T00:00:00Z"), latestPerCustomer: true };
 * ```
 */
export interface ResponseSelection {
  /** Keep responses at or after this instant. */
  readonly from?: Date;
  /** Keep responses strictly before this instant. */
  readonly to?: Date;
  /**
   * Keep only each customer's latest response (by `respondedAt`; on a tie the one
   * later in the input). Default false.
   */
  readonly latestPerCustomer?: boolean;
}

/** The numeric typed arrays accepted as columns of scores. */
export type ScoreArray = Float64Array | Float32Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array;

/** Receives each selected score (internal). */
export interface ScoreSink {
  /** Records must carry a valid `respondedAt` even without a time window. */
  readonly needsTime: boolean;
  /** One score; `record` is set when the input was a record, `time` when times are read. */
  add(score: number, index: number, record: SurveyResponse | undefined, time: number): void;
  /** A whole column of plain scores at once (fast path). */
  addColumn?(values: ScoreArray): void;
}

/** The parsed selection (internal). */
export interface Selection {
  readonly from: number;
  readonly to: number;
  readonly latest: boolean;
  /** True when any of from / to / latestPerCustomer is set. */
  readonly active: boolean;
}

/** Validates {@link ResponseSelection} options. */
export function parseSelection(options: ResponseSelection, field: string): Selection {
  const from = checkOptionalDate(options.from, `${field}.from`, -Infinity);
  const to = checkOptionalDate(options.to, `${field}.to`, Infinity);
  if (!(from < to)) throw invalidInput(`${field}.to`, options.to, `an instant after options.from (${options.from?.toISOString() ?? ""})`);
  const latest = options.latestPerCustomer ?? false;
  if (typeof latest !== "boolean") throw invalidInput(`${field}.latestPerCustomer`, latest, "a boolean");
  return { from, to, latest, active: latest || options.from !== undefined || options.to !== undefined };
}

/** No selection at all. */
export const ALL_RESPONSES: Selection = { from: -Infinity, to: Infinity, latest: false, active: false };

const EXPECTED_INPUT = "an array, typed array, iterable or async iterable of scores or SurveyResponse records";


/**
 * `" in the selection (from / to / latestPerCustomer)"` when a selection is
 * active, else `""`: what an "insufficient responses" message adds.
 */
export function inSelection(active: boolean): string {
  return active ? " in the selection (from / to / latestPerCustomer)" : "";
}

/** INSUFFICIENT_DATA for an input with no (selected) responses: `${name}: no responses…; ${needs}`. */
export function noResponses(name: string, selected: boolean, needs: string): CrmkitError {
  return new CrmkitError("INSUFFICIENT_DATA", `${name}: no responses${inSelection(selected)}; ${needs}`, { details: { field: name } });
}

/** Each customer's latest response so far, in columns (slot per customer; no allocation per update). */
class LatestPerCustomer {
  private readonly slots = new Map<string, number>();
  private times = new Float64Array(1024);
  private indices = new Float64Array(1024);
  private readonly records: SurveyResponse[] = [];

  offer(customerId: string, time: number, index: number, record: SurveyResponse): void {
    const slot = this.slots.get(customerId);
    if (slot === undefined) {
      const next = this.records.length;
      if (next === this.times.length) {
        const times = new Float64Array(next * 2);
        times.set(this.times);
        this.times = times;
        const indices = new Float64Array(next * 2);
        indices.set(this.indices);
        this.indices = indices;
      }
      this.slots.set(customerId, next);
      this.times[next] = time;
      this.indices[next] = index;
      this.records.push(record);
    } else if (time >= this.times[slot]!) {
      this.times[slot] = time;
      this.indices[slot] = index;
      this.records[slot] = record;
    }
  }

  forEach(fn: (record: SurveyResponse, index: number, time: number) => void): void {
    for (let slot = 0; slot < this.records.length; slot++) fn(this.records[slot]!, this.indices[slot]!, this.times[slot]!);
  }
}

/**
 * Walks an input of scores or records: checks each item, applies the selection
 * and feeds the selected scores to a sink. One instance per call.
 */
export class ResponseWalker {
  private readonly latest: LatestPerCustomer | undefined;
  private readonly needsTime: boolean;

  constructor(
    private readonly name: string,
    private readonly kind: SurveyResponse["kind"],
    private readonly selection: Selection,
    private readonly sink: ScoreSink,
  ) {
    this.latest = selection.latest ? new LatestPerCustomer() : undefined;
    this.needsTime = selection.active || sink.needsTime;
  }

  /** Consumes a synchronous input. */
  walk(input: unknown): void {
    if (typeof input !== "object" || input === null) throw invalidInput(this.name, input, EXPECTED_INPUT);
    if (ArrayBuffer.isView(input)) {
      this.walkColumn(input);
    } else if (Array.isArray(input)) {
      for (let i = 0; i < input.length; i++) this.visit(input[i], i);
    } else if (Symbol.iterator in input) {
      let i = 0;
      for (const item of input as Iterable<unknown>) this.visit(item, i++);
    } else {
      throw invalidInput(this.name, input, EXPECTED_INPUT);
    }
    this.flush();
  }

  /** Consumes an asynchronous input. */
  async walkAsync(input: AsyncIterable<unknown>): Promise<void> {
    let i = 0;
    for await (const item of input) this.visit(item, i++);
    this.flush();
  }

  private walkColumn(view: ArrayBufferView): void {
    if (view instanceof DataView || view instanceof BigInt64Array || view instanceof BigUint64Array) {
      throw invalidInput(this.name, view, "a numeric typed array (Uint8Array, Float64Array, …)");
    }
    if (this.needsTime) {
      throw invalidInput(this.name, view, "SurveyResponse records: a typed array of scores has no respondedAt or customerId, which this call needs");
    }
    const values = view as ScoreArray;
    if (this.sink.addColumn !== undefined) {
      this.sink.addColumn(values);
      return;
    }
    for (let i = 0; i < values.length; i++) this.sink.add(values[i]!, i, undefined, Number.NaN);
  }

  private visit(item: unknown, i: number): void {
    if (typeof item === "number") {
      if (this.needsTime) {
        throw invalidInput(`${this.name}[${i}]`, item, "a SurveyResponse record: plain scores carry no respondedAt or customerId, which this call needs");
      }
      this.sink.add(item, i, undefined, Number.NaN);
      return;
    }
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw invalidInput(`${this.name}[${i}]`, item, "a score or a SurveyResponse record");
    }
    const r = item as SurveyResponse;
    if (r.kind !== this.kind) {
      throw invalidInput(`${this.name}[${i}].kind`, r.kind, `"${this.kind}" (filter the responses by kind first)`);
    }
    let time = Number.NaN;
    if (this.needsTime) {
      const at: unknown = r.respondedAt;
      time = at instanceof Date ? at.getTime() : Number.NaN;
      if (Number.isNaN(time)) throw invalidInput(`${this.name}[${i}].respondedAt`, at, "a valid Date");
      if (time < this.selection.from || time >= this.selection.to) return;
    }
    if (this.latest !== undefined) {
      const customerId: unknown = r.customerId;
      if (customerId !== undefined) {
        if (typeof customerId !== "string") throw invalidInput(`${this.name}[${i}].customerId`, customerId, "a string id or undefined");
        this.latest.offer(customerId, time, i, r);
        return;
      }
    }
    this.sink.add(r.score, i, r, time);
  }

  private flush(): void {
    this.latest?.forEach((record, index, time) => this.sink.add(record.score, index, record, time));
  }
}

/** The error field of one score: `responses[3]` for a plain score, `responses[3].score` for a record. */
export function scoreField(name: string, index: number, record: SurveyResponse | undefined): string {
  return record === undefined ? `${name}[${index}]` : `${name}[${index}].score`;
}

/**
 * Runs one survey computation over a synchronous or asynchronous input:
 * `prepare` checks the options and builds the state with its walker (inside the
 * promise for an async input, so that bad options reject rather than throw), the
 * walker consumes the input, and `finish` builds the result from the state.
 */
export function walkSurvey<S extends { readonly walker: ResponseWalker }, R>(input: unknown, prepare: () => S, finish: (state: S) => R): R | Promise<R> {
  if (isAsyncSource(input)) {
    return (async () => {
      const state = prepare();
      await state.walker.walkAsync(input);
      return finish(state);
    })();
  }
  const state = prepare();
  state.walker.walk(input);
  return finish(state);
}
