/**
 * The .xlsx writer holds exactly the plan: cells, formulas, styles, merges, validations, conditional
 * formats, tables, sizes, freeze, protection, print setup, names and the active sheet (the product's
 * comparison for what its reader reads, test/support/plan-formats.ts for the rest). The Office.js
 * writer is held to the same in test/office, so the two writers cannot drift apart.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { sampleAnswers } from "../../src/core/answers/sample";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { tempDir } from "../support/fixtures";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { expectXlsxMatchesPlan } from "./xlsx-formats";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");

/** The written file holds exactly the plan, and passes the validator and the extra checks. */
async function expectWriterMatches(plan: WorkbookPlan): Promise<void> {
  const bytes = await writePlanToBuffer(plan);
  await expectXlsxMatchesPlan(bytes, plan);
  const file = path.join(tempDir(), "planned.xlsx");
  writeFileSync(file, bytes);
  await expectWorkbookClean(file);
}

test("a sample assessment is written exactly as planned", async () => {
  await expectWriterMatches(buildWorkbookPlan(toolkit, sampleAnswers(toolkit, "2026-04-01"), { now }));
});

test("renamed sheets, formula-like text and retired answers are written exactly as planned", async () => {
  const plan = buildWorkbookPlan(
    toolkit,
    {
      council: '=O\'Brien "Council"',
      behaviours: {
        "SL-ECSM-01": { current: "Mature", evidence: "+44 1", owner: "@me", reviewDate: "2027-01-31" },
        "XX-OLD-01": { current: "Leader", evidence: "=old" },
      },
    },
    { now, sheetNames: { summary: "Summary (2)", "keyArea:SL-ECSM": "It's ours" } },
  );
  await expectWriterMatches(plan);
});
