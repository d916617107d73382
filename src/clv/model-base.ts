import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { checkParams, parameterIntervals, type FitReport, type ParameterInterval } from "./maximum-likelihood.js";
import { checkUnit, type TimeUnit } from "./time-unit.js";

/**
 * The serialised form of every CLV model (`toJSON()`), which the model's
 * `fromJSON` reads back: the model name, its parameters, the time unit and, for a
 * fitted model, its {@link FitReport}.
 *
 * @example
 * ```ts
 * import type { ModelJson } from "crmkit/clv";
 * const json: ModelJson<"r" | "alpha" | "a" | "b"> = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: "week" };
 * ```
 */
export interface ModelJson<N extends string> {
  readonly model: string;
  readonly params: Readonly<Record<N, number>>;
  readonly unit: TimeUnit | undefined;
  readonly fit?: FitReport<N>;
}

/**
 * What every CLV model shares: parameters, the time unit of its rates, the fit
 * report when it was fitted (`fit` is undefined for a model built from
 * parameters), and convenience accessors for the fit statistics.
 *
 * @example
 * ```ts
 * import { BgNbdModel } from "crmkit/clv";
 * const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: "week" });
 * m.params.alpha; // 4.414
 * m.fit; // undefined
 * ```
 */
export abstract class ClvModel<N extends string> {
  /** The model's name in JSON (`"bg-nbd"`, `"pareto-nbd"`, …). */
  abstract readonly model: string;
  /** Parameter names in their conventional order. */
  abstract readonly parameterNames: readonly N[];
  /** The fitted or given parameters. */
  readonly params: Readonly<Record<N, number>>;
  /** Time unit of the rates (and of every `t` passed to predictions); undefined when unknown. */
  readonly unit: TimeUnit | undefined;
  /** How the model was fitted; undefined for a model built from parameters. */
  readonly fit: FitReport<N> | undefined;

  protected constructor(params: Readonly<Record<N, number>>, unit: TimeUnit | undefined, fit: FitReport<N> | undefined) {
    if (unit !== undefined) checkUnit("unit", unit);
    this.params = Object.freeze({ ...params });
    this.unit = unit;
    this.fit = fit;
  }

  private requireFit(what: string): FitReport<N> {
    if (this.fit === undefined) {
      throw new CrmkitError("INSUFFICIENT_DATA", `${this.model}: no ${what}: this model was built from parameters, not fitted`, { details: { model: this.model } });
    }
    return this.fit;
  }

  /** Maximised log-likelihood (throws for a model built from parameters). */
  get logLikelihood(): number {
    return this.requireFit("log-likelihood").logLikelihood;
  }

  /** AIC of the fit. */
  get aic(): number {
    return this.requireFit("AIC").aic;
  }

  /** BIC of the fit. */
  get bic(): number {
    return this.requireFit("BIC").bic;
  }

  /** Standard errors (null when the Hessian is not positive definite). */
  get standardErrors(): Readonly<Record<N, number>> | null {
    return this.requireFit("standard errors").standardErrors;
  }

  /** Whether the fit converged. */
  get converged(): boolean {
    return this.requireFit("convergence status").converged;
  }

  /** Optimiser iterations of the fit. */
  get iterations(): number {
    return this.requireFit("iteration count").iterations;
  }

  /**
   * Wald confidence intervals of the parameters (see {@link parameterIntervals}).
   *
   * @example
   * ```ts
   * import { fitBgNbd } from "crmkit/clv";
   * const m = fitBgNbd({ frequency: [0, 2, 1, 0, 5, 3], recency: [0, 20, 5, 0, 30, 25], T: [40, 38, 30, 35, 39, 40] });
   * m.confidenceIntervals(0.95).alpha.low;
   * ```
   */
  confidenceIntervals(level = 0.95, scale: "natural" | "log" = "natural"): Record<N, ParameterInterval> {
    return parameterIntervals(this.requireFit("confidence intervals"), this.params, level, scale);
  }

  /** The serialisable form (see {@link ModelJson}). */
  toJSON(): ModelJson<N> {
    return { model: this.model, params: { ...this.params }, unit: this.unit, ...(this.fit === undefined ? {} : { fit: this.fit }) };
  }
}

/**
 * Reads a {@link ModelJson} of the given model, its parameters checked against
 * `names` (internal; what every model's `fromJSON` does).
 */
export function readModelJson<N extends string>(model: string, names: readonly N[], json: unknown): { params: Record<N, number>; unit: TimeUnit | undefined; fit: FitReport<N> | undefined } {
  const j = typeof json === "string" ? (JSON.parse(json) as unknown) : json;
  if (typeof j !== "object" || j === null) throw invalidInput("json", json, `the toJSON() output of a ${model} model`);
  const r = j as Record<string, unknown>;
  if (r.model !== model) throw invalidInput("json.model", r.model, `"${model}"`);
  if (r.unit !== undefined && r.unit !== null) checkUnit("json.unit", r.unit);
  const params = checkParams("json.params", names, r.params);
  return { params, unit: (r.unit ?? undefined) as TimeUnit | undefined, fit: (r.fit ?? undefined) as FitReport<N> | undefined };
}
