import type { CrmStore } from "crmkit/repository";

/**
 * What every demo section receives: a store seeded with generated data, the
 * reference time of the dataset, and output helpers. Sections read from the store
 * and call crmkit's public API, as a host application would.
 */
export interface DemoContext {
  readonly store: CrmStore;
  /** The dataset's "now": every analysis is as of this instant. */
  readonly asOf: Date;
  /** Prints a section heading. */
  heading(title: string): void;
  /** Prints lines of text. */
  log(...lines: string[]): void;
  /** Prints rows as an aligned table (keys of the first row are the columns). */
  table(rows: readonly Record<string, unknown>[]): void;
}

/** A demo section: one module's part of the tour. */
export interface DemoSection {
  readonly title: string;
  run(ctx: DemoContext): Promise<void>;
}

/**
 * Renders a cell: integers with thousands separators, other numbers with at most
 * three decimals, dates as ISO (date only at midnight UTC), absent values as "–".
 */
export function formatCell(value: unknown): string {
  if (value === undefined || value === null) return "–";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toLocaleString("en-US", { maximumFractionDigits: 3 });
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 16).replace("T", " ")}Z`;
  }
  if (Array.isArray(value)) return value.map(formatCell).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Formats rows as an aligned text table: a header, a rule, one line per row; numbers
 * right-aligned, everything else left-aligned. Columns are the keys of the first row.
 */
export function formatTable(rows: readonly Record<string, unknown>[]): string[] {
  const first = rows[0];
  if (first === undefined) return ["(no rows)"];
  const columns = Object.keys(first);
  const cells = rows.map((r) => columns.map((c) => formatCell(r[c])));
  const numeric = columns.map((c) => rows.every((r) => r[c] === undefined || r[c] === null || typeof r[c] === "number"));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, j) => (numeric[j] ? v.padStart(widths[j]!) : v.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd();
  return [line(columns), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)];
}

/** A context that prints to `write` (the console by default), indenting section output. */
export function createDemoContext(store: CrmStore, asOf: Date, write: (line: string) => void = (l) => console.log(l)): DemoContext {
  return {
    store,
    asOf,
    heading(title) {
      write("");
      write(`━━ ${title} ${"━".repeat(Math.max(0, 76 - title.length))}`);
    },
    log(...lines) {
      for (const l of lines) write(`  ${l}`);
    },
    table(rows) {
      for (const l of formatTable(rows)) write(`  ${l}`);
    },
  };
}
