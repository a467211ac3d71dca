/// <reference types="office-js" />
/**
 * The group workbook's plan through the Office.js writer, on the in-memory Excel fake that keeps Office's rules:
 * the same plan the .xlsx writer writes, cell for cell, with text from returns (= + - @) kept as text.
 */
import { consolidate } from "../../src/core/consolidate/consolidate";
import { planGroupWorkbook } from "../../src/core/consolidate/group-plan";
import { GROUP_DATA } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { writeWorkbookPlan } from "../../src/office/write-plan";
import { examinedReturn } from "../core/consolidate/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { cellKey } from "../fakes/excel/state";
import { expectFakeMatchesPlan } from "./fake-formats";

const toolkit = canonicalToolkit();

const examined = (position: number, council: string, evidence: string) =>
  examinedReturn(
    position,
    { council },
    {
      file: `${council}.xlsx`,
      answers: { "SL-ECSM-01": { current: "Mature", target: "Leader", evidence, owner: "@procurement" } },
    },
  );

test("the Office writer applies the group plan exactly, keeping text from returns as text", async () => {
  const consolidation = consolidate(
    [examined(0, "=Hackney", "=SUM(A1:A3)"), examined(1, "M*", "+44 20 7946 0000"), examined(2, ">3", "-5")],
    toolkit,
    { includeErrors: false, finalOnly: false },
  );
  const plan = planGroupWorkbook(consolidation, { now: new Date("2026-11-26T09:00:00Z") });
  const fake = new FakeExcel();
  await fake.run((context) =>
    writeWorkbookPlan(context, plan, { existing: new Map(), existingNames: new Set(), excelApi19: true }, () =>
      context.sync(),
    ),
  );
  await expectFakeMatchesPlan(fake, plan);
  const sheet = fake.sheet("Group Data");
  const cell = (row: number, column: number) => sheet.cells.get(cellKey(row, column));
  const C = GROUP_DATA.columns;
  const perReturn = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length;
  expect([0, 1, 2].map((r) => cell(GROUP_DATA.firstRow + r * perReturn, C.evidence))).toEqual([
    { kind: "text", text: "=SUM(A1:A3)", quotePrefix: true },
    { kind: "text", text: "+44 20 7946 0000", quotePrefix: true },
    { kind: "text", text: "-5", quotePrefix: true },
  ]);
  expect(cell(GROUP_DATA.firstRow, C.council)).toEqual({ kind: "text", text: "=Hackney", quotePrefix: true });
  expect(cell(GROUP_DATA.firstRow, C.owner)).toEqual({ kind: "text", text: "@procurement", quotePrefix: true });
});
