/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  // ExcelJS as the command line's bundle has it (scripts/cli-bundle/exceljs.js): the same Workbook and enums, without
  // loading the streaming reader and writer nobody here uses (about 380 of ExcelJS's 660 modules, a second and more
  // of every test file that writes a workbook).
  moduleNameMapper: { "^exceljs$": "<rootDir>/scripts/cli-bundle/exceljs.js" },
  // LibreOffice and the validator are real processes: give engine tests room, but never skip them.
  testTimeout: 180000,
  // Every temporary file of a run (the tests' own, LibreOffice's, Chromium's) goes in one folder removed at the end.
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  // Testing Library's waits sized for a busy machine (see the file).
  setupFilesAfterEnv: ["<rootDir>/test/support/jest-setup.ts"],
};
