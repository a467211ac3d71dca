/// <reference types="office-js" />
import { UserFacingError } from "../../src/app/workbook-host";
import { signOffState } from "../../src/core/assessment/sign-off";
import { signOffWarningsNote } from "../../src/core/check/sign-off-gate";
import { blockedMessage, incompleteNote, NO_ANSWERS_MESSAGE, signedOffNote } from "../../src/core/sign-off/sign-off";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { todayIso } from "../../src/core/util/dates";
import { DATA, KEY_AREA, LAYOUT_VERSION, METADATA_KEYS, SHEET_NAMES } from "../../src/core/plan/layout";
import type { Answers } from "../../src/core/plan/answer-types";
import { previousFingerprint } from "../../src/core/answers/fingerprint";
import { writeWorkbookPlan } from "../../src/office/write-plan";
import { layout4Column, olderLayoutPlan } from "../support/older-layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { columnLetter } from "../../src/core/util/a1";
import { parseToolkit } from "../../src/core/toolkit/load";
import { readWorkbookSnapshot, tableRange } from "../../src/office/read-snapshot";
import { FakeExcel, FakeOfficeError } from "../fakes/excel-fake";
import { paneWords } from "../../src/core/words/pane";
import { signOffWords } from "../../src/core/words/sign-off";
import { upgradeWords } from "../../src/core/words/upgrade";
import { parseRect } from "../fakes/excel/address";
import { cellKey } from "../fakes/excel/state";
import {
  buildWithHost,
  completeAnswers,
  DETAILS,
  hostFor,
  NOW,
  nextVersion,
  noProgress,
  readBack,
  userSheetsOf,
  writePlanWithAnswers,
} from "./fixtures";
import { planCell } from "../support/plan-cells";
import { expectFakeMatchesPlan } from "./fake-formats";

const toolkit = canonicalToolkit();
const firstArea = toolkit.themes[0].keyAreas[0];
const behaviour = firstArea.behaviours[0];

// A toolkit ten times larger needs more write requests: test/office-real measures them with the real client.
describe("round trips stay fixed", () => {
  test("the real toolkit: build in 2 syncs, upgrade in 3", async () => {
    const tk = toolkit;
    const fake = new FakeExcel();
    await hostFor(fake, tk).buildOrUpgrade(DETAILS, noProgress);
    expect(fake.syncs).toHaveLength(2);
    await hostFor(fake, nextVersion(tk)).buildOrUpgrade(DETAILS, noProgress);
    expect(fake.syncs).toHaveLength(5);
    await hostFor(fake, nextVersion(tk)).buildOrUpgrade(DETAILS, noProgress);
    expect(fake.syncs).toHaveLength(8);
  });
});

describe("build", () => {
  test("reports its steps in plain English and lists the sheets it made", async () => {
    const steps: string[] = [];
    const outcome = await hostFor(new FakeExcel()).buildOrUpgrade(DETAILS, (p) => steps.push(p.step));
    expect(outcome.action).toBe("built");
    expect(outcome.sheets.map((s) => s.name)).toContain("Summary");
    expect(outcome.sheets.some((s) => s.name === "NPS_Metadata")).toBe(false);
    expect(steps[0]).toMatch(/Checking/);
    expect(steps[steps.length - 1]).toBe("Finished");
  });

  test("never takes over a user's sheet: it picks another name, says so, and leaves the sheet alone", async () => {
    const fake = new FakeExcel();
    const mine = fake.seedSheet("summary", { A1: "My own summary", B2: { formula: "=1+1" } });
    const before = userSheetsOf(fake, [mine.id]);
    const outcome = await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    expect(outcome.sheets.map((s) => s.name)).toContain("Summary (2)");
    expect(outcome.notes.join(" ")).toMatch(/already has a sheet called "Summary".*"Summary \(2\)"/);
    const upgrade = await hostFor(fake, nextVersion(toolkit)).buildOrUpgrade(DETAILS, noProgress);
    // "Summary (2)" was the add-in's choice, so the upgrade must not thank the user for naming it.
    expect(upgrade.notes.join(" ")).not.toMatch(/Kept the names you gave/);
    expect(userSheetsOf(fake, [mine.id])).toEqual(before);
    const plan = buildWorkbookPlan(
      nextVersion(toolkit),
      { behaviours: {} },
      { ...DETAILS, now: NOW, created: NOW.toISOString(), sheetNames: { summary: "Summary (2)" } },
    );
    await expectFakeMatchesPlan(fake, plan);
  });
});

describe("upgrade and repair", () => {
  test("carries answers across, keeps the names the user gave our sheets and the user's references to them", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, {
      ...DETAILS,
      behaviours: {
        [behaviour.id]: {
          current: "Developing",
          target: "Leader",
          evidence: "=not a formula",
          owner: "2024",
          reviewDate: "2025-09-30",
        },
      },
    });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Summary").name = "Our summary";
      context.workbook.worksheets.getItem(firstArea.sheetName).name = "Leaders";
      await context.sync();
    });
    const mine = fake.seedSheet("Notes", { A1: { formula: "='Our summary'!B5" } });
    const outcome = await hostFor(fake, nextVersion(toolkit)).buildOrUpgrade(
      { council: "", assessmentDate: "" },
      noProgress,
    );
    expect(outcome.action).toBe("upgraded");
    expect(outcome.notes.join(" ")).toMatch(/Kept the names you gave.*"Leaders".*"Our summary"/);
    expect(fake.hasSheet("Summary")).toBe(false);
    expect(fake.cell("Notes", "A1")).toEqual({ kind: "formula", formula: "='Our summary'!B5" });
    expect(mine.cells.size).toBe(1);
    const found = await readBack(fake, toolkit);
    expect(found?.answers).toEqual({
      ...DETAILS,
      behaviours: {
        [behaviour.id]: {
          current: "Developing",
          target: "Leader",
          evidence: "=not a formula",
          owner: "2024",
          reviewDate: "2025-09-30",
        },
      },
    });
    expect(found?.roles.summary).toBe("Our summary");
  });

  test.each([1, 3, 4] as const)(
    "a workbook of layout %s is upgraded to this one: new score formulas, every answer and previous value in today's columns",
    async (layout) => {
      const fake = new FakeExcel();
      const previousBehaviours = {
        [behaviour.id]: { current: "Developing", target: "Mature", evidence: "Old minutes" },
      };
      const previous = {
        source: {
          file: "last-year.xlsx",
          assessmentDate: "2024-03-01",
          answersFingerprint: previousFingerprint(previousBehaviours, "2024-03-01", toolkit),
        },
        behaviours: previousBehaviours,
      };
      const answers: Answers = {
        ...DETAILS,
        behaviours: { [behaviour.id]: { current: "Mature", target: "Leader", evidence: "Minutes", owner: "Sam" } },
        ...(layout === 4 ? { previous } : {}),
      };
      // As that layout's generator wrote it: layout 4's columns (layouts 1 to 3 had the same, without the Previous ones).
      const older = olderLayoutPlan(layout === 4 ? 4 : 3, toolkit, answers, { now: NOW, ...DETAILS });
      await fake.run((context) =>
        writeWorkbookPlan(context, older, { existing: new Map(), existingNames: new Set(), excelApi19: true }, () =>
          context.sync(),
        ),
      );
      const layoutRow = METADATA_KEYS.indexOf("layoutVersion") + 2;
      const oldScore =
        '=IF(TRIM(H9)="","",IFERROR(MATCH(TRIM(H9),{"Minimum","Developing","Mature","Leader","Innovator"},0),"Not a level"))';
      if (layout === 1) {
        // Layout 1's score formula: MATCH reading the typed level, in layout 4's score column (M).
        fake.seedCell(fake.sheet(SHEET_NAMES.metadata), `B${layoutRow}`, "1");
        fake.seedCell(fake.sheet(firstArea.sheetName), `${columnLetter(layout4Column("currentScore"))}9`, {
          formula: oldScore,
        });
      }
      expect(fake.cell(firstArea.sheetName, `${columnLetter(layout4Column("current"))}9`)).toMatchObject({
        text: "Mature",
      });

      const outcome = await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
      expect(outcome.action).toBe("upgraded");
      expect(fake.cell(SHEET_NAMES.metadata, `B${layoutRow}`)).toMatchObject({
        kind: "text",
        text: String(LAYOUT_VERSION),
      });
      const plan = buildWorkbookPlan(toolkit, answers, { now: NOW, ...DETAILS });
      const L = KEY_AREA.letters;
      expect(fake.cell(firstArea.sheetName, `${L.currentScore}9`)).toEqual({
        kind: "formula",
        formula: `=${(planCell(plan, `keyArea:${firstArea.id}`, `${L.currentScore}9`) as { formula: string }).formula}`,
      });
      const textAt = (letter: string) =>
        (fake.cell(firstArea.sheetName, `${letter}9`) as { text?: string } | undefined)?.text;
      expect([L.current, L.target, L.evidence, L.owner].map(textAt)).toEqual(["Mature", "Leader", "Minutes", "Sam"]);
      expect([L.previousCurrent, L.previousTarget, L.previousEvidence].map(textAt)).toEqual(
        layout === 4 ? ["Developing", "Mature", "Old minutes"] : [undefined, undefined, undefined],
      );
      const read = await readBack(fake, toolkit);
      expect(read?.answers.behaviours).toEqual(answers.behaviours);
      expect(read?.answers.previous).toEqual(layout === 4 ? previous : undefined);
    },
  );

  test("reads protection first: works whether our sheets are still protected or the user unprotected one", async () => {
    const fake = new FakeExcel();
    await buildWithHost(fake);
    expect(fake.sheet(firstArea.sheetName).protection.protected).toBe(true);
    fake.sheet(firstArea.sheetName).protection = { protected: false, options: {} };
    const outcome = await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    expect(outcome.action).toBe("repaired");
    expect(fake.sheet(firstArea.sheetName).protection.protected).toBe(true);
  });

  test("a sheet protected with a password gives a plain-English error that keeps Excel's reason", async () => {
    const fake = new FakeExcel();
    await buildWithHost(fake);
    fake.sheet(firstArea.sheetName).protection.password = "secret";
    const attempt = hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toMatchObject({
      message: expect.stringMatching(/Excel could not finish writing.*password/),
      nextStep: expect.stringMatching(/unprotect/),
    });
  });

  test("a deleted sheet of ours is made again; the rest is rewritten in place", async () => {
    const fake = new FakeExcel();
    await buildWithHost(fake);
    const summaryId = fake.sheet("Summary").id;
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Gaps").delete();
      await context.sync();
    });
    const outcome = await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    expect(outcome.action).toBe("repaired");
    expect(fake.hasSheet("Gaps")).toBe(true);
    expect(fake.sheet("Summary").id).toBe(summaryId);
  });

  test("an answer for a behaviour the new toolkit dropped is kept on a Retired answers sheet, not counted as carried across", async () => {
    const [dropped, kept] = firstArea.behaviours;
    const fewer = parseToolkit({
      ...toolkit,
      version: "9.9.9",
      themes: toolkit.themes.map((t, ti) => ({
        ...t,
        keyAreas: t.keyAreas.map((k, ki) => (ti === 0 && ki === 0 ? { ...k, behaviours: k.behaviours.slice(1) } : k)),
      })),
    });
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, {
      ...DETAILS,
      behaviours: { [dropped.id]: { current: "Mature" }, [kept.id]: { current: "Leader" } },
    });
    expect((await hostFor(fake, fewer).status()).existing).toMatchObject({ assessedCount: 1 });
    const outcome = await hostFor(fake, fewer).buildOrUpgrade(DETAILS, noProgress);
    expect(outcome.notes).toContain(upgradeWords.carried({ count: 1 }));
    expect(outcome.notes.join(" ")).toContain(
      `${dropped.id}: this behaviour is not in toolkit 9.9.9, so its answer was kept on the Retired answers sheet.`,
    );
    expect(outcome.sheets).toContainEqual({ name: "Retired answers", role: "retired" });
    expect(fake.cell("Retired answers", "A4")).toMatchObject({ kind: "text", text: dropped.id });
    expect(fake.cell("Retired answers", "B4")).toMatchObject({ kind: "text", text: "Mature" });
    // A later repair reads the sheet back and keeps the answer again; nothing is ever thrown away.
    await hostFor(fake, fewer).buildOrUpgrade(DETAILS, noProgress);
    expect((await readBack(fake, fewer))?.answers.behaviours[dropped.id]).toEqual({ current: "Mature" });
  });

  describe("the NPS_Data table object survives, so users' PivotTables and =SUM(NPS_Data[Gap]) keep working", () => {
    const [dropped] = firstArea.behaviours;
    /** The toolkit with the first key area changed: a behaviour added (`more`) or the first one removed. */
    const changed = (more: boolean) =>
      parseToolkit({
        ...toolkit,
        version: "9.9.9",
        themes: toolkit.themes.map((t, ti) => ({
          ...t,
          keyAreas: t.keyAreas.map((k, ki) =>
            ti === 0 && ki === 0
              ? {
                  ...k,
                  behaviours: more
                    ? [...k.behaviours, { ...dropped, id: `${dropped.id}-NEW`, name: "A behaviour added later" }]
                    : k.behaviours.slice(1),
                }
              : k,
          ),
        })),
      });

    test.each([
      ["the same number of behaviours", nextVersion(toolkit), 51],
      ["one behaviour more", changed(true), 52],
      ["one behaviour fewer", changed(false), 50],
    ])("an upgrade to %s rewrites the table in place", async (_name, newer, rows) => {
      const fake = new FakeExcel();
      await buildWithHost(fake);
      const table = fake.sheet("Data").tables[0];
      const mine = fake.seedSheet("My pivot", { A1: { formula: "=SUM(NPS_Data[Gap])" } });
      await hostFor(fake, newer).buildOrUpgrade(DETAILS, noProgress);
      expect(fake.sheet("Data").tables).toHaveLength(1);
      expect(fake.sheet("Data").tables[0]).toBe(table);
      expect(table).toMatchObject({
        name: "NPS_Data",
        rect: { top: 1, left: 1, bottom: rows + 1, right: DATA.headers.length },
      });
      expect(mine.cells.size).toBe(1);
      const plan = buildWorkbookPlan(newer, { behaviours: {} }, { ...DETAILS, now: NOW, created: NOW.toISOString() });
      await expectFakeMatchesPlan(fake, plan);
      // A repair after that keeps it too.
      await hostFor(fake, newer).buildOrUpgrade(DETAILS, noProgress);
      expect(fake.sheet("Data").tables[0]).toBe(table);
      await expectFakeMatchesPlan(fake, plan);
    });

    /** The Data table made `by` columns narrower (a layout before 4) or wider, as if an older or newer layout wrote it. */
    const reshapeData = (fake: FakeExcel, by: number) => {
      const data = fake.sheet("Data");
      const table = data.tables[0];
      const right = table.rect.right + by;
      for (let row = table.rect.top; row <= table.rect.bottom; row++)
        for (let column = right + 1; column <= table.rect.right; column++) data.cells.delete(cellKey(row, column));
      for (let column = table.rect.right + 1; column <= right; column++)
        fake.seedCell(data, `${columnLetter(column)}${table.rect.top}`, `Old column ${column}`);
      table.rect = { ...table.rect, right };
      return table;
    };

    test.each([
      ["a layout-3 table, without the previous level, previous score and change columns", -3],
      ["a table with a column more than the plan", 1],
    ])("an upgrade of %s widens or narrows it in place", async (_name, by) => {
      const fake = new FakeExcel();
      await buildWithHost(fake);
      const table = reshapeData(fake, by);
      const id = table.id;
      const mine = fake.seedSheet("My pivot", { A1: { formula: "=SUM(NPS_Data[Gap])" } });
      await hostFor(fake, nextVersion(toolkit)).buildOrUpgrade(DETAILS, noProgress);
      expect(fake.sheet("Data").tables).toEqual([table]);
      expect(table).toMatchObject({ id, name: "NPS_Data", rect: { left: 1, right: DATA.headers.length } });
      expect(mine.cells.get(cellKey(1, 1))).toMatchObject({ formula: "=SUM(NPS_Data[Gap])" });
      await expectFakeMatchesPlan(
        fake,
        buildWorkbookPlan(
          nextVersion(toolkit),
          { behaviours: {} },
          { ...DETAILS, now: NOW, created: NOW.toISOString() },
        ),
      );
    });

    test("a table that is not where the plan puts it is made again rather than written over", async () => {
      const fake = new FakeExcel();
      await buildWithHost(fake);
      const table = fake.sheet("Data").tables[0];
      // As if a user had inserted a row above it and typed a title there: the header is now in row 2.
      const data = fake.sheet("Data");
      data.cells = new Map([...data.cells].map(([key, cell]) => [key + cellKey(2, 1), cell]));
      table.rect = { ...table.rect, top: table.rect.top + 1, bottom: table.rect.bottom + 1 };
      fake.seedCell(data, "A1", "My title");
      await hostFor(fake, nextVersion(toolkit)).buildOrUpgrade(DETAILS, noProgress);
      expect(fake.sheet("Data").tables).toHaveLength(1);
      expect(fake.sheet("Data").tables[0]).not.toBe(table);
      await expectFakeMatchesPlan(
        fake,
        buildWorkbookPlan(
          nextVersion(toolkit),
          { behaviours: {} },
          { ...DETAILS, now: NOW, created: NOW.toISOString() },
        ),
      );
    });
  });

  test("an upgrade keeps the tab colours users gave our sheets (the plan sets none)", async () => {
    const fake = new FakeExcel();
    await buildWithHost(fake);
    fake.sheet("Summary").tabColor = "#FF0000";
    fake.sheet(firstArea.sheetName).tabColor = "#00B050";
    await hostFor(fake, nextVersion(toolkit)).buildOrUpgrade(DETAILS, noProgress);
    expect(fake.sheet("Summary").tabColor).toBe("#FF0000");
    expect(fake.sheet(firstArea.sheetName).tabColor).toBe("#00B050");
    expect(fake.sheet("Gaps").tabColor).toBe("");
  });

  test("status() finds an assessment after a build, and none in a fresh workbook", async () => {
    const fake = new FakeExcel();
    expect(await hostFor(fake).status()).toEqual({ existing: null, check: null });
    await writePlanWithAnswers(fake, toolkit, { ...DETAILS, behaviours: { [behaviour.id]: { current: "Mature" } } });
    const status = await hostFor(fake, nextVersion(toolkit)).status();
    expect(status.existing).toMatchObject({
      council: DETAILS.council,
      assessmentDate: DETAILS.assessmentDate,
      upgradeAvailable: true,
      assessedCount: 1,
    });
  });
});

describe("sign off", () => {
  const answers = completeAnswers(toolkit, { ...DETAILS, respondent: "Jo Bloggs" });
  const metadataRow = (key: (typeof METADATA_KEYS)[number]) => METADATA_KEYS.indexOf(key) + 2;
  /** The only cells a sign-off writes. */
  const SIGN_OFF_CELLS: [string, string][] = [
    ["Guide", "B9"],
    ["Guide", "B10"],
    ...(["signedOffBy", "signedOffOn", "answersFingerprint"] as const).map((key): [string, string] => [
      SHEET_NAMES.metadata,
      `B${metadataRow(key)}`,
    ]),
  ];

  /** The workbook's whole state with the sign-off cells put back as they were before: equal when nothing else changed. */
  function withoutSignOff(fake: FakeExcel, before: FakeExcel["state"]): FakeExcel["state"] {
    const after = structuredClone(fake.state);
    for (const [sheetName, address] of SIGN_OFF_CELLS) {
      const { top, left } = parseRect(address);
      const was = before.sheets.find((s) => s.name === sheetName)!.cells.get(cellKey(top, left));
      const cells = after.sheets.find((s) => s.name === sheetName)!.cells;
      if (was) cells.set(cellKey(top, left), was);
      else cells.delete(cellKey(top, left));
    }
    return after;
  }

  test("writes only the sign-off, in 2 syncs (the check's read, then one small write): every other cell, format and sheet as it was", async () => {
    const fake = new FakeExcel();
    const mine = fake.seedSheet("Budget", { A1: "Our figures", B2: { formula: "=1+1" } });
    await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
    const before = structuredClone(fake.state);
    const syncsBefore = fake.syncs.length;
    const steps: string[] = [];
    const outcome = await hostFor(fake).signOff({ name: " Sam Lead " }, (p) => steps.push(p.step));
    expect(fake.syncs.length - syncsBefore).toBe(2);
    // Two sheets' protection lifted and put back, five cells' format and value: not a rewrite of every sheet.
    const write = fake.syncs[fake.syncs.length - 1];
    expect(write.operations).toBe(2 * 2 + 5 * 2);
    expect(outcome).toMatchObject({ action: "signedOff", sheets: [] });
    expect(outcome.notes[0]).toBe(signedOffNote("Sam Lead", todayIso(NOW)));
    expect(outcome.notes.join(" ")).not.toMatch(/Repaired|Carried|Sheets/);
    expect(steps).toEqual(expect.arrayContaining(["Checking the answers", "Recording the sign-off", "Finished"]));
    expect(withoutSignOff(fake, before)).toEqual(before);
    expect(fake.state.sheets.find((s) => s.id === mine.id)).toEqual(before.sheets.find((s) => s.id === mine.id));
    const found = (await readBack(fake, toolkit))!;
    expect(found.answers).toEqual(answers);
    expect(found.info).toMatchObject({ signedOffBy: "Sam Lead", signedOffOn: todayIso(NOW) });
    expect(signOffState(found, toolkit)).toBe("final");
    // The Guide and the metadata sheet are protected again, as the build protected them.
    for (const name of ["Guide", SHEET_NAMES.metadata])
      expect(fake.sheet(name).protection).toEqual(before.sheets.find((s) => s.name === name)!.protection);
  });

  test("a sheet the user unprotected stays unprotected; a sheet protected with a password is reported, nothing written", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Guide").protection.unprotect();
      await context.sync();
    });
    await hostFor(fake).signOff({ name: "Sam Lead" }, noProgress);
    expect(fake.sheet("Guide").protection.protected).toBe(false);
    expect(signOffState((await readBack(fake, toolkit))!, toolkit)).toBe("final");

    const locked = new FakeExcel();
    await writePlanWithAnswers(locked, toolkit, answers, DETAILS);
    await locked.run(async (context) => {
      const guide = context.workbook.worksheets.getItem("Guide");
      guide.protection.unprotect();
      guide.protection.protect({}, "secret");
      await context.sync();
    });
    await expect(hostFor(locked).signOff({ name: "Sam Lead" }, noProgress)).rejects.toThrow(/password/);
    expect((await readBack(locked, toolkit))!.info.metadata.answersFingerprint).toBe("");
  });

  test("an answer changed in Excel afterwards reads as changed since sign-off", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
    await hostFor(fake).signOff({ name: "Sam Lead" }, noProgress);
    fake.seedCell(fake.sheet(firstArea.sheetName), "K9", "Leader");
    expect(signOffState((await readBack(fake, toolkit))!, toolkit)).toBe("changed");
    const { check } = await hostFor(fake).status();
    expect(check?.findings.filter((f) => f.rule.startsWith("signoff.")).map((f) => f.rule)).toEqual([
      "signoff.answers-changed",
    ]);
  });

  test("a workbook whose check has errors is not signed off, and nothing is written", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
    fake.seedCell(fake.sheet(firstArea.sheetName), "J10", "Excellent");
    const syncsBefore = fake.syncs.length;
    const attempt = hostFor(fake).signOff({ name: "Sam Lead" }, noProgress);
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(blockedMessage(1));
    expect(fake.syncs.length - syncsBefore).toBe(1);
    expect((await readBack(fake, toolkit))!.info.metadata.answersFingerprint).toBe("");
  });

  test("a return with no answers is refused, even when an incomplete one is allowed; nothing is written", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, { ...DETAILS, behaviours: {} }, DETAILS);
    const syncsBefore = fake.syncs.length;
    const attempt = hostFor(fake).signOff({ name: "Sam Lead", allowIncomplete: true }, noProgress);
    await expect(attempt).rejects.toThrow(NO_ANSWERS_MESSAGE);
    expect(fake.syncs.length - syncsBefore).toBe(1);
    expect((await readBack(fake, toolkit))!.info.signedOffBy).toBe("");
  });

  test("a return not complete is refused pointing at the form's list and choice, and signed off when the caller allows it", async () => {
    const fake = new FakeExcel();
    const partial = structuredClone(answers);
    delete partial.behaviours[behaviour.id];
    await writePlanWithAnswers(fake, toolkit, partial, DETAILS);
    const incomplete = [
      { name: firstArea.name, assessed: firstArea.behaviours.length - 1, behaviours: firstArea.behaviours.length },
    ];
    // The pane's Sign off form lists the key areas and offers the choice: the refusal points there in one line.
    await expect(hostFor(fake).signOff({ name: "Sam Lead" }, noProgress)).rejects.toMatchObject({
      message: paneWords.signOff.refusedIncomplete(1),
      nextStep: signOffWords.incompleteNext,
    });
    expect((await readBack(fake, toolkit))!.info.signedOffBy).toBe("");
    const outcome = await hostFor(fake).signOff({ name: "Sam Lead", allowIncomplete: true }, noProgress);
    expect(outcome.notes[1]).toBe(incompleteNote(incomplete));
    expect(signOffState((await readBack(fake, toolkit))!, toolkit)).toBe("final");
  });

  test("sign-off decides on the findings the pane's check shows, protection and pickers included, and names its warnings", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(firstArea.sheetName);
      sheet.protection.unprotect();
      sheet.getRange("J10").dataValidation.clear();
      await context.sync();
    });
    const { check } = await hostFor(fake).status();
    const warnings = check!.findings.filter((f) => f.severity === "warning").map((f) => f.rule);
    // Only a read of protection and pickers finds these: the upgrade's read of cells does not.
    expect(warnings).toEqual(expect.arrayContaining(["protection.sheet-unprotected", "answer.picker-missing"]));
    const syncsBefore = fake.syncs.length;
    const outcome = await hostFor(fake).signOff({ name: "Sam Lead" }, noProgress);
    expect(fake.syncs.length - syncsBefore).toBe(2);
    expect(outcome.notes).toContain(signOffWarningsNote(check!));
    expect(signOffWarningsNote(check!)).toBe(
      `The check found ${warnings.length} warnings, which do not stop a sign-off: check the workbook to see them.`,
    );
    expect(signOffState((await readBack(fake, toolkit))!, toolkit)).toBe("final");
  });

  test("a read-only or structure-protected workbook is refused after the one read, nothing written", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
    fake.state.readOnly = true;
    const syncsBefore = fake.syncs.length;
    await expect(hostFor(fake).signOff({ name: "Sam Lead" }, noProgress)).rejects.toMatchObject({
      message: expect.stringMatching(/read-only/),
    });
    expect(fake.syncs.length - syncsBefore).toBe(1);
    fake.state.readOnly = false;
    fake.state.structureProtected = true;
    await expect(hostFor(fake).signOff({ name: "Sam Lead" }, noProgress)).rejects.toMatchObject({
      message: expect.stringMatching(/structure is protected/),
    });
    expect((await readBack(fake, toolkit))!.info.metadata.answersFingerprint).toBe("");
  });

  test("should Excel refuse the one-sync read, sign-off reads step by step and still knows the workbook can be changed", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
    fake.failNextSync = new FakeOfficeError("InvalidObjectPath", "The object path is not valid.");
    const outcome = await hostFor(fake).signOff({ name: "Sam Lead" }, noProgress);
    expect(outcome.action).toBe("signedOff");
    expect(signOffState((await readBack(fake, toolkit))!, toolkit)).toBe("final");
  });

  test("a blank name is refused before any round trip; a workbook without an assessment after reading it", async () => {
    const fake = new FakeExcel();
    await expect(hostFor(fake).signOff({ name: "  " }, noProgress)).rejects.toThrow(
      "Say who signs the answers off: a name is needed.",
    );
    expect(fake.syncs).toHaveLength(0);
    await expect(hostFor(fake).signOff({ name: "Sam Lead" }, noProgress)).rejects.toThrow(
      "This workbook holds no assessment to sign off.",
    );
  });
});

describe("failures the user must hear about", () => {
  test("a host below ExcelApi 1.8 is offered the file download, before any round trip", async () => {
    const fake = new FakeExcel();
    const attempt = hostFor(fake, toolkit, { api: "1.7" }).buildOrUpgrade(DETAILS, noProgress);
    await expect(attempt).rejects.toMatchObject({ name: "UserFacingError", offerDownload: true });
    expect(fake.syncs).toHaveLength(0);
  });

  test("a sync that never answers hits the timeout with a clear message", async () => {
    const fake = new FakeExcel();
    fake.hangSyncs = true;
    const attempt = hostFor(fake, toolkit, { timeoutMs: 30 }).buildOrUpgrade(DETAILS, noProgress);
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toMatchObject({
      message: expect.stringMatching(/did not answer within 0 seconds while reading your workbook/),
    });
  });

  test("after a timeout, no new work starts until Excel has finished the sync that timed out", async () => {
    const fake = new FakeExcel();
    fake.syncDelayMs = 300;
    const host = hostFor(fake, toolkit, { timeoutMs: 30 });
    await expect(host.buildOrUpgrade(DETAILS, noProgress)).rejects.toMatchObject({
      message: expect.stringMatching(/did not answer/),
    });
    await expect(host.buildOrUpgrade(DETAILS, noProgress)).rejects.toMatchObject({
      message: expect.stringMatching(/still finishing the previous attempt/),
    });
    await expect(host.status()).rejects.toMatchObject({ message: expect.stringMatching(/still finishing/) });
    expect(fake.syncs).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    fake.syncDelayMs = 0;
    expect((await host.buildOrUpgrade(DETAILS, noProgress)).action).toBe("built");
  });

  test("a read-only workbook is refused with what to do", async () => {
    const fake = new FakeExcel();
    fake.state.readOnly = true;
    await expect(hostFor(fake).buildOrUpgrade(DETAILS, noProgress)).rejects.toMatchObject({
      message: expect.stringMatching(/read-only/),
    });
    expect(fake.syncs).toHaveLength(1);
  });

  test("selectSheet activates a sheet, and explains a missing one", async () => {
    const fake = new FakeExcel();
    await buildWithHost(fake);
    await hostFor(fake).selectSheet("Gaps");
    expect(fake.activeSheetName()).toBe("Gaps");
    await expect(hostFor(fake).selectSheet("Nowhere")).rejects.toMatchObject({
      message: expect.stringMatching(/no longer in this workbook/),
    });
  });
});

test("the reader tells formulas from text that starts with '='", async () => {
  const fake = new FakeExcel();
  fake.seedSheet("Mixed", { A1: "'=text", B1: { formula: "=A1" }, C1: 5, D1: "" });
  const snapshot = await fake.run((context) => readWorkbookSnapshot(context, () => context.sync()));
  expect(snapshot.sheets.find((s) => s.name === "Mixed")?.cells).toEqual({
    A1: { value: "=text" },
    B1: { value: null, formula: "A1" },
    C1: { value: 5 },
  });
  expect(fake.syncs).toHaveLength(2);
});

test("a table is placed by its column names in its header row, and only where exactly one place matches", () => {
  const cells = { B3: { value: "ID" }, C3: { value: "Level" }, B4: { value: "x" } };
  const sheet = { name: "T", visibility: "visible" as const, cells };
  expect(tableRange(sheet, ["ID", "Level"], 2)).toBe("B3:C5");
  expect(tableRange(sheet, ["ID", "Gap"], 2)).toBeNull();
  const twice = { ...sheet, cells: { ...cells, E9: { value: "ID" }, F9: { value: "Level" } } };
  expect(tableRange(twice, ["ID", "Level"], 2)).toBeNull();
});
