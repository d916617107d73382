// A deliberately naive interpreter of segment rules, written from the documented
// semantics (docs/segmentation.md) and independent of compileSegment: it walks the
// definition on every call and resolves each path by walking the customer object.
import type { Customer } from "../../../src/model/customer.js";
import { CUSTOMER_FIELDS } from "../../../src/segmentation/customer-fields.js";
import { haversineKm } from "../../../src/segmentation/haversine.js";
import type { FieldCondition, SegmentCondition } from "../../../src/segmentation/segment-definition.js";

export interface InterpreterEnv {
  asOf?: number;
  metrics?: Record<string, Map<string, unknown> | ((c: Customer) => unknown)>;
}

const DAY = 86_400_000;

function walk(obj: unknown, path: string[]): unknown {
  let v = obj;
  for (const key of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function read(c: Customer, field: string, env: InterpreterEnv): { kind: string; value: unknown } {
  if (field.startsWith("attributes.")) return { kind: "dynamic", value: walk(c.attributes, [field.slice(11)]) };
  if (field.startsWith("metrics.")) {
    const source = env.metrics![field.slice(8)]!;
    return { kind: "dynamic", value: typeof source === "function" ? source(c) : source.get(c.id) };
  }
  const kind = CUSTOMER_FIELDS.find((f) => f.path === field)!.kind;
  let raw: unknown;
  if (field === "emails") raw = c.emails.map((e) => e.address);
  else if (field === "phones") raw = c.phones.map((p) => p.number);
  else if (field === "lifecycleHistory.stage") raw = c.lifecycleHistory.map((h) => h.stage);
  else raw = walk(c, field.split("."));
  switch (kind) {
    case "date":
      if (raw instanceof Date) return { kind, value: raw.getTime() };
      if (field === "birthDate" && typeof raw === "string") return { kind, value: Date.parse(raw) };
      return { kind, value: undefined };
    case "string":
    case "number":
    case "boolean":
      return { kind, value: typeof raw === kind ? raw : undefined };
    case "strings":
      return { kind, value: Array.isArray(raw) ? raw : undefined };
    default:
      return { kind, value: typeof raw === "object" && raw !== null ? raw : undefined };
  }
}

const fold = (s: string, ic: boolean | undefined): string => (ic === true ? s.toLowerCase() : s);

function sameScalar(v: unknown, x: unknown, ic: boolean | undefined): boolean {
  if (typeof v === "string") return typeof x === "string" && fold(v, ic) === fold(x, ic);
  if (typeof v === "number" || typeof v === "boolean") return v === x;
  return false;
}

/** Interprets a condition for one customer. */
export function interpret(node: SegmentCondition, c: Customer, env: InterpreterEnv): boolean {
  switch (node.op) {
    case "all":
      return node.conditions.every((n) => interpret(n, c, env));
    case "any":
      return node.conditions.some((n) => interpret(n, c, env));
    case "not":
      return !interpret(node.condition, c, env);
    default:
      return interpretLeaf(node, c, env);
  }
}

function interpretLeaf(node: FieldCondition, c: Customer, env: InterpreterEnv): boolean {
  const { kind, value: v } = read(c, node.field, env);
  switch (node.op) {
    case "exists":
      return v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
    case "eq": {
      const x = node.value;
      if (kind === "date") return v === Date.parse(x as string);
      if (v instanceof Date) return typeof x === "string" && /^\d{4}-\d{2}-\d{2}/.test(x) && v.getTime() === Date.parse(x);
      return sameScalar(v, x, node.ignoreCase);
    }
    case "in": {
      const hit = (e: unknown) => node.values.some((x) => sameScalar(e, x, node.ignoreCase));
      return Array.isArray(v) ? v.some(hit) : hit(v);
    }
    case "gt":
    case "gte":
    case "lt":
    case "lte":
    case "between": {
      const operand = node.op === "between" ? node.min : node.value;
      const n =
        typeof operand === "number"
          ? typeof v === "number"
            ? v
            : Number.NaN
          : kind === "date"
            ? (v as number | undefined)
            : v instanceof Date
              ? v.getTime()
              : Number.NaN;
      if (n === undefined || Number.isNaN(n)) return false;
      const num = (o: number | string) => (typeof o === "number" ? o : Date.parse(o));
      if (node.op === "between") return n >= num(node.min) && n <= num(node.max);
      const x = num(node.value);
      return node.op === "gt" ? n > x : node.op === "gte" ? n >= x : node.op === "lt" ? n < x : n <= x;
    }
    case "contains":
    case "startsWith":
    case "endsWith": {
      const x = fold(node.value, node.ignoreCase);
      if (typeof v === "string") {
        const s = fold(v, node.ignoreCase);
        return node.op === "contains" ? s.includes(x) : node.op === "startsWith" ? s.startsWith(x) : s.endsWith(x);
      }
      if (!Array.isArray(v)) return false;
      return v.some((e) => {
        if (typeof e !== "string") return false;
        const s = fold(e, node.ignoreCase);
        return node.op === "contains" ? s === x : node.op === "startsWith" ? s.startsWith(x) : s.endsWith(x);
      });
    }
    case "withinLast": {
      const t = kind === "date" ? (v as number | undefined) : v instanceof Date ? v.getTime() : undefined;
      return t !== undefined && t >= env.asOf! - node.days * DAY && t <= env.asOf!;
    }
    case "withinRadius": {
      const p = v as { latitude?: unknown; longitude?: unknown } | undefined;
      if (p === undefined || p === null || typeof p.latitude !== "number" || typeof p.longitude !== "number") return false;
      return haversineKm(node.center, { latitude: p.latitude, longitude: p.longitude }) <= node.radiusKm;
    }
  }
}
