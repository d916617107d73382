import { invalidInput } from "../errors/invalid-input.js";
import type { SurveyInterval, SurveyPrecisionOptions, SurveyWarning } from "./survey-result.js";
import { checkValidDate } from "../model/timestamp.js";

/** Checks that `value` is a plain object (or undefined) of options; returns it or `{}`. */
export function optionsObject<T extends object>(value: T | undefined, field: string): T {
  if (value === undefined) return {} as T;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalidInput(field, value, "an options object");
  return value;
}

/** The confidence level, checked to lie strictly between 0 and 1. */
export function checkLevel(level: unknown, field: string): number {
  if (level === undefined) return 0.95;
  if (typeof level !== "number" || !(level > 0 && level < 1)) throw invalidInput(field, level, "a confidence level strictly between 0 and 1, such as 0.95");
  return level;
}

/** A finite number >= `min`, or the default when undefined. */
export function checkNumberAtLeast(value: unknown, field: string, min: number, fallback: number, what = "a number"): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) throw invalidInput(field, value, `${what} >= ${min}`);
  return value;
}

/** A valid `Date` (or undefined), returned as epoch milliseconds (or `fallback`). */
export function checkOptionalDate(value: unknown, field: string, fallback: number): number {
  return value === undefined ? fallback : checkValidDate(field, value);
}

/** The two warning thresholds of {@link SurveyPrecisionOptions}. */
export interface WarningThresholds {
  readonly minSampleSize: number;
  readonly maxIntervalWidth: number;
}

/** Reads the warning thresholds of {@link SurveyPrecisionOptions}. */
export function checkThresholds(options: SurveyPrecisionOptions, field: string, defaultWidth: number): WarningThresholds {
  return {
    minSampleSize: checkNumberAtLeast(options.minSampleSize, `${field}.minSampleSize`, 0, 30),
    maxIntervalWidth: checkNumberAtLeast(options.maxIntervalWidth, `${field}.maxIntervalWidth`, 0, defaultWidth),
  };
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** The warnings a result earns: small sample, wide interval, zero standard error. */
export function precisionWarnings(n: number, ci: SurveyInterval, thresholds: WarningThresholds, unit: string): SurveyWarning[] {
  const warnings: SurveyWarning[] = [];
  if (n < thresholds.minSampleSize) {
    warnings.push({ code: "SMALL_SAMPLE", message: `only ${n} response${n === 1 ? "" : "s"} (fewer than ${fmt(thresholds.minSampleSize)}): the estimate is imprecise` });
  }
  const width = ci.high - ci.low;
  if (width > thresholds.maxIntervalWidth) {
    warnings.push({
      code: "WIDE_INTERVAL",
      message: `the ${fmt(ci.level * 100)}% confidence interval spans ${width.toFixed(1)} ${unit} (more than ${fmt(thresholds.maxIntervalWidth)}): the true value could be anywhere from ${ci.low.toFixed(1)} to ${ci.high.toFixed(1)}`,
    });
  }
  if (width === 0) {
    warnings.push({
      code: "DEGENERATE_INTERVAL",
      message: `the ${ci.method} interval has zero width because all ${n} answers are in one category or equal; that does not mean the value is known exactly (use an interval method that handles this, such as adjusted Wald or Wilson)`,
    });
  }
  return warnings;
}
