import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { Customer } from "../model/customer.js";
import type { GeoPoint } from "../model/location.js";
import type { FieldKind } from "./customer-fields.js";
import { attributesMap, metricsMap, resolveFieldPath, type FieldContext, type MetricSource, type ResolvedField } from "./field-path.js";
import { haversineKm } from "./haversine.js";
import { DateOperandSchema, parseSegmentDefinition, type FieldCondition, type SegmentCondition, type SegmentDefinition } from "./segment-definition.js";

/**
 * Options of {@link compileSegment}.
 *
 * @example
 * ```ts
 * import type { CompileSegmentOptions } from "crmkit/segmentation";
 * const options: CompileSegmentOptions = {
 *   asOf: new Date("2024-06-01T00:00:00Z"),
 *   metrics: { clv: new Map([["c-1", 1840.5]]) },
 *   attributes: { plan_tier: "string", seats: "number" },
 * };
 * ```
 */
export interface CompileSegmentOptions {
  /** The reference instant of `withinLast` conditions (required when a rule uses one). */
  readonly asOf?: Date | undefined;
  /** Caller-supplied metrics, referred to as `metrics.<name>` (RFM segment, CLV, NPS class, stage…). */
  readonly metrics?: Readonly<Record<string, MetricSource>> | undefined;
  /**
   * Declared custom attributes and their kinds. When given, `attributes.<key>` paths
   * must name a declared key (typos become errors) and get the declared kind's
   * operator checks; when omitted, any safe key is accepted and typed at evaluation.
   */
  readonly attributes?: Readonly<Record<string, Exclude<FieldKind, "dynamic">>> | undefined;
}

/**
 * A compiled segment: a predicate over customers (call it, or pass it to
 * `Array.prototype.filter`) carrying the validated definition.
 *
 * @example
 * ```ts
 * import { compileSegment, type CompiledSegment } from "crmkit/segmentation";
 * const germans: CompiledSegment = compileSegment({ id: "de", where: { field: "location.country", op: "eq", value: "DE" } });
 * germans.id; // "de"
 * ```
 */
export interface CompiledSegment {
  /** True when the customer belongs to the segment. */
  (customer: Customer): boolean;
  /** The segment id. */
  readonly id: string;
  /** The display name (the id when the definition has none). */
  readonly name: string;
  /** The validated, frozen definition. */
  readonly definition: SegmentDefinition;
  /** Every field path the rule reads, in order of first use. */
  readonly fields: readonly string[];
}

type Predicate = (customer: Customer) => boolean;

const DAY_MS = 86_400_000;

interface CompileContext extends FieldContext {
  readonly asOf: number | undefined;
  readonly fields: Set<string>;
}

function kindName(kind: FieldKind): string {
  switch (kind) {
    case "strings":
      return "a list of strings";
    case "geo":
      return "a geographic point";
    case "date":
      return "a date";
    default:
      return `a ${kind}`;
  }
}

function notApplicable(where: string, node: FieldCondition, kind: FieldKind, appliesTo: string): CrmkitError {
  const message = `operator "${node.op}" does not apply to field "${node.field}" (${kindName(kind)}); it applies to ${appliesTo}`;
  return new CrmkitError("INVALID_INPUT", `${where}: ${message}`, {
    issues: [{ path: [...where.split("."), "op"], message, input: node.op }],
    details: { path: where, field: node.field, op: node.op, kind },
  });
}

function badOperand(where: string, key: string, value: unknown, expected: string): CrmkitError {
  return invalidInput(`${where}.${key}`, value, expected);
}

function isDateOperand(value: unknown): value is string {
  return typeof value === "string" && DateOperandSchema.safeParse(value).success;
}

function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
}

function isGeo(v: unknown): v is GeoPoint {
  if (typeof v !== "object" || v === null) return false;
  const p = v as { latitude?: unknown; longitude?: unknown };
  return typeof p.latitude === "number" && typeof p.longitude === "number" && Number.isFinite(p.latitude) && Number.isFinite(p.longitude);
}

const lower = (s: string): string => s.toLowerCase();

function compileEq(node: Extract<FieldCondition, { op: "eq" }>, f: ResolvedField, where: string): Predicate {
  const g = f.get;
  const x = node.value;
  const ic = node.ignoreCase === true;
  switch (f.kind) {
    case "string": {
      if (typeof x !== "string") throw badOperand(where, "value", x, `a string (field "${f.path}" is a string)`);
      if (!ic) return (c) => g(c) === x;
      const xl = lower(x);
      return (c) => {
        const v = g(c);
        return typeof v === "string" && lower(v) === xl;
      };
    }
    case "number":
    case "boolean":
      if (typeof x !== f.kind) throw badOperand(where, "value", x, `a ${f.kind} (field "${f.path}" is a ${f.kind})`);
      return (c) => g(c) === x;
    case "date": {
      if (!isDateOperand(x)) throw badOperand(where, "value", x, `an ISO date or date-time with offset (field "${f.path}" is a date)`);
      const ms = Date.parse(x);
      return (c) => g(c) === ms;
    }
    case "strings":
    case "geo":
      throw notApplicable(where, node, f.kind, "strings, numbers, booleans and dates (use contains or in for lists)");
    case "dynamic": {
      if (typeof x !== "string") return (c) => g(c) === x;
      const xl = lower(x);
      const ms = isDateOperand(x) ? Date.parse(x) : Number.NaN;
      return (c) => {
        const v = g(c);
        if (typeof v === "string") return ic ? lower(v) === xl : v === x;
        return v instanceof Date && v.getTime() === ms;
      };
    }
  }
}

function compileIn(node: Extract<FieldCondition, { op: "in" }>, f: ResolvedField, where: string): Predicate {
  const g = f.get;
  const ic = node.ignoreCase === true;
  const norm = (v: string | number | boolean): string | number | boolean => (ic && typeof v === "string" ? lower(v) : v);
  const set = new Set<unknown>(node.values.map(norm));
  const expectAll = (type: "string" | "number" | "boolean"): void => {
    node.values.forEach((v, i) => {
      if (typeof v !== type) throw badOperand(where, `values[${i}]`, v, `a ${type} (field "${f.path}" holds ${type}s)`);
    });
  };
  const hit = (v: unknown): boolean =>
    typeof v === "string" ? set.has(ic ? lower(v) : v) : (typeof v === "number" || typeof v === "boolean") && set.has(v);
  const anyHit = (list: readonly unknown[]): boolean => {
    for (const e of list) if (typeof e === "string" && set.has(ic ? lower(e) : e)) return true;
    return false;
  };
  switch (f.kind) {
    case "string":
      expectAll("string");
      return ic ? (c) => hit(g(c)) : (c) => set.has(g(c));
    case "number":
    case "boolean":
      expectAll(f.kind);
      return (c) => set.has(g(c));
    case "strings":
      expectAll("string");
      return (c) => {
        const v = g(c) as readonly unknown[] | undefined;
        return v !== undefined && anyHit(v);
      };
    case "date":
    case "geo":
      throw notApplicable(where, node, f.kind, "strings, numbers, booleans and lists of strings (use between for dates)");
    case "dynamic":
      return (c) => {
        const v = g(c);
        if (Array.isArray(v)) {
          for (const e of v as unknown[]) if (hit(e)) return true;
          return false;
        }
        return hit(v);
      };
  }
}

type Bound = { readonly kind: "number" | "date"; readonly value: number };

function bound(where: string, key: string, operand: number | string, f: ResolvedField, node: FieldCondition): Bound {
  if (typeof operand === "number") {
    if (f.kind === "date") throw badOperand(where, key, operand, `an ISO date or date-time with offset (field "${f.path}" is a date)`);
    if (f.kind !== "number" && f.kind !== "dynamic") throw notApplicable(where, node, f.kind, "numbers and dates");
    return { kind: "number", value: operand };
  }
  if (f.kind === "number") throw badOperand(where, key, operand, `a finite number (field "${f.path}" is a number)`);
  if (f.kind !== "date" && f.kind !== "dynamic") throw notApplicable(where, node, f.kind, "numbers and dates");
  return { kind: "date", value: Date.parse(operand) };
}

/** The comparable number of a value for a bound of the given kind, or NaN. */
function comparable(f: ResolvedField, kind: "number" | "date"): (c: Customer) => number {
  const g = f.get;
  if (f.kind !== "dynamic") {
    return (c) => {
      const v = g(c);
      return typeof v === "number" ? v : Number.NaN;
    };
  }
  if (kind === "number") {
    return (c) => {
      const v = g(c);
      return typeof v === "number" ? v : Number.NaN;
    };
  }
  return (c) => {
    const v = g(c);
    return v instanceof Date ? v.getTime() : Number.NaN;
  };
}

function compileRange(node: Extract<FieldCondition, { op: "gt" | "gte" | "lt" | "lte" | "between" }>, f: ResolvedField, where: string): Predicate {
  if (node.op === "between") {
    const lo = bound(where, "min", node.min, f, node);
    const hi = bound(where, "max", node.max, f, node);
    const v = comparable(f, lo.kind);
    const a = lo.value;
    const b = hi.value;
    return (c) => {
      const x = v(c);
      return x >= a && x <= b;
    };
  }
  const b = bound(where, "value", node.value, f, node);
  const v = comparable(f, b.kind);
  const x = b.value;
  switch (node.op) {
    case "gt":
      return (c) => v(c) > x;
    case "gte":
      return (c) => v(c) >= x;
    case "lt":
      return (c) => v(c) < x;
    case "lte":
      return (c) => v(c) <= x;
  }
}

function compileText(node: Extract<FieldCondition, { op: "contains" | "startsWith" | "endsWith" }>, f: ResolvedField, where: string): Predicate {
  const g = f.get;
  const ic = node.ignoreCase === true;
  const x = ic ? lower(node.value) : node.value;
  const fold = ic ? lower : (s: string) => s;
  const onString =
    node.op === "contains" ? (s: string) => fold(s).includes(x) : node.op === "startsWith" ? (s: string) => fold(s).startsWith(x) : (s: string) => fold(s).endsWith(x);
  const onElement = node.op === "contains" ? (s: string) => fold(s) === x : onString;
  const onList = (list: readonly unknown[]): boolean => {
    for (const e of list) if (typeof e === "string" && onElement(e)) return true;
    return false;
  };
  switch (f.kind) {
    case "string":
      return (c) => {
        const v = g(c);
        return typeof v === "string" && onString(v);
      };
    case "strings":
      return (c) => {
        const v = g(c) as readonly unknown[] | undefined;
        return v !== undefined && onList(v);
      };
    case "dynamic":
      return (c) => {
        const v = g(c);
        if (typeof v === "string") return onString(v);
        return Array.isArray(v) && onList(v as unknown[]);
      };
    default:
      throw notApplicable(where, node, f.kind, "strings and lists of strings");
  }
}

function compileLeaf(node: FieldCondition, where: string, ctx: CompileContext): Predicate {
  const f = resolveFieldPath(node.field, where, ctx);
  ctx.fields.add(node.field);
  const g = f.get;
  switch (node.op) {
    case "exists":
      return (c) => isPresent(g(c));
    case "eq":
      return compileEq(node, f, where);
    case "in":
      return compileIn(node, f, where);
    case "gt":
    case "gte":
    case "lt":
    case "lte":
    case "between":
      return compileRange(node, f, where);
    case "contains":
    case "startsWith":
    case "endsWith":
      return compileText(node, f, where);
    case "withinLast": {
      if (f.kind !== "date" && f.kind !== "dynamic") throw notApplicable(where, node, f.kind, "dates");
      if (ctx.asOf === undefined) {
        throw invalidInput("options.asOf", undefined, `a valid Date: ${where} uses withinLast, which is relative to asOf`);
      }
      const hi = ctx.asOf;
      const lo = hi - node.days * DAY_MS;
      const v = comparable(f, "date");
      return (c) => {
        const x = v(c);
        return x >= lo && x <= hi;
      };
    }
    case "withinRadius": {
      if (f.kind !== "geo" && f.kind !== "dynamic") throw notApplicable(where, node, f.kind, "geographic points (location.coordinates)");
      const center = node.center;
      const r = node.radiusKm;
      return (c) => {
        const v = g(c);
        return isGeo(v) && haversineKm(center, v) <= r;
      };
    }
  }
}

function compileNode(node: SegmentCondition, where: string, ctx: CompileContext): Predicate {
  switch (node.op) {
    case "all":
    case "any": {
      const parts = node.conditions.map((c, i) => compileNode(c, `${where}.conditions[${i}]`, ctx));
      if (parts.length === 1) return parts[0]!;
      if (node.op === "all") {
        if (parts.length === 2) {
          const [a, b] = parts as [Predicate, Predicate];
          return (c) => a(c) && b(c);
        }
        return (c) => {
          for (const p of parts) if (!p(c)) return false;
          return true;
        };
      }
      if (parts.length === 2) {
        const [a, b] = parts as [Predicate, Predicate];
        return (c) => a(c) || b(c);
      }
      return (c) => {
        for (const p of parts) if (p(c)) return true;
        return false;
      };
    }
    case "not": {
      const inner = compileNode(node.condition, `${where}.condition`, ctx);
      return (c) => !inner(c);
    }
    default:
      return compileLeaf(node, where, ctx);
  }
}

/**
 * Validates a segment definition once (see `parseSegmentDefinition`), resolves every
 * field path against the customer schema, the custom attributes and `options.metrics`,
 * checks each operator against its field's kind, and returns a predicate built from
 * closures — no `eval`, no `new Function`, no property lookup by user-supplied key
 * outside own properties. Unknown paths and misapplied operators throw
 * `INVALID_INPUT` naming the rule node (`where.conditions[2]`) and the field.
 *
 * Semantics: string comparisons are exact unless `ignoreCase` (Unicode lower-casing);
 * dates compare as instants (a calendar date is midnight UTC); a missing or
 * wrongly-typed value makes a condition false (except `exists`, which is then false
 * too, so `not exists` is true); `withinLast` spans `[asOf − days, asOf]`, so future
 * dates do not match; `withinRadius` uses the haversine distance.
 *
 * @example
 * ```ts
 * import { compileSegment } from "crmkit/segmentation";
 * const recentGermans = compileSegment(
 *   {
 *     id: "recent-de",
 *     where: {
 *       op: "all",
 *       conditions: [
 *         { field: "location.country", op: "eq", value: "DE" },
 *         { field: "createdAt", op: "withinLast", days: 30 },
 *         { field: "metrics.rfmSegment", op: "in", values: ["Champions", "Loyal Customers"] },
 *       ],
 *     },
 *   },
 *   { asOf: new Date("2024-06-01T00:00:00Z"), metrics: { rfmSegment: new Map([["c-1", "Champions"]]) } },
 * );
 * recentGermans({ id: "c-1", createdAt: new Date("2024-05-20T00:00:00Z"), location: { country: "DE" }, emails: [], phones: [], lifecycleHistory: [], tags: [], attributes: {}, consent: {} }); // true
 * ```
 */
export function compileSegment(definition: unknown, options: CompileSegmentOptions = {}): CompiledSegment {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object");
  const asOf = options.asOf;
  if (asOf !== undefined && (!(asOf instanceof Date) || Number.isNaN(asOf.getTime()))) {
    throw invalidInput("options.asOf", asOf, "a valid Date");
  }
  const def = parseSegmentDefinition(definition);
  const ctx: CompileContext = {
    asOf: asOf?.getTime(),
    metrics: metricsMap(options.metrics),
    attributes: attributesMap(options.attributes),
    fields: new Set<string>(),
  };
  // compileNode returns a fresh closure for every definition, so it can carry the metadata.
  const compiled = compileNode(def.where, "where", ctx);
  Object.defineProperties(compiled, {
    id: { value: def.id, enumerable: true },
    name: { value: def.name ?? def.id, enumerable: true },
    definition: { value: def, enumerable: true },
    fields: { value: Object.freeze([...ctx.fields]), enumerable: true },
  });
  return compiled as CompiledSegment;
}
