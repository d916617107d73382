import { existsSync } from "node:fs";
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
