/// <reference types="office-js" />
/**
 * Consolidate in Excel: the host writes the core's group sheets into the open workbook on the fake that keeps
 * Office's rules, beside the user's own sheets (never over them), and refuses a second Group Data table.
 */
import { consolidate } from "../../src/core/consolidate/consolidate";
import { planGroupSheetsInto } from "../../src/core/consolidate/group-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { examinedReturn } from "../consolidate/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { hostFor, noProgress, NOW } from "./fixtures";
import { expectFakeMatchesPlan } from "./fake-formats";

const examined = (position: number, council: string) =>
  examinedReturn(
    position,
    { council },
    {
      file: `${council}.xlsx`,
      answers: { "SL-ECSM-01": { current: "Mature", target: "Leader", evidence: "=1+1", owner: "" } },
    },
  );

const consolidation = consolidate([examined(0, "Anytown"), examined(1, "Otherton")], canonicalToolkit(), {
  includeErrors: false,
  finalOnly: false,
});

test("writes Group Summary, Group Data and the Consolidation Log into the workbook, exactly as planned", async () => {
  const fake = new FakeExcel();
  const steps: string[] = [];
  const names = await hostFor(fake).writeGroupSheets(consolidation, (p) => steps.push(p.step));
  expect(names).toEqual(["Group Summary", "Group Data", "Consolidation Log"]);
  const planned = planGroupSheetsInto(consolidation, { sheets: [], tables: [] }, NOW);
  await expectFakeMatchesPlan(fake, planned!.plan);
  expect(steps).toContain("Writing the group sheets into your workbook");
  expect(steps.at(-1)).toBe("Finished");
});

test("a user's sheet called Group Data is left as it was; the group's sheet is named around it", async () => {
  const fake = new FakeExcel();
  fake.seedSheet("group data", { A1: "My own notes", B2: { formula: "=1+1" } });
  const names = await hostFor(fake).writeGroupSheets(consolidation, noProgress);
  expect(names).toEqual(["Group Summary", "Group Data (2)", "Consolidation Log"]);
  expect(fake.cell("group data", "A1")).toEqual({ kind: "text", text: "My own notes", quotePrefix: false });
  expect(fake.cell("group data", "B2")).toEqual({ kind: "formula", formula: "=1+1" });
  const planned = planGroupSheetsInto(consolidation, { sheets: ["group data"], tables: [] }, NOW);
  await expectFakeMatchesPlan(fake, planned!.plan);
});

test("a workbook with an earlier consolidation's Group Data table is refused in plain words, and nothing is added", async () => {
  const fake = new FakeExcel();
  const host = hostFor(fake);
  await host.writeGroupSheets(consolidation, noProgress);
  const before = fake.state.sheets.map((s) => s.name);
  await expect(host.writeGroupSheets(consolidation, noProgress)).rejects.toMatchObject({
    name: "UserFacingError",
    message: expect.stringContaining("earlier consolidation"),
  });
  expect(fake.state.sheets.map((s) => s.name)).toEqual(before);
});
