/**
 * A short, safe rendering of a value for error messages: strings quoted and
 * truncated, dates as ISO, arrays and objects summarised, never throwing.
 *
 * @example
 * ```ts
 * import { describeValue } from "crmkit/errors";
 * describeValue("abc"); // '"abc"'
 * describeValue(Number.NaN); // 'NaN'
 * describeValue(new Date(0)); // 'Date(1970-01-01T00:00:00.000Z)'
 * ```
 */
export function describeValue(value: unknown, maxLength = 60): string {
  let text: string;
  try {
    if (value === undefined) text = "undefined";
    else if (value === null) text = "null";
    else if (typeof value === "string") text = JSON.stringify(value);
    else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") text = String(value);
    else if (typeof value === "symbol") text = value.toString();
    else if (typeof value === "function") text = "a function";
    else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "Invalid Date" : `Date(${value.toISOString()})`;
    else if (Array.isArray(value)) text = `an array of ${value.length}`;
    else if (ArrayBuffer.isView(value)) text = `a ${value.constructor.name}`;
    else {
      const json = JSON.stringify(value);
      text = json === undefined ? Object.prototype.toString.call(value) : json;
    }
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
