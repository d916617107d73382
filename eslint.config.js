// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const analytics = ["clv", "retention", "nps", "segmentation", "conversion", "stages", "math", "time", "model", "errors"];

export default tseslint.config(
  { ignores: ["dist/", "docs/api/", "coverage/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // Layering (DESIGN.md): pure modules never import the ports or the application layer.
    files: analytics.map((m) => `src/${m}/**/*.ts`),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/repository", "**/repository/**"], message: "Pure modules must not import src/repository (ports live at the edge)." },
            { group: ["**/app", "**/app/**", "**/testing", "**/testing/**"], message: "Pure modules must not import the application layer or the test kit." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
