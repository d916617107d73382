import { invalidInput } from "../errors/invalid-input.js";
import { normalQuantile, normalSf } from "../math/normal.js";
import { FloatBuffer } from "./float-buffer.js";
import { assertRows, consume, type ConversionInput } from "./input.js";
import { fitLogisticRegression, type LogisticRegressionOptions } from "./logistic-regression.js";
import { rocAuc } from "./roc-auc.js";
import { seededRandom } from "../math/seeded-random.js";
import { checkLevel, checkOptions, insufficient } from "./validate.js";

/**
 * A feature of the lead-scoring model: a name and how to compute it from a
 * record (a number: 0/1 for yes/no traits, counts, log-amounts…).
 *
 * @example
 * ```ts
 * import type { LeadFeature } from "crmkit/conversion";
 * import type { Lead } from "crmkit/model";
 * const referral: LeadFeature<Lead> = { name: "referral", value: (l) => (l.source === "referral" ? 1 : 0) };
 * ```
 */
export interface LeadFeature<T> {
  readonly name: string;
  readonly value: (record: T) => number;
}

/**
 * Options of {@link fitLeadScoringModel}.
 *
 * @example
 * ```ts
 * import type { LeadScoringModelOptions } from "crmkit/conversion";
 * import type { Lead } from "crmkit/model";
 * const o: LeadScoringModelOptions<Lead> = { ridge: 1, holdout: 0.25, seed: 7 };
 * ```
 */
export interface LeadScoringModelOptions<T> extends LogisticRegressionOptions {
  /** The outcome of a record (default: `status === "converted"`, for leads). */
  readonly outcome?: (record: T) => boolean;
  /** Share of records held out (stratified by outcome) to measure the AUC on unseen data; default 0.2, 0 for none. */
  readonly holdout?: number;
  /** Seed of the held-out split (default 1). */
  readonly seed?: number;
  /** Confidence level of the odds-ratio intervals (default 0.95). */
  readonly level?: number;
  /**
   * Collapse duplicate training rows (same features and outcome) into one weighted
   * row before fitting — exact, and much faster for categorical features. Default:
   * on when a sample of the rows shows at least half are duplicates; `false` never.
   */
  readonly collapseDuplicates?: boolean;
}

/**
 * One coefficient of the lead-scoring model.
 *
 * @example
 * ```ts
 * import type { LeadScoringCoefficient } from "crmkit/conversion";
 * const significant = (c: LeadScoringCoefficient) => c.pValue < 0.05;
 * ```
 */
export interface LeadScoringCoefficient {
  readonly name: string;
  /** Log-odds per unit of the feature. */
  readonly estimate: number;
  readonly standardError: number;
  /** estimate / standardError (Wald). */
  readonly z: number;
  /** Two-sided Wald p-value. */
  readonly pValue: number;
  /** exp(estimate): how the odds of converting multiply per unit. */
  readonly oddsRatio: number;
  /** Wald interval of the odds ratio. */
  readonly oddsRatioLow: number;
  readonly oddsRatioHigh: number;
}

/**
 * How well the model separates converters from the others on a set of records.
 *
 * @example
 * ```ts
 * import type { ModelEvaluation } from "crmkit/conversion";
 * const ok = (e: ModelEvaluation) => e.auc > 0.7;
 * ```
 */
export interface ModelEvaluation {
  readonly records: number;
  readonly positives: number;
  /** Area under the ROC curve. */
  readonly auc: number;
}

/**
 * A fitted lead-scoring model (logistic regression).
 *
 * @example
 * ```ts
 * import type { LeadScoringModel } from "crmkit/conversion";
 * import type { Lead } from "crmkit/model";
 * const rank = (m: LeadScoringModel<Lead>, leads: Lead[]) => [...leads].sort((a, b) => m.predict(b) - m.predict(a));
 * ```
 */
export interface LeadScoringModel<T> {
  readonly features: readonly string[];
  /** Intercept first, then one per feature. */
  readonly coefficients: readonly LeadScoringCoefficient[];
  readonly ridge: number;
  readonly logLikelihood: number;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly aic: number;
  readonly iterations: number;
  /**
   * When duplicate training rows were collapsed into weighted rows (the fit is
   * identical, and faster), how many distinct (features, outcome) rows were fitted;
   * `null` when the rows were fitted as they are.
   */
  readonly distinctRows: number | null;
  /** Fit quality on the training records. */
  readonly training: ModelEvaluation;
  /** Fit quality on the held-out records; `null` with `holdout: 0`. */
  readonly holdout: ModelEvaluation | null;
  /** Probability that the record converts. */
  predict(record: T): number;
  /** Log-odds of converting (the linear predictor). */
  linearPredictor(record: T): number;
}

/** Distinct weighted rows of the training set. */
interface CollapsedRows {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly weights: Float64Array;
  readonly rows: number;
}

/**
 * Collapses the training rows (weight > 0) with identical features and outcome into
 * one row weighted by their count. Returns `null` when a sample of the rows shows
 * fewer than half are duplicates (collapsing would cost more than it saves).
 */
function collapseDuplicates(x: Float64Array, y: Float64Array, weights: Float64Array, n: number, p: number): CollapsedRows | null {
  const keyOf = (i: number): string => `${y[i]}|${x.subarray(i * p, (i + 1) * p).join(",")}`;
  const sample = Math.min(n, 20_000);
  const seen = new Set<string>();
  let sampled = 0;
  for (let i = 0; i < sample; i++) {
    if (weights[i] === 0) continue;
    sampled++;
    seen.add(keyOf(i));
  }
  if (sampled === 0 || seen.size > sampled / 2) return null;
  const index = new Map<string, number>();
  const xs = new FloatBuffer(1024 * p);
  const ys = new FloatBuffer();
  const ws = new FloatBuffer();
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const key = keyOf(i);
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, ys.length);
      for (let j = 0; j < p; j++) xs.push(x[i * p + j]!);
      ys.push(y[i]!);
      ws.push(w);
    } else ws.view()[at]! += w;
  }
  return { x: xs.view().slice(), y: ys.view().slice(), weights: ws.view().slice(), rows: ys.length };
}

function defaultOutcome(record: unknown): boolean {
  const status = (record as { status?: unknown } | null)?.status;
  if (typeof status !== "string") throw invalidInput("options.outcome", undefined, "an outcome function (records have no lead status to default to)");
  return status === "converted";
}

/**
 * Fits a lead-scoring model on past records: a logistic regression of the
 * outcome (converted or not) on the given features, by Newton/IRLS with an
 * optional ridge penalty (see {@link fitLogisticRegression}). Returns the
 * coefficients with standard errors, Wald p-values and odds ratios, the AUC on
 * the training records and on a seeded, stratified held-out share, and a
 * `predict`. Throws `INSUFFICIENT_DATA` for perfect separation without ridge,
 * too few outcomes, or a constant feature.
 *
 * @example
 * ```ts
 * import { fitLeadScoringModel } from "crmkit/conversion";
 * const leads = Array.from({ length: 400 }, (_, i) => ({
 *   visits: i % 10,
 *   referral: i % 3 === 0 ? 1 : 0,
 *   converted: (i * 7919) % 100 < 10 + 5 * (i % 10) + (i % 3 === 0 ? 20 : 0),
 * }));
 * const model = fitLeadScoringModel(
 *   leads,
 *   [
 *     { name: "visits", value: (l) => l.visits },
 *     { name: "referral", value: (l) => l.referral },
 *   ],
 *   { outcome: (l) => l.converted },
 * );
 * model.coefficients[2]!.oddsRatio; // > 1: referrals convert better
 * model.predict({ visits: 9, referral: 1, converted: false });
 * ```
 */
export function fitLeadScoringModel<T>(history: Iterable<T>, features: readonly LeadFeature<T>[], options?: LeadScoringModelOptions<T>): LeadScoringModel<T>;
export function fitLeadScoringModel<T>(history: AsyncIterable<T>, features: readonly LeadFeature<T>[], options?: LeadScoringModelOptions<T>): Promise<LeadScoringModel<T>>;
export function fitLeadScoringModel<T>(history: ConversionInput<T>, features: readonly LeadFeature<T>[], options?: LeadScoringModelOptions<T>): LeadScoringModel<T> | Promise<LeadScoringModel<T>>;
export function fitLeadScoringModel<T>(history: ConversionInput<T>, features: readonly LeadFeature<T>[], options?: LeadScoringModelOptions<T>): LeadScoringModel<T> | Promise<LeadScoringModel<T>> {
  assertRows(history, "history");
  if (!Array.isArray(features) || features.length === 0) throw invalidInput("features", features, "a non-empty array of { name, value } features");
  const seen = new Set<string>();
  features.forEach((f, j) => {
    if (f === null || typeof f !== "object" || typeof f.name !== "string" || f.name === "") throw invalidInput(`features[${j}].name`, f?.name, "a feature name");
    if (seen.has(f.name)) throw invalidInput(`features[${j}].name`, f.name, "unique feature names");
    if (f.name === "(intercept)") throw invalidInput(`features[${j}].name`, f.name, "a name other than (intercept)");
    if (typeof f.value !== "function") throw invalidInput(`features[${j}].value`, f.value, "a function (record) => number");
    seen.add(f.name);
  });
  const o = checkOptions(options);
  const outcome = o.outcome ?? defaultOutcome;
  if (typeof outcome !== "function") throw invalidInput("options.outcome", outcome, "a function (record) => boolean");
  const holdoutShare = o.holdout ?? 0.2;
  if (typeof holdoutShare !== "number" || !(holdoutShare >= 0 && holdoutShare < 1)) throw invalidInput("options.holdout", holdoutShare, "a share in [0, 1)");
  const seed = o.seed ?? 1;
  if (!Number.isInteger(seed)) throw invalidInput("options.seed", seed, "an integer");
  const level = o.level === undefined ? 0.95 : checkLevel(o.level, "options.level");
  const p = features.length;
  const names = features.map((f) => f.name);
  const xs = new FloatBuffer(1024 * p);
  const ys = new FloatBuffer(1024);

  const row = (record: T, at: string): Float64Array => {
    const values = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      const v = features[j]!.value(record);
      if (typeof v !== "number" || !Number.isFinite(v)) throw invalidInput(`${at} feature ${JSON.stringify(names[j])}`, v, "a finite number");
      values[j] = v;
    }
    return values;
  };

  return consume(
    history,
    (record, i) => {
      for (let j = 0; j < p; j++) {
        const v = features[j]!.value(record);
        if (typeof v !== "number" || !Number.isFinite(v)) throw invalidInput(`history[${i}] feature ${JSON.stringify(names[j])}`, v, "a finite number");
        xs.push(v);
      }
      const y = outcome(record);
      if (typeof y !== "boolean") throw invalidInput(`history[${i}] outcome`, y, "true or false");
      ys.push(y ? 1 : 0);
    },
    () => {
      const n = ys.length;
      if (n === 0) throw insufficient("fitLeadScoringModel: no records in the history");
      const x = xs.view();
      const y = ys.view();
      // Stratified, seeded hold-out split.
      const weights = new Float64Array(n).fill(1);
      let heldOut = 0;
      if (holdoutShare > 0) {
        const random = seededRandom(seed);
        for (const cls of [0, 1]) {
          const idx: number[] = [];
          for (let i = 0; i < n; i++) if (y[i] === cls) idx.push(i);
          const take = Math.round(holdoutShare * idx.length);
          for (let t = 0; t < take; t++) {
            const r = t + Math.floor(random() * (idx.length - t));
            const tmp = idx[t]!;
            idx[t] = idx[r]!;
            idx[r] = tmp;
            weights[idx[t]!] = 0;
          }
          heldOut += take;
        }
      }
      const collapsed = o.collapseDuplicates === false ? null : collapseDuplicates(x, y, weights, n, p);
      const fit =
        collapsed === null
          ? fitLogisticRegression({ x, y, rows: n, columns: p, weights, names }, o)
          : fitLogisticRegression({ x: collapsed.x, y: collapsed.y, rows: collapsed.rows, columns: p, weights: collapsed.weights, names }, o);
      const beta = fit.coefficients;
      const score = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let eta = beta[0]!;
        for (let j = 0; j < p; j++) eta += beta[j + 1]! * x[i * p + j]!;
        score[i] = eta;
      }
      const evaluate = (keep: 0 | 1): ModelEvaluation | null => {
        const s: number[] = [];
        const l: number[] = [];
        for (let i = 0; i < n; i++) {
          if ((weights[i]! > 0 ? 1 : 0) !== keep) continue;
          s.push(score[i]!);
          l.push(y[i]!);
        }
        if (s.length === 0) return null;
        const positives = l.reduce((a, b) => a + b, 0);
        if (positives === 0 || positives === s.length) {
          throw insufficient(`fitLeadScoringModel: the ${keep === 1 ? "training" : "held-out"} records have only one outcome (${positives} of ${s.length} converted); use a larger holdout share or more history`, { positives, records: s.length });
        }
        return { records: s.length, positives, auc: rocAuc(s, l) };
      };
      const training = evaluate(1)!;
      const holdout = heldOut > 0 ? evaluate(0) : null;
      const q = normalQuantile(1 - (1 - level) / 2);
      const coefficients: LeadScoringCoefficient[] = fit.names.map((name, j) => {
        const estimate = beta[j]!;
        const se = fit.standardErrors[j]!;
        const z = estimate / se;
        return {
          name,
          estimate,
          standardError: se,
          z,
          pValue: 2 * normalSf(Math.abs(z)),
          oddsRatio: Math.exp(estimate),
          oddsRatioLow: Math.exp(estimate - q * se),
          oddsRatioHigh: Math.exp(estimate + q * se),
        };
      });
      const linearPredictor = (record: T): number => {
        const v = row(record, "record");
        let eta = beta[0]!;
        for (let j = 0; j < p; j++) eta += beta[j + 1]! * v[j]!;
        return eta;
      };
      return {
        features: names,
        coefficients,
        ridge: fit.ridge,
        logLikelihood: fit.logLikelihood,
        deviance: fit.deviance,
        nullDeviance: fit.nullDeviance,
        aic: fit.aic,
        iterations: fit.iterations,
        distinctRows: collapsed === null ? null : collapsed.rows,
        training,
        holdout,
        predict: (record: T) => {
          const eta = linearPredictor(record);
          return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
        },
        linearPredictor,
      };
    },
  );
}
