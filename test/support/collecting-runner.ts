import type { ConformanceDescribeFunction, ConformanceTestBody, ConformanceTestFunction } from "../../src/testing/index.js";

/** The outcome of one test registered with a {@link CollectingRunner}. */
export interface CollectedResult {
  readonly name: string;
  readonly status: "passed" | "failed" | "skipped";
  readonly error?: unknown;
}

/** A minimal test runner: records what the kit registers, then runs it and collects the outcomes. */
export interface CollectingRunner {
  readonly describe: ConformanceDescribeFunction;
  readonly test: ConformanceTestFunction;
  /** Waits for registration, runs every registered test in order, returns the outcomes. */
  run(filter?: (name: string) => boolean): Promise<CollectedResult[]>;
  /** The names registered so far (after awaiting registration). */
  names(): Promise<string[]>;
}

/**
 * A runner whose `describe`/`test` the kit registers with, so a test can run the kit
 * inside itself and assert which rules pass and fail. `withSkip: false` gives a `test`
 * without `.skip`, like a runner that has none.
 */
export function createCollectingRunner(options: { withSkip?: boolean } = {}): CollectingRunner {
  const tests: { name: string; body: ConformanceTestBody; skipped: boolean }[] = [];
  const pending: Promise<unknown>[] = [];
  const stack: string[] = [];
  const fullName = (name: string) => [...stack, name].join(" > ");

  const describe: ConformanceDescribeFunction = (name, body) => {
    stack.push(name);
    let result: void | Promise<void> = undefined;
    try {
      result = body();
    } finally {
      if (!(result instanceof Promise)) stack.pop();
    }
    if (result instanceof Promise) pending.push(result.finally(() => stack.pop()));
  };
  const test = ((name: string, body: ConformanceTestBody) => {
    tests.push({ name: fullName(name), body, skipped: false });
  }) as ConformanceTestFunction;
  if (options.withSkip !== false) {
    test.skip = (name, body) => {
      tests.push({ name: fullName(name), body, skipped: true });
    };
  }

  return {
    describe,
    test,
    async names() {
      await Promise.all(pending);
      return tests.map((t) => t.name);
    },
    async run(filter = () => true) {
      await Promise.all(pending);
      const results: CollectedResult[] = [];
      for (const t of tests) {
        if (!filter(t.name)) continue;
        if (t.skipped) {
          results.push({ name: t.name, status: "skipped" });
          continue;
        }
        try {
          await t.body();
          results.push({ name: t.name, status: "passed" });
        } catch (error) {
          results.push({ name: t.name, status: "failed", error });
        }
      }
      return results;
    },
  };
}
