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
