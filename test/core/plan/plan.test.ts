import { readFileSync } from "fs";
import * as path from "path";
import { cleanAnswers } from "../../../src/core/plan/answers";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { DATA, GAPS, KEY_AREA, LAYOUT_VERSION, SUMMARY, roleNameFor } from "../../../src/core/plan/layout";
import { cellAddress, cellsIn, parseCell } from "../../../src/core/util/a1";
import { planCheckReport } from "../../../src/core/check/report-sheet";
import { rowHeightForFont } from "../../../src/core/plan/style";
import { isFormula, type WorkbookPlan } from "../../../src/core/plan/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { toolkitFingerprint } from "../../../src/core/toolkit/load";
import { GENERATOR_VERSION } from "../../../src/core/version";
import { planCell } from "../../support/plan-cells";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");
const build = (answers = {}, options = {}) =>
  buildWorkbookPlan(toolkit, { behaviours: {}, ...answers }, { now, ...options });

const formulas = (plan: WorkbookPlan) =>
  plan.sheets.flatMap((s) => [
    ...s.blocks.flatMap((b) =>
      b.cells
        .flat()
        .filter(isFormula)
        .map((c) => c.formula),
    ),
    ...s.conditionalFormats.flatMap((cf) => (cf.type === "expression" ? [cf.formula] : [])),
  ]);

describe("workbook plan", () => {
  const plan = build();

  test("has the contract's sheets in order, Guide first and active, metadata very hidden and last", () => {
    const areaSheets = toolkit.themes.flatMap((t) => t.keyAreas.map((k) => k.sheetName));
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Guide",
      ...areaSheets,
      "Summary",
      "Gaps",
      "Data",
      "Actions",
      "NPS_Metadata",
    ]);
    expect(plan.activeSheetKey).toBe("guide");
    expect(plan.sheets.filter((s) => s.visibility !== "visible").map((s) => s.key)).toEqual(["metadata"]);
    const names = plan.sheets.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(31);
  });

  test("marks every sheet's role with a defined name", () => {
    for (const sheet of plan.sheets) {
      expect(plan.names).toContainEqual({ name: roleNameFor(sheet.key), reference: `'${sheet.name}'!$A$1` });
    }
  });

  test("gives each key area sheet one row per behaviour with pickers, a date check and protection", () => {
    for (const area of toolkit.themes.flatMap((t) => t.keyAreas)) {
      const sheet = plan.sheets.find((s) => s.key === `keyArea:${area.id}`)!;
      const last = KEY_AREA.firstBehaviourRow + area.behaviours.length - 1;
      area.behaviours.forEach((b, i) =>
        expect(planCell(plan, sheet.key, `A${KEY_AREA.firstBehaviourRow + i}`)).toBe(b.id),
      );
      const L = KEY_AREA.letters;
      expect(sheet.validations.map((v) => [v.type, v.range])).toEqual([
        ["list", `${L.current}9:${L.current}${last}`],
        ["list", `${L.target}9:${L.target}${last}`],
        ["date", `${L.reviewDate}9:${L.reviewDate}${last}`],
      ]);
      for (const v of sheet.validations) if (v.type === "list") expect(v.values).toEqual(toolkit.levels);
      expect(sheet.protection).toBeDefined();
      // This year's inputs: the two level pickers, then evidence, owner and review date (last year's stand between).
      for (const [from, to] of [
        [L.current, L.target],
        [L.evidence, L.reviewDate],
      ])
        expect(sheet.styles).toContainEqual({
          range: `${from}9:${to}${last}`,
          style: expect.objectContaining({ locked: false }),
        });
      expect(sheet.freeze).toEqual({ rows: 7, columns: 2 });
      // The grid is wide: A3 with narrow margins keeps its text at 7 pt or more once fitted to the width.
      expect(sheet.print).toEqual({
        orientation: "landscape",
        fitToWidth: true,
        paper: "A3",
        margins: "narrow",
        titleRows: "7:7",
      });
    }
  });

  test("uses only portable, non-volatile formulas without leading = or whole-column references", () => {
    const all = formulas(plan);
    expect(all.length).toBeGreaterThan(500);
    for (const f of all) {
      expect(f).not.toMatch(/^=/);
      expect(f).not.toMatch(
        /_xlfn|\b(INDIRECT|OFFSET|TODAY|NOW|RAND|RANDBETWEEN|CELL|INFO|XLOOKUP|LET|MINIFS|MAXIFS|IFS|SWITCH|TEXTJOIN|CONCAT)\(/,
      );
      expect(f).not.toMatch(/(^|[^A-Z$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}([^0-9]|$)/);
    }
  });

  test("Gaps and Data rows refer only to their own row, so sorting or filtering them cannot mix rows up", () => {
    // Excel's sort moves each row's formulas and shifts their relative references with them: a row stays right
    // when every relative reference points at its own row and everything else is absolute (locked with $).
    let checked = 0;
    for (const key of ["gaps", "data"]) {
      const sheet = plan.sheets.find((s) => s.key === key)!;
      const block = sheet.blocks.find((b) => b.cells.length > 10)!;
      const firstRow = Number(block.at.replace(/^[A-Z]+/, ""));
      block.cells.forEach((line, i) => {
        for (const cell of line.filter(isFormula)) {
          const withoutSheetRefs = cell.formula
            .replace(/'(?:[^']|'')+'!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?/g, "")
            .replace(/"(?:[^"]|"")*"/g, "");
          for (const [, colAbs, rowAbs, row] of withoutSheetRefs.matchAll(/(\$?)[A-Z]{1,3}(\$?)(\d+)/g)) {
            if (rowAbs === "$") continue;
            checked++;
            expect(`${key} row ${firstRow + i}: ${colAbs}${row}`).toBe(
              `${key} row ${firstRow + i}: ${colAbs}${firstRow + i}`,
            );
          }
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });

  test("says on the Guide whose text the toolkit is and that its source is a draft, above the details", () => {
    expect(planCell(plan, "guide", "A3")).toBe(
      "Toolkit text: Local Government Association, National Procurement Strategy 2018 toolkit: Delivering the ambition." +
        " Every page of the source is marked DRAFT: this is the draft text, not a later edition.",
    );
    // A toolkit whose source is not a draft is not called one.
    const final = buildWorkbookPlan({ ...toolkit, source: "LGA final edition" }, { behaviours: {} }, { now });
    expect(planCell(final, "guide", "A3")).not.toMatch(/DRAFT/);
    expect(planCell(plan, "guide", "A4")).toBe("Council");
  });

  test("Summary, Gaps and Data put each named column where the workbook has always had it", () => {
    // Pinned as users and their formulas see the sheets: moving a named column changes the workbook's contract.
    const at = (key: string, table: { columns: Record<string, number> }, column: string, row: number) =>
      planCell(plan, key, cellAddress(row, table.columns[column]));
    expect(cellAddress(SUMMARY.headerRow, SUMMARY.columns.bothLevels)).toBe("L5");
    expect(cellAddress(GAPS.headerRow, GAPS.columns.priority)).toBe("M4");
    expect(cellAddress(DATA.headerRow, DATA.columns.reviewDate)).toBe("O1");
    expect(at("summary", SUMMARY, "bothLevels", SUMMARY.headerRow)).toBe("Current and target");
    expect(at("gaps", GAPS, "priority", GAPS.headerRow)).toBe("Priority");
    expect(at("data", DATA, "reviewDate", DATA.headerRow)).toBe("Review date");

    const levels = '{"Minimum","Developing","Mature","Leader","Innovator"}';
    expect(planCell(plan, "summary", "G18")).toEqual({
      formula: 'IF(L18=0,"",(SUMPRODUCT(G6:G8,L6:L8)+SUMPRODUCT(G10:G12,L10:L12)+SUMPRODUCT(G14:G16,L14:L16))/L18)',
    });
    expect(planCell(plan, "summary", "J6")).toEqual({
      formula: `IF(F6="","Not assessed",INDEX(${levels},INT(F6)))`,
    });
    expect(planCell(plan, "summary", "K6")).toEqual({ formula: `IF(I6="","Not assessed",INDEX(${levels},I6))` });
    expect(planCell(plan, "gaps", "J5")).toEqual({
      formula:
        'IF(OR(E5="Not a level",F5="Not a level"),"Check level",IF(NOT(ISNUMBER(G5)),"Not assessed",IF(NOT(ISNUMBER(H5)),"No target set",IF(G5>H5,"Above target",IF(G5=H5,"Target met","Below target")))))',
    });
    expect(planCell(plan, "gaps", "M5")).toEqual({
      formula:
        'IF(AND(ISNUMBER(I5),I5>0),1+COUNTIF($I$5:$I$55,">"&I5)+COUNTIFS($I$5:$I$55,I5,$G$5:$G$55,"<"&G5)+COUNTIFS($I$5:$I$55,I5,$G$5:$G$55,G5,$A$5:$A$55,"<"&A5),"")',
    });
    expect(planCell(plan, "gaps", "E5")).toMatchObject({
      formula: expect.stringMatching(/^IF\(ISNUMBER\(G5\),.*MATCH\(\$B5,/),
    });
    expect(planCell(plan, "data", "H2")).toMatchObject({
      formula: expect.stringMatching(/^IF\(ISNUMBER\(I2\),.*MATCH\(\$F2,/),
    });
    expect(planCell(plan, "data", "L2")).toEqual({ formula: 'IF(AND(ISNUMBER(I2),ISNUMBER(K2)),MAX(0,K2-I2),"")' });
    expect(planCell(plan, "data", "A2")).toEqual({
      formula: `IF(ISERROR('Guide'!$B$4),"",IF('Guide'!$B$4="","",'Guide'!$B$4))`,
    });
  });

  test("writes user text as text, never as a formula", () => {
    const council = "=cmd|' /C calc'!A0";
    const withText = build({ behaviours: { "SL-ECSM-01": { evidence: "=1+1", owner: "-Head" } } }, { council });
    expect(planCell(withText, "guide", "B4")).toBe(council);
    expect(planCell(withText, "keyArea:SL-ECSM", `${KEY_AREA.letters.evidence}9`)).toBe("=1+1");
    expect(planCell(withText, "keyArea:SL-ECSM", `${KEY_AREA.letters.owner}9`)).toBe("-Head");
  });

  test("follows sheet name overrides into every formula", () => {
    const renamed = build({}, { sheetNames: { "keyArea:SL-ECSM": "It's renamed", guide: "Start here" } });
    const all = formulas(renamed).join("\n");
    expect(all).toContain("'It''s renamed'!$M$9:$M$12");
    expect(all).toContain("'Start here'!$B$4");
    expect(all).not.toContain("'Councillors & Senior Managers'!");
  });

  test("stamps the toolkit, layout and generator in the metadata", () => {
    const cells = plan.sheets.find((s) => s.key === "metadata")!.blocks[0].cells;
    expect(Object.fromEntries(cells.slice(1).map(([k, v]) => [k, v]))).toEqual({
      toolkitId: "nps-2018",
      toolkitVersion: "1.0.0",
      toolkitFingerprint: toolkitFingerprint(toolkit),
      layoutVersion: String(LAYOUT_VERSION),
      generator: "NPS Toolkit for Excel",
      generatorVersion: GENERATOR_VERSION,
      created: now.toISOString(),
      updated: now.toISOString(),
      signedOffBy: null,
      signedOffOn: null,
      answersFingerprint: null,
      previousFile: null,
      previousAssessmentDate: null,
      previousAnswersFingerprint: null,
    });
  });

  test("is deterministic", () => {
    expect(build({ behaviours: { "BC-CCO-02": { current: "Mature" } } })).toEqual(
      build({ behaviours: { "BC-CCO-02": { current: "Mature" } } }),
    );
  });

  test("the generator version matches package.json", () => {
    expect(GENERATOR_VERSION).toBe(
      JSON.parse(readFileSync(path.join(__dirname, "../../../package.json"), "utf8")).version,
    );
  });
});

describe("answers are checked before they are written", () => {
  test("levels match ignoring case and spaces, and are written by their canonical name", () => {
    const { behaviours, warnings } = cleanAnswers(toolkit, {
      behaviours: { "SL-ECSM-01": { current: " mature ", target: "INNOVATOR" } },
    });
    expect(behaviours["SL-ECSM-01"]).toEqual({ current: "Mature", target: "Innovator" });
    expect(warnings).toEqual([]);
  });

  test("tabs, line breaks and no-break spaces count as spaces, as in the workbook's score formulas", () => {
    const { behaviours, warnings } = cleanAnswers(toolkit, {
      behaviours: {
        "SL-ECSM-01": { current: "\tMature\r\n", target: "\u00A0leader\u00A0" },
        "SL-ECSM-02": { current: " \u00A0\t", target: "Mat\u00A0ure" },
      },
    });
    expect(behaviours).toEqual({ "SL-ECSM-01": { current: "Mature", target: "Leader" }, "SL-ECSM-02": {} });
    // Only spaces and space-like characters: blank, as the score formula reads it. A break inside a word is not.
    expect(warnings).toEqual([
      'SL-ECSM-02: the target level "Mat\u00A0ure" is not one of Minimum, Developing, Mature, Leader, Innovator, so it was left blank.',
    ]);
  });

  test("anything that is not a level, a date or a behaviour is left out with a warning", () => {
    const { behaviours, retired, warnings } = cleanAnswers(toolkit, {
      assessmentDate: "31/03/2026",
      behaviours: {
        "SL-ECSM-01": { current: "Excellent", target: "3", evidence: "kept", reviewDate: "soon" },
        "XX-NOPE-01": { current: "Mature" },
      },
    });
    expect(behaviours).toEqual({ "SL-ECSM-01": { evidence: "kept" } });
    expect(retired).toEqual({ "XX-NOPE-01": { current: "Mature" } });
    expect(warnings).toEqual([
      'SL-ECSM-01: the current level "Excellent" is not one of Minimum, Developing, Mature, Leader, Innovator, so it was left blank.',
      'SL-ECSM-01: the target level "3" is not one of Minimum, Developing, Mature, Leader, Innovator, so it was left blank.',
      'SL-ECSM-01 review date: "soon" is not a date (YYYY-MM-DD), so it was left blank.',
      "XX-NOPE-01: this behaviour is not in toolkit 1.0.0, so its answer was kept on the Retired answers sheet.",
      'Assessment date: "31/03/2026" is not a date (YYYY-MM-DD), so it was left blank.',
    ]);
  });

  test("an answer for a behaviour the toolkit does not have is kept on a Retired answers sheet, as typed", () => {
    const plan = build({
      behaviours: {
        "XX-OLD-02": { current: "Leader", evidence: "=kept as text", reviewDate: "2027-01-31" },
        "XX-OLD-01": { owner: "Me" },
      },
    });
    expect(plan.sheets.map((s) => s.key).slice(-2)).toEqual(["retired", "metadata"]);
    expect(plan.names).toContainEqual({ name: "NPS_Sheet_retired", reference: "'Retired answers'!$A$1" });
    expect(planCell(plan, "retired", "A4")).toBe("XX-OLD-01");
    expect(planCell(plan, "retired", "E4")).toBe("Me");
    expect(planCell(plan, "retired", "A5")).toBe("XX-OLD-02");
    expect(planCell(plan, "retired", "B5")).toBe("Leader");
    expect(planCell(plan, "retired", "D5")).toBe("=kept as text");
    expect(planCell(plan, "retired", "F5")).toBe(46418);
    expect(build().sheets.some((s) => s.key === "retired")).toBe(false);
  });

  test("the plan carries the warnings and writes no invalid level", () => {
    const plan = build({ behaviours: { "SL-ECSM-01": { current: "Excellent" } } });
    expect(plan.warnings).toHaveLength(1);
    expect(planCell(plan, "keyArea:SL-ECSM", `${KEY_AREA.letters.current}9`)).toBeNull();
  });
});

describe("row heights fit the fonts", () => {
  /** Rows holding a font larger than the default, whose planned height is less than that font needs. */
  function cramped(plan: WorkbookPlan): string[] {
    return plan.sheets.flatMap((sheet) => {
      const largest = new Map<number, number>();
      for (const { range, style } of sheet.styles)
        if (style.fontSize !== undefined)
          for (const address of cellsIn(range)) {
            const { row } = parseCell(address);
            largest.set(row, Math.max(largest.get(row) ?? 0, style.fontSize));
          }
      return [...largest]
        .filter(([row, fontSize]) => fontSize > 11 && (sheet.rowHeights[row] ?? 15) < rowHeightForFont(fontSize))
        .map(([row, fontSize]) => `${sheet.name} row ${row} (${fontSize} pt)`);
    });
  }

  test("Excel's own autofit heights: 15 points for 11-point text, 21 for the 16-point titles", () => {
    expect([rowHeightForFont(11), rowHeightForFont(16)]).toEqual([15, 21]);
  });

  test("every title and heading row of an assessment, its retired answers and a check report is tall enough", () => {
    const plan = build({ behaviours: { "XX-OLD-01": { current: "Mature" } } });
    expect(plan.sheets.some((s) => s.role === "retired")).toBe(true);
    const report = planCheckReport({ findings: [] }, { checkedAt: now, workbookSheets: [], names: {} }).plan;
    expect([...cramped(plan), ...cramped(report)]).toEqual([]);
  });
});
