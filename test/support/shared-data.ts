import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** `../shared/data` next to the project root (present in CI; absent in a fresh clone elsewhere). */
export const SHARED_DATA_DIR = path.resolve(fileURLToPath(new URL("../../", import.meta.url)), "../shared/data");

/** Absolute path of a file in the shared data directory. */
export function sharedDataFile(name: string): string {
  return path.join(SHARED_DATA_DIR, name);
}

/**
 * True when the shared data file exists. When it does not, prints why the suite that
 * needs it is skipped, so a skip is never silent. Use as
 * `describe.skipIf(!hasSharedData("CDNOW_sample.txt"))(...)`.
 */
export function hasSharedData(name: string): boolean {
  const ok = existsSync(sharedDataFile(name));
  if (!ok) console.warn(`[skip] ${name} not found in ${SHARED_DATA_DIR}: the published-data tests that need it are skipped`);
  return ok;
}

/**
 * The text of a shared data file, or "" when it is absent. vitest still runs the body
 * of a `describe.skipIf(true)` suite to collect its (skipped) tests, so a suite that
 * loads its data at collection time must not throw there when the data is missing.
 */
export function readSharedText(name: string): string {
  const file = sharedDataFile(name);
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/**
 * `compute()` when `present`, else a placeholder that is never read: for suites that
 * fit a model on shared data at collection time (see {@link readSharedText}), so that
 * the fit does not run, and fail, in a skipped suite.
 */
export function whenPresent<T>(present: boolean, compute: () => T): T {
  return present ? compute() : (undefined as T);
}
