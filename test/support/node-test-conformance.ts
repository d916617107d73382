// Runs the conformance kit under node:test (not vitest): `node --import tsx --test test/support/node-test-conformance.ts`.
// test/testing/conformance.test.ts spawns it to prove the kit works with node:test's describe/test, skip included.
import { describe, test } from "node:test";
import { FULL_CAPABILITIES } from "../../src/repository/index.js";
import { describeCrmStoreConformance } from "../../src/testing/index.js";
import { createMinimalStore } from "./minimal-store.js";

describeCrmStoreConformance({
  name: "offset-cursor adapter under node:test",
  // Async, so the kit reads the capabilities in an async describe body (node:test awaits it). The adapter pages
  // with offsets and says so: the rule on paging under concurrent writes is skipped, every other rule passes.
  createStore: async () => createMinimalStore({ offsetCursors: true }, { ...FULL_CAPABILITIES, consistentPagingUnderWrites: false }),
  describe,
  test,
  collections: ["tickets"],
});
