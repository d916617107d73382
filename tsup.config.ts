import { defineConfig } from "tsup";

/**
 * One entry per public module folder; each becomes a subpath export
 * (`crmkit/clv`, `crmkit/nps`, …) and the root re-exports them all.
 * Code splitting is on for both formats so that shared classes (CrmkitError)
 * exist once per format, and `instanceof` works across subpaths.
 */
export const modules = [
  "errors",
  "math",
  "time",
  "model",
  "repository",
  "testing",
  "clv",
  "retention",
  "nps",
  "segmentation",
  "conversion",
  "stages",
  "app",
] as const;

export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`])),
  },
  format: ["esm", "cjs"],
  dts: true,
  splitting: true,
  sourcemap: false,
  clean: true,
  treeshake: true,
  target: "node20",
  platform: "neutral",
  outDir: "dist",
});
