// ESLint 9 flat config. office-addin-lint uses this file (it looks for eslint.config.mjs in the project's root) in
// place of its built-in one, which only lints .ts/.js files: ours adds .tsx and React's rules for the task pane.
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import globals from "globals";

// The layers of README's "How the code is shaped", enforced: an import that goes the wrong way fails lint (and so
// npm test). test/lint/layer-boundaries.test.ts proves that each rule catches a file that breaks it.
const OUTER_LAYERS = "(office|xlsx|taskpane|cli|app)";
const ONLY_OFFICE_TOUCHES_EXCEL = "Only src/office touches Excel.*: go through the WorkbookHost in src/app.";
// no-restricted-globals sees Excel.run(…) but not the namespace in a type (Excel.RequestContext): this catches those.
const EXCEL_IN_TYPES = {
  selector: "TSQualifiedName[left.name='Excel'], TSTypeQuery > Identifier.exprName[name='Excel']",
  message: ONLY_OFFICE_TOUCHES_EXCEL,
};
const CORE_IS_PURE = [
  {
    regex: `^(\\.\\./)+${OUTER_LAYERS}(/|$)|(^|/)src/${OUTER_LAYERS}(/|$)`,
    message: "src/core is the pure core: it imports nothing from src/office, xlsx, taskpane, cli or app.",
  },
  {
    group: ["react", "react/*", "react-dom", "react-dom/*", "@fluentui/*", "exceljs", "jszip", "office-js"],
    message: "src/core is pure TypeScript: no React, Fluent UI, ExcelJS or Office.js.",
  },
];
// The core's own order, lowest first: a folder imports only from the folders before it (and its own). The toolkit
// model, the plan built from it, the snapshot a reader fills, the answers read from a snapshot, the use cases over
// them (assessment), the checker, the year's cycle (next year's return from this one), consolidation, which uses all
// of them, and moderation, which uses consolidation.
const CORE_ORDER = [
  "util",
  "toolkit",
  "plan",
  "snapshot",
  "answers",
  "assessment",
  "check",
  "sign-off",
  "cycle",
  "consolidate",
  "moderate",
];
// One block per core folder, restating the core's rules (a later block's options replace an earlier block's).
const coreOrder = CORE_ORDER.map((layer, i) => {
  const above = CORE_ORDER.slice(i + 1);
  const upward = {
    regex: `^\\.\\./(${above.join("|")})(/|$)|(^|/)core/(${above.join("|")})(/|$)`,
    message: `src/core/${layer} comes before ${above.join(", ")} in the core's order (CORE_ORDER in eslint.config.mjs): it imports none of them.`,
  };
  return {
    files: [`src/core/${layer}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": ["error", { patterns: above.length > 0 ? [...CORE_IS_PURE, upward] : CORE_IS_PURE }],
    },
  };
});
const layerBoundaries = [
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/office/**"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: ONLY_OFFICE_TOUCHES_EXCEL }],
      "no-restricted-syntax": ["error", EXCEL_IN_TYPES],
    },
  },
  {
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: CORE_IS_PURE }],
      // Restates the Excel rule too: a later block's options replace an earlier block's for the same rule.
      "no-restricted-syntax": [
        "error",
        EXCEL_IN_TYPES,
        {
          // no-restricted-imports does not see import() or require(), so the core may use neither.
          selector: "ImportExpression, CallExpression[callee.name='require']",
          message: "src/core imports statically, so that the layer rule above can check every import.",
        },
      ],
    },
  },
];

export default [
  { ignores: ["dist/**", "build/**", "coverage/**", "test-output/**", "node_modules/**"] },
  ...officeAddins.configs.react,
  {
    // The office-addins block (Office.js rules, prettier) lists only .ts and .js: apply it to .tsx as well.
    ...officeAddins.configs.recommended.find((config) => config.files),
    files: ["**/*.{ts,tsx}"],
  },
  react.configs.flat["jsx-runtime"],
  {
    files: ["src/taskpane/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Core rules that TypeScript checks better (no-undef, no-redeclare with declaration merging, ...) are turned off.
  tsPlugin.configs["flat/eslint-recommended"],
  {
    files: ["**/*.{ts,tsx}"],
    // Set the parser here as office-addin-lint's own config does: the plugin's block ends up without one (so ESLint
    // falls back to espree, which cannot read TypeScript), and its ecmaVersion 6 is too old for our code.
    languageOptions: { parser: tsParser, ecmaVersion: "latest" },
    rules: {
      // Types replace prop-types.
      "react/prop-types": "off",
      // Like tsc: `const { omitted: _omitted, ...rest } = value` is how an object loses a key.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { ignoreRestSiblings: true, varsIgnorePattern: "^_", argsIgnorePattern: "^_" },
      ],
      // Formatting is prettier's (.prettierrc.json): a file that is not formatted fails lint; `npm run lint:fix` formats it.
      "prettier/prettier": "error",
    },
  },
  {
    // The plain JavaScript the project runs on Node as it is (scripts/, bin/, the webpack and jest configs, the test
    // transpiler, this file): today's Node, not the plugin's ECMAScript 6, which cannot read `??` or `...`.
    files: ["**/*.{js,mjs}"],
    languageOptions: { ecmaVersion: "latest", sourceType: "commonjs", globals: globals.node },
    rules: { "prettier/prettier": "error" },
  },
  // ESLint's own config is an ES module.
  { files: ["**/*.mjs"], languageOptions: { sourceType: "module" } },
  ...layerBoundaries,
  ...coreOrder,
  {
    // These tests break Office.js's load/sync rules on purpose, to prove that the Excel fake enforces them.
    files: ["test/fakes/**/*.test.ts"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];
