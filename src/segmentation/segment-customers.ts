import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { Customer } from "../model/customer.js";
import { compileSegment, type CompiledSegment, type CompileSegmentOptions } from "./compile-segment.js";
import { SegmentMembership } from "./segment-membership.js";
import { consumeRows } from "../model/row-source.js";

const MAX_SEGMENTS = 1_000;

function isCompiled(d: unknown): d is CompiledSegment {
  return typeof d === "function" && typeof (d as Partial<CompiledSegment>).id === "string" && typeof (d as Partial<CompiledSegment>).definition === "object";
}

function compileAll(definitions: unknown, options: CompileSegmentOptions): CompiledSegment[] {
  if (!Array.isArray(definitions)) throw invalidInput("definitions", definitions, "an array of segment definitions");
  if (definitions.length === 0) throw invalidInput("definitions", definitions, "at least one segment definition");
  if (definitions.length > MAX_SEGMENTS) throw invalidInput("definitions", definitions, `at most ${MAX_SEGMENTS} segment definitions`);
  const seen = new Set<string>();
  return definitions.map((d: unknown, i) => {
    let compiled: CompiledSegment;
    try {
      compiled = isCompiled(d) ? d : compileSegment(d, options);
    } catch (e) {
      if (e instanceof CrmkitError) {
        throw new CrmkitError(e.code, `definitions[${i}]: ${e.message}`, { cause: e, issues: e.issues, details: { ...e.details, index: i } });
      }
      throw e;
    }
    if (seen.has(compiled.id)) throw invalidInput(`definitions[${i}].id`, compiled.id, "segment ids that are unique");
    seen.add(compiled.id);
    return compiled;
  });
}

class Collector {
  readonly ids: string[] = [];
  readonly seen = new Set<string>();
  flags: Uint8Array[];
  constructor(readonly segments: readonly CompiledSegment[]) {
    this.flags = segments.map(() => new Uint8Array(1024));
  }
  add(customer: Customer): void {
    const i = this.ids.length;
    const id: unknown = (customer as Partial<Customer> | null)?.id;
    if (typeof id !== "string") throw invalidInput(`customers[${i}].id`, id, "a customer with a string id");
    if (this.seen.has(id)) throw invalidInput(`customers[${i}].id`, id, "each customer once (duplicate id)");
    this.seen.add(id);
    this.ids.push(id);
    if (i === this.flags[0]!.length) this.flags = this.flags.map((f) => {
      const bigger = new Uint8Array(f.length * 2);
      bigger.set(f);
      return bigger;
    });
    const segments = this.segments;
    for (let s = 0; s < segments.length; s++) if (segments[s]!(customer)) this.flags[s]![i] = 1;
  }
  finish(): SegmentMembership {
    const n = this.ids.length;
    if (n === 0) throw new CrmkitError("INSUFFICIENT_DATA", "segmentCustomers: no customers to segment (the customers input was empty)");
    return new SegmentMembership(
      this.segments.map((s) => ({ id: s.id, name: s.name })),
      this.ids,
      this.flags.map((f) => f.slice(0, n)),
    );
  }
}

/**
 * Evaluates segment definitions (or already compiled segments) over customers and
 * returns who is in which segment, each segment's size and share, and the overlaps
 * between segments. Definitions are compiled once with `options` (see
 * `compileSegment`; segments passed already compiled keep the options they were
 * compiled with); segment ids must be unique; each customer must appear once.
 *
 * Accepts an array or iterable of customers (returns the result) or an async
 * iterable such as `store.customers.stream()` (returns a promise).
 *
 * @example
 * ```ts
 * import { segmentCustomers } from "crmkit/segmentation";
 * const asOf = new Date("2024-06-01T00:00:00Z");
 * const base = { emails: [], phones: [], lifecycleHistory: [], attributes: {}, consent: {} };
 * const m = segmentCustomers(
 *   [
 *     { id: "new", where: { field: "createdAt", op: "withinLast", days: 30 } },
 *     { id: "vip", where: { field: "tags", op: "contains", value: "vip" } },
 *   ],
 *   [
 *     { ...base, id: "c-1", createdAt: new Date("2024-05-20T00:00:00Z"), tags: ["vip"] },
 *     { ...base, id: "c-2", createdAt: new Date("2023-01-01T00:00:00Z"), tags: [] },
 *   ],
 *   { asOf },
 * );
 * m.segments.map((s) => [s.id, s.size]); // [["new", 1], ["vip", 1]]
 * m.overlap("new", "vip"); // 1
 * m.unsegmented; // 1
 * ```
 */
export function segmentCustomers(
  definitions: readonly unknown[],
  customers: Iterable<Customer>,
  options?: CompileSegmentOptions,
): SegmentMembership;
export function segmentCustomers(
  definitions: readonly unknown[],
  customers: AsyncIterable<Customer>,
  options?: CompileSegmentOptions,
): Promise<SegmentMembership>;
export function segmentCustomers(
  definitions: readonly unknown[],
  customers: Iterable<Customer> | AsyncIterable<Customer>,
  options: CompileSegmentOptions = {},
): SegmentMembership | Promise<SegmentMembership> {
  const segments = compileAll(definitions, options);
  const collector = new Collector(segments);
  return consumeRows(customers, "customers", (c) => collector.add(c as Customer), () => collector.finish(), "an array, iterable or async iterable of customers");
}
