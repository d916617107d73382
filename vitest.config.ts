import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^crmkit$/, replacement: `${src}/index.ts` },
      { find: /^crmkit\/(.*)$/, replacement: `${src}/$1/index.ts` },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/fast-check-seed.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
  },
});
