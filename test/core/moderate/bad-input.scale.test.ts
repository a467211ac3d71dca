/**
 * Moderation at scale: two hundred respondents of one council, each on the Moderation sheet, their evidence together
 * longer than a cell holds. A scale case, so out of the inner loop (scripts/test-fast.js leaves out *.scale.test.ts);
 * `npm test` runs it. The other returns moderation cannot simply agree are in bad-input.test.ts.
 */
import type { ReturnSource } from "../../../src/core/consolidate/types";
import { moderateReturns, planModeratedWorkbook } from "../../../src/core/moderate/moderate";
import { CELL_TEXT_LIMIT, GUIDE, KEY_AREA, MODERATION } from "../../../src/core/plan/layout";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { cellAddress } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { olderToolkit, returnPlan } from "../consolidate/fixtures";
import { NOW, THREE, TODAY, toolkit } from "./fixtures";

const registry = [...knownToolkits(), olderToolkit()];
const moderate = (sources: ReturnSource[]) =>
  moderateReturns(sources, { registry, today: TODAY, includeErrors: false });

test("two hundred respondents: every one on the Moderation sheet, their evidence cut at what a cell holds, with a note", async () => {
  const base = await readSnapshotFromBuffer(await writePlanToBuffer(returnPlan(THREE[0])));
  const guide = base.sheets.findIndex((s) => s.name === "Guide");
  const area = base.sheets.findIndex((s) => s.name === toolkit.themes[0].keyAreas[0].sheetName);
  const evidence = cellAddress(KEY_AREA.firstBehaviourRow, KEY_AREA.columns.evidence);
  const sources: ReturnSource[] = Array.from({ length: 200 }, (_, i) => ({
    file: `R${i + 1}.xlsx`,
    read: async () => {
      const snapshot = structuredClone(base);
      snapshot.sheets[guide].cells[cellAddress(GUIDE.respondentCell.row, GUIDE.respondentCell.column)] = {
        value: `Respondent ${i + 1}`,
      };
      snapshot.sheets[area].cells[evidence] = { value: `Evidence ${i + 1} `.padEnd(200, "x") };
      return { snapshot };
    },
  }));
  const moderation = await moderate(sources);
  expect(moderation.log.every((e) => e.used)).toBe(true);
  const plan = planModeratedWorkbook(moderation, { now: NOW });
  const sheet = plan.sheets.find((s) => s.role === "moderation")!;
  const header = sheet.blocks.find((b) => b.at === cellAddress(MODERATION.headerRow, 1))!.cells[0];
  expect(header).toHaveLength(MODERATION.columnCount + 400);
  expect(header[header.length - 2]).toBe("Respondent 200: current");
  const merged = moderation.agreed!.answers.behaviours["SL-ECSM-01"].evidence!;
  expect(merged).toHaveLength(CELL_TEXT_LIMIT);
  expect(merged.startsWith("[Respondent 1 (Head of Procurement)] Evidence 1 ")).toBe(true);
  expect(merged.endsWith("[…cut here: the rest is in the respondents' returns]")).toBe(true);
  expect(moderation.warnings).toContain(
    "SL-ECSM-01: the respondents' evidence together is longer than a cell holds (32,767 characters), so it was cut; the full text is in each return.",
  );
}, 300_000);
