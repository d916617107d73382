import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { FORBIDDEN_KEYS, SafeKeySchema } from "../model/attributes.js";
import { CONTACT_CHANNELS } from "../model/channels.js";
import type { Customer } from "../model/customer.js";
import type { GeoPoint } from "../model/location.js";
import { CUSTOMER_FIELDS, type FieldKind } from "./customer-fields.js";

/**
 * A value a caller-supplied metric may take for one customer.
 *
 * @example
 * ```ts
 * import type { MetricValue } from "crmkit/segmentation";
 * const clv: MetricValue = 1840.5;
 * const segment: MetricValue = "Champions";
 * ```
 */
export type MetricValue = string | number | boolean | Date | GeoPoint | readonly string[] | null | undefined;

/**
 * Where a metric's value for a customer comes from: a map keyed by customer id
 * (say, built from `rfmSegments(...)` or a CLV result) or a function of the customer.
 *
 * @example
 * ```ts
 * import type { MetricSource } from "crmkit/segmentation";
 * const clv: MetricSource = new Map([["c-1", 1840.5]]);
 * const tenureDays: MetricSource = (c) => (Date.UTC(2024, 5, 1) - c.createdAt.getTime()) / 86_400_000;
 * ```
 */
export type MetricSource = ReadonlyMap<string, MetricValue> | ((customer: Customer) => MetricValue);

/** A field path resolved to its kind and a getter that normalises the value to that kind. */
export interface ResolvedField {
  readonly path: string;
  readonly kind: FieldKind;
  /**
   * The value for a customer: `string`, `number`, `boolean`, epoch milliseconds for
   * `date`, `readonly unknown[]` for `strings`, an object for `geo` (or `undefined`
   * when missing or of the wrong type); the raw value for `dynamic`.
   */
  readonly get: (customer: Customer) => unknown;
}

type Getter = (customer: Customer) => unknown;

const asString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const asNumber = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const asBoolean = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);
const asMillis = (v: unknown): number | undefined => (v instanceof Date ? v.getTime() : undefined);
const asList = (v: unknown): readonly unknown[] | undefined => (Array.isArray(v) ? v : undefined);
const asGeo = (v: unknown): unknown => (typeof v === "object" && v !== null ? v : undefined);

function normaliser(kind: Exclude<FieldKind, "dynamic">): (v: unknown) => unknown {
  switch (kind) {
    case "string":
      return asString;
    case "number":
      return asNumber;
    case "boolean":
      return asBoolean;
    case "date":
      return asMillis;
    case "strings":
      return asList;
    case "geo":
      return asGeo;
  }
}

function pluck(list: unknown, key: string): readonly unknown[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: unknown[] = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    out[i] = typeof item === "object" && item !== null ? (item as Record<string, unknown>)[key] : undefined;
  }
  return out;
}

// Getters of the fixed customer fields. Keys are compile-time constants, never user data.
const FIXED_GETTERS: ReadonlyMap<string, Getter> = new Map<string, Getter>([
  ["id", (c) => asString(c.id)],
  ["firstName", (c) => asString(c.firstName)],
  ["lastName", (c) => asString(c.lastName)],
  ["displayName", (c) => asString(c.displayName)],
  ["jobTitle", (c) => asString(c.jobTitle)],
  ["accountId", (c) => asString(c.accountId)],
  ["ownerId", (c) => asString(c.ownerId)],
  ["acquisitionSource", (c) => asString(c.acquisitionSource)],
  ["lifecycleStage", (c) => asString(c.lifecycleStage)],
  ["lifecycleHistory.stage", (c) => pluck(c.lifecycleHistory, "stage")],
  ["createdAt", (c) => asMillis(c.createdAt)],
  ["updatedAt", (c) => asMillis(c.updatedAt)],
  [
    "birthDate",
    (c) => {
      const d = c.birthDate;
      if (typeof d !== "string") return undefined;
      const ms = Date.parse(d);
      return Number.isNaN(ms) ? undefined : ms;
    },
  ],
  ["emails", (c) => pluck(c.emails, "address")],
  ["phones", (c) => pluck(c.phones, "number")],
  ["tags", (c) => asList(c.tags)],
  ["location.country", (c) => asString(c.location?.country)],
  ["location.region", (c) => asString(c.location?.region)],
  ["location.city", (c) => asString(c.location?.city)],
  ["location.postalCode", (c) => asString(c.location?.postalCode)],
  ["location.coordinates", (c) => asGeo(c.location?.coordinates)],
  ["location.coordinates.latitude", (c) => asNumber(c.location?.coordinates?.latitude)],
  ["location.coordinates.longitude", (c) => asNumber(c.location?.coordinates?.longitude)],
  ...CONTACT_CHANNELS.flatMap((channel): [string, Getter][] => [
    [`consent.${channel}.status`, (c) => asString(c.consent?.[channel]?.status)],
    [`consent.${channel}.updatedAt`, (c) => asMillis(c.consent?.[channel]?.updatedAt)],
  ]),
]);

const FIXED_KINDS: ReadonlyMap<string, Exclude<FieldKind, "dynamic">> = new Map(CUSTOMER_FIELDS.map((f) => [f.path, f.kind]));

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

function suggestion(path: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(path.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best === undefined ? "" : ` (did you mean "${best}"?)`;
}

function unknownPath(where: string, path: string, message: string, details: Record<string, unknown> = {}): CrmkitError {
  return new CrmkitError("INVALID_INPUT", `${where}.field: unknown field path "${path}": ${message}`, {
    issues: [{ path: [...where.split("."), "field"], message: `unknown field path "${path}"`, input: path }],
    details: { field: path, path: `${where}.field`, ...details },
  });
}

/** What {@link resolveFieldPath} needs to know about the caller's data. */
export interface FieldContext {
  readonly metrics: ReadonlyMap<string, MetricSource>;
  readonly attributes: ReadonlyMap<string, Exclude<FieldKind, "dynamic">> | undefined;
}

/**
 * Resolves a rule's field path against the `Customer` schema, the custom attributes
 * and the caller's metrics; throws `INVALID_INPUT` naming the path (and the rule node
 * at `where`) when it is unknown.
 */
export function resolveFieldPath(path: string, where: string, ctx: FieldContext): ResolvedField {
  if (path.startsWith("attributes.")) {
    const key = path.slice("attributes.".length);
    if (!SafeKeySchema.safeParse(key).success) {
      throw unknownPath(where, path, "expected attributes.<key> with a key of letters, digits, '_', '-' or '.' (not __proto__, constructor or prototype)");
    }
    let kind: FieldKind = "dynamic";
    if (ctx.attributes !== undefined) {
      const declared = ctx.attributes.get(key);
      if (declared === undefined) {
        throw unknownPath(where, path, `attribute "${key}" is not among the declared attributes${suggestion(key, ctx.attributes.keys())}`, {
          declared: [...ctx.attributes.keys()],
        });
      }
      kind = declared;
    }
    const normalise = kind === "dynamic" ? (v: unknown) => v : normaliser(kind);
    return {
      path,
      kind,
      get: (c) => {
        const attrs: unknown = c.attributes;
        if (typeof attrs !== "object" || attrs === null || !Object.hasOwn(attrs, key)) return undefined;
        return normalise((attrs as Record<string, unknown>)[key]);
      },
    };
  }
  if (path.startsWith("metrics.")) {
    const name = path.slice("metrics.".length);
    const source = ctx.metrics.get(name);
    if (source === undefined) {
      const known = [...ctx.metrics.keys()];
      throw unknownPath(
        where,
        path,
        known.length === 0
          ? "no metrics were supplied (pass options.metrics, e.g. { rfmSegment: … })"
          : `supply it in options.metrics (known: ${known.join(", ")})${suggestion(name, known)}`,
        { known },
      );
    }
    const get: Getter = typeof source === "function" ? (c) => source(c) : (c) => source.get(c.id);
    return { path, kind: "dynamic", get };
  }
  const getter = FIXED_GETTERS.get(path);
  const kind = FIXED_KINDS.get(path);
  if (getter === undefined || kind === undefined) {
    throw unknownPath(
      where,
      path,
      `expected a Customer field (see CUSTOMER_FIELDS), attributes.<key> or metrics.<name>${suggestion(path, FIXED_KINDS.keys())}`,
    );
  }
  return { path, kind, get: getter };
}

/** Validates `options.metrics` and returns it as a map. */
export function metricsMap(metrics: unknown): ReadonlyMap<string, MetricSource> {
  const out = new Map<string, MetricSource>();
  if (metrics === undefined) return out;
  if (typeof metrics !== "object" || metrics === null || Array.isArray(metrics)) {
    throw invalidInput("options.metrics", metrics, "an object mapping metric names to a Map keyed by customer id or a function of the customer");
  }
  for (const name of Object.keys(metrics)) {
    if (FORBIDDEN_KEYS.has(name) || !SafeKeySchema.safeParse(name).success) {
      throw invalidInput(`options.metrics`, name, "metric names of letters, digits, '_', '-' or '.' (not __proto__, constructor or prototype)");
    }
    const source: unknown = (metrics as Record<string, unknown>)[name];
    if (typeof source !== "function" && !(source instanceof Map)) {
      throw invalidInput(`options.metrics.${name}`, source, "a Map keyed by customer id or a function (customer) => value");
    }
    out.set(name, source as MetricSource);
  }
  return out;
}

const KINDS: ReadonlySet<string> = new Set(["string", "number", "boolean", "date", "strings", "geo"]);

/** Validates `options.attributes` (declared custom attribute kinds). */
export function attributesMap(attributes: unknown): ReadonlyMap<string, Exclude<FieldKind, "dynamic">> | undefined {
  if (attributes === undefined) return undefined;
  if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) {
    throw invalidInput("options.attributes", attributes, 'an object mapping attribute keys to kinds ("string", "number", "boolean", "date", "strings", "geo")');
  }
  const out = new Map<string, Exclude<FieldKind, "dynamic">>();
  for (const key of Object.keys(attributes)) {
    if (!SafeKeySchema.safeParse(key).success) {
      throw invalidInput("options.attributes", key, "attribute keys of letters, digits, '_', '-' or '.' (not __proto__, constructor or prototype)");
    }
    const kind: unknown = (attributes as Record<string, unknown>)[key];
    if (typeof kind !== "string" || !KINDS.has(kind)) {
      throw invalidInput(`options.attributes.${key}`, kind, 'one of "string", "number", "boolean", "date", "strings", "geo"');
    }
    out.set(key, kind as Exclude<FieldKind, "dynamic">);
  }
  return out;
}
