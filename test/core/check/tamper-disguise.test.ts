/**
 * Tampering that makes a return show something other than what it counts, or carry what could run
 * or fetch figures from elsewhere: generated workbooks edited in their XML (as another tool, or a
 * person with a text editor, would leave them), read back with the product's reader, and the exact
 * finding each edit must give. Then the clean cases that must stay clean, and the repair that
 * undoes it all.
 */
import JSZip from "jszip";
import { planRepairedCopy } from "../../../src/core/assessment/plan-assessment";
import { signOffBlockers } from "../../../src/core/check/sign-off-gate";
import { checkWorkbook } from "../../../src/core/check/check";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { DATA, KEY_AREA } from "../../../src/core/plan/layout";
import { columnLetter } from "../../../src/core/util/a1";
import { check, errorsAndWarnings, expectedFinding, NOW, samplePlan, TODAY, toolkit, where } from "./fixtures";
import { examineSnapshot } from "../consolidate/fixtures";

const AREA = toolkit.themes[0].keyAreas[0].sheetName;
/** The first behaviour's current level and current score on the key area sheet. */
const LEVEL_CELL = `${KEY_AREA.letters.current}9`;
const SCORE_CELL = `${KEY_AREA.letters.currentScore}9`;
/** The first key area's sheet, Summary's and Data's parts, as the writer numbers them (the tests check the names). */
const AREA_PART = "xl/worksheets/sheet2.xml";
const SUMMARY_PART = "xl/worksheets/sheet11.xml";
const DATA_PART = "xl/worksheets/sheet13.xml";

let sample: Promise<Uint8Array> | undefined;
const sampleBytes = () => (sample ??= writePlanToBuffer(samplePlan()));

type Edit = (zip: JSZip) => Promise<void>;

/** The sample workbook with `edits` applied to its package. */
async function tampered(...edits: Edit[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await sampleBytes());
  for (const edit of edits) await edit(zip);
  return zip.generateAsync({ type: "uint8array" });
}

const editXml =
  (part: string, change: (xml: string) => string): Edit =>
  async (zip) => {
    const before = await zip.file(part)!.async("string");
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${part} changed nothing`);
    zip.file(part, after);
  };

const addPart =
  (part: string, content: string): Edit =>
  async (zip) => {
    zip.file(part, content);
  };

const attribute = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

/**
 * Gives one cell a format of its own: its current cell format (xf) copied, with a number format
 * code and/or a font added to styles.xml, as Excel's Format Cells would.
 */
function restyle(part: string, cell: string, change: { numberFormat?: string; font?: string; fill?: string }): Edit {
  return async (zip) => {
    const sheet = await zip.file(part)!.async("string");
    const element = new RegExp(`<c r="${cell}"[^>]*?(/>|>)`).exec(sheet);
    if (!element) throw new Error(`${part} has no ${cell}`);
    const style = Number(attribute(element[0], "s") ?? 0);
    let styles = await zip.file("xl/styles.xml")!.async("string");
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)!;
    const all = xfs[1].match(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g)!;
    let xf = all[style];
    if (change.numberFormat !== undefined) {
      styles = styles.replace(
        /<numFmts count="\d+">/,
        (open) => `${open}<numFmt numFmtId="300" formatCode="${change.numberFormat!.replace(/"/g, "&quot;")}"/>`,
      );
      xf = xf.replace(/ applyNumberFormat="\d"/, "").replace(/numFmtId="\d+"/, 'numFmtId="300" applyNumberFormat="1"');
    }
    if (change.font !== undefined) {
      const fonts = (styles.match(/<fonts\b[\s\S]*?<\/fonts>/)![0].match(/<font>|<font\b[^s>]/g) ?? []).length;
      styles = styles.replace("</fonts>", `${change.font}</fonts>`);
      xf = xf.replace(/ applyFont="\d"/, "").replace(/fontId="\d+"/, `fontId="${fonts}" applyFont="1"`);
    }
    if (change.fill !== undefined) {
      const fills = (styles.match(/<fills\b[\s\S]*?<\/fills>/)![0].match(/<fill>/g) ?? []).length;
      styles = styles.replace(
        "</fills>",
        `<fill><patternFill patternType="solid"><fgColor rgb="FF${change.fill}"/></patternFill></fill></fills>`,
      );
      xf = xf.replace(/ applyFill="\d"/, "").replace(/fillId="\d+"/, `fillId="${fills}" applyFill="1"`);
    }
    styles = styles.replace("</cellXfs>", `${xf}</cellXfs>`);
    zip.file("xl/styles.xml", styles);
    zip.file(
      part,
      sheet.replace(
        element[0],
        element[0].replace(/ s="\d+"/, "").replace(`r="${cell}"`, `r="${cell}" s="${all.length}"`),
      ),
    );
  };
}

async function findingsOf(bytes: Uint8Array) {
  return errorsAndWarnings(check(await readSnapshotFromBuffer(bytes))).map(where);
}

test("the parts the tests edit are the sheets they mean", async () => {
  const zip = await JSZip.loadAsync(await sampleBytes());
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const names = [...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  expect([names[1], names[10], names[12]]).toEqual([AREA, "Summary", "Data"]);
});

describe("number formats", () => {
  test('a score shown as another score ([=1]"3";0) is an error on that cell', async () => {
    const bytes = await tampered(restyle(AREA_PART, SCORE_CELL, { numberFormat: '[=1]"3";0' }));
    expect(await findingsOf(bytes)).toEqual([expectedFinding("disguise.number-format", AREA, SCORE_CELL, "error")]);
  });

  test("a Summary average shown with no decimals rounds it: an error", async () => {
    const bytes = await tampered(restyle(SUMMARY_PART, "F6", { numberFormat: "0" }));
    const findings = check(await readSnapshotFromBuffer(bytes)).filter((f) => f.rule.startsWith("disguise."));
    expect(findings.map(where)).toEqual([expectedFinding("disguise.number-format", "Summary", "F6", "error")]);
    expect(findings[0]).toMatchObject({ expected: "0.0", found: "0", repairable: true });
  });

  test("a level shown as another level by the format's text section is an error", async () => {
    const bytes = await tampered(restyle(AREA_PART, LEVEL_CELL, { numberFormat: '0;-0;0;"Innovator"' }));
    expect(await findingsOf(bytes)).toEqual([expectedFinding("disguise.number-format", AREA, LEVEL_CELL, "error")]);
  });

  test("a format that hides the value (;;;) is a warning: the figure is right, but nobody sees it", async () => {
    const bytes = await tampered(restyle(AREA_PART, SCORE_CELL, { numberFormat: ";;;" }));
    expect(await findingsOf(bytes)).toEqual([expectedFinding("disguise.value-hidden", AREA, SCORE_CELL, "warning")]);
  });
});

describe("fonts and fills", () => {
  test("white text on the white background is a warning", async () => {
    const bytes = await tampered(
      restyle(AREA_PART, "C9", { font: '<font><sz val="11"/><color rgb="FFFFFFFF"/></font>' }),
    );
    expect(await findingsOf(bytes)).toEqual([expectedFinding("disguise.text-hidden", AREA, "C9", "warning")]);
  });

  test("a font in the colour of the cell's fill, and a font too small to read, are warnings", async () => {
    const bytes = await tampered(
      restyle(AREA_PART, LEVEL_CELL, { font: '<font><sz val="11"/><color rgb="FFFFF2CC"/></font>' }),
      restyle(AREA_PART, "D9", { font: '<font><sz val="1"/><color theme="1"/></font>' }),
    );
    expect(await findingsOf(bytes)).toEqual([
      expectedFinding("disguise.text-hidden", AREA, "D9", "warning"),
      expectedFinding("disguise.text-hidden", AREA, LEVEL_CELL, "warning"),
    ]);
  });
});

describe("hidden rows and columns", () => {
  test("a behaviour's row hidden, and one made too low to see, on a key area sheet", async () => {
    const bytes = await tampered(
      editXml(AREA_PART, (xml) =>
        xml.replace('<row r="9" ', '<row r="9" hidden="1" ').replace(/<row r="11" ht="\d+"/, '<row r="11" ht="0"'),
      ),
    );
    expect(await findingsOf(bytes)).toEqual([
      expectedFinding("disguise.row-hidden", AREA, "A9", "warning"),
      expectedFinding("disguise.row-hidden", AREA, "A11", "warning"),
    ]);
  });

  test("neighbouring hidden rows are one finding, and a hidden Summary column another", async () => {
    const bytes = await tampered(
      editXml(SUMMARY_PART, (xml) =>
        xml
          .replace(/<row r="(7|8)" /g, '<row r="$1" hidden="1" ')
          .replace(/<col min="4" max="9" ([^>]*)\/>/, '<col min="4" max="9" $1 hidden="1"/>'),
      ),
    );
    const findings = check(await readSnapshotFromBuffer(bytes)).filter((f) => f.rule.startsWith("disguise."));
    expect(findings.map(where)).toEqual([
      expectedFinding("disguise.column-hidden", "Summary", "D1", "warning"),
      expectedFinding("disguise.row-hidden", "Summary", "A7", "warning"),
    ]);
    expect(findings[1].message).toContain("Rows 7 to 8");
  });
});

/** The Data table's range in the canonical workbook (a header and 51 behaviours), and the same cut short. */
const DATA_LAST = columnLetter(DATA.headers.length);
const DATA_RANGE = `A1:${DATA_LAST}52`;
const DATA_RANGE_CUT = `A1:${DATA_LAST}40`;

describe("the Data table and the Summary chart", () => {
  test("NPS_Data renamed: an error on Data", async () => {
    const bytes = await tampered(editXml("xl/tables/table1.xml", (xml) => xml.replace(/"NPS_Data"/g, '"Renamed"')));
    expect(await findingsOf(bytes)).toEqual([expectedFinding("structure.table-missing", "Data", "A1", "error")]);
  });

  test("NPS_Data's range cut short: an error with both ranges", async () => {
    const bytes = await tampered(
      editXml("xl/tables/table1.xml", (xml) => xml.replace(new RegExp(DATA_RANGE, "g"), DATA_RANGE_CUT)),
    );
    const findings = check(await readSnapshotFromBuffer(bytes)).filter((f) => f.rule.startsWith("structure.table"));
    expect(findings.map(where)).toEqual([expectedFinding("structure.table-range-changed", "Data", "A1", "error")]);
    expect(findings[0]).toMatchObject({ expected: DATA_RANGE, found: DATA_RANGE_CUT });
  });

  test("the radar chart deleted: a warning (the figures stand on the sheet)", async () => {
    const bytes = await tampered(async (zip) => {
      zip.remove("xl/worksheets/_rels/sheet11.xml.rels");
      await editXml(SUMMARY_PART, (xml) => xml.replace(/<drawing [^>]*\/>/, ""))(zip);
    });
    expect(await findingsOf(bytes)).toEqual([expectedFinding("structure.chart-missing", "Summary", "A20", "warning")]);
  });

  test("the radar chart pointed at other cells: an error", async () => {
    const bytes = await tampered(editXml("xl/charts/chart1.xml", (xml) => xml.replace("$B$49:$B$57", "$D$49:$D$57")));
    expect(await findingsOf(bytes)).toEqual([
      expectedFinding("structure.chart-data-changed", "Summary", "A20", "error"),
    ]);
  });
});

describe("active content", () => {
  test("a VBA project, an Excel 4.0 macro sheet, an OLE object and ActiveX: an error naming each part", async () => {
    const bytes = await tampered(
      addPart("xl/vbaProject.bin", "not really VBA"),
      addPart(
        "xl/macrosheets/sheet1.xml",
        '<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>',
      ),
      addPart("xl/embeddings/oleObject1.bin", "an object"),
      addPart("xl/activeX/activeX1.xml", '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>'),
    );
    const findings = check(await readSnapshotFromBuffer(bytes)).filter((f) => f.rule.startsWith("active."));
    expect(findings.map((f) => [f.rule, f.severity, f.found])).toEqual([
      ["active.macros", "error", "xl/vbaProject.bin"],
      ["active.macros", "error", "xl/macrosheets/sheet1.xml"],
      ["active.embedded-object", "error", "xl/embeddings/oleObject1.bin"],
      ["active.embedded-object", "error", "xl/activeX/activeX1.xml"],
    ]);
    expect(findings[0].message).toContain("xl/vbaProject.bin");
  });

  test("a formula linking to another workbook, with its external link part: errors naming the cell and the part", async () => {
    const bytes = await tampered(
      addPart(
        "xl/externalLinks/externalLink1.xml",
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      ),
      editXml(AREA_PART, (xml) =>
        xml.replace(new RegExp(`(<c r="${SCORE_CELL}" s="\\d+"><f>)[^<]*(</f>)`), "$1[1]Sheet1!A1$2"),
      ),
    );
    const findings = check(await readSnapshotFromBuffer(bytes)).filter((f) => f.rule.startsWith("active."));
    expect(findings.map(where)).toEqual([
      expectedFinding("active.external-link", undefined, undefined, "error"),
      expectedFinding("active.external-link", AREA, SCORE_CELL, "error"),
    ]);
    expect(findings[0].found).toBe("xl/externalLinks/externalLink1.xml");
  });
});

describe("what stays clean", () => {
  test("columns widened, the zoom changed and Gaps filtered (its rows hidden by the filter) check clean", async () => {
    const bytes = await tampered(
      editXml(AREA_PART, (xml) =>
        xml
          .replace('<col min="10" max="10" width="40"', '<col min="10" max="10" width="80"')
          .replace("<sheetView ", '<sheetView zoomScale="150" '),
      ),
      editXml("xl/worksheets/sheet12.xml", (xml) =>
        xml
          .replace(
            /<autoFilter ref="([^"]+)"\/>/,
            '<autoFilter ref="$1"><filterColumn colId="9"><filters><filter val="Below target"/></filters></filterColumn></autoFilter>',
          )
          .replace(/<row r="(6|7|8)" /g, '<row r="$1" hidden="1" '),
      ),
    );
    expect(await findingsOf(bytes)).toEqual([]);
  });

  test("rows hidden on a user's own sheet are the user's", async () => {
    const snapshot = await readSnapshotFromBuffer(await sampleBytes());
    snapshot.sheets.push({
      name: "Our notes",
      visibility: "visible",
      cells: { A1: { value: "Notes" }, A2: { value: "kept out of sight" } },
      protected: false,
      looks: { looks: [{ numberFormat: ";;;" }], cells: { A2: 0 }, fonts: true, hiddenRows: [2], hiddenColumns: [1] },
    });
    expect(errorsAndWarnings(check(snapshot))).toEqual([]);
  });

  test("the Data table's rows filtered (hidden) check clean", async () => {
    const bytes = await tampered(
      editXml(DATA_PART, (xml) => xml.replace(/<row r="(3|4|30)"/g, '<row r="$1" hidden="1"')),
    );
    expect(await findingsOf(bytes)).toEqual([]);
  });
});

test("repair brings back every format, row and column, the table and chart, and leaves out what could run", async () => {
  const bytes = await tampered(
    restyle(AREA_PART, SCORE_CELL, { numberFormat: '[=1]"3";0' }),
    restyle(AREA_PART, "C9", { font: '<font><sz val="11"/><color rgb="FFFFFFFF"/></font>' }),
    editXml(AREA_PART, (xml) => xml.replace('<row r="10" ', '<row r="10" hidden="1" ')),
    editXml(SUMMARY_PART, (xml) =>
      xml.replace(/<col min="4" max="9" ([^>]*)\/>/, '<col min="4" max="9" $1 hidden="1"/>'),
    ),
    editXml("xl/tables/table1.xml", (xml) => xml.replace(new RegExp(DATA_RANGE, "g"), DATA_RANGE_CUT)),
    editXml("xl/charts/chart1.xml", (xml) => xml.replace("$B$49:$B$57", "$D$49:$D$57")),
    addPart("xl/vbaProject.bin", "not really VBA"),
  );
  const snapshot = await readSnapshotFromBuffer(bytes);
  const before = errorsAndWarnings(check(snapshot));
  expect(new Set(before.map((f) => f.rule))).toEqual(
    new Set([
      "disguise.number-format",
      "disguise.text-hidden",
      "disguise.row-hidden",
      "disguise.column-hidden",
      "structure.table-range-changed",
      "structure.chart-data-changed",
      "active.macros",
    ]),
  );
  expect(before.every((f) => f.repairable)).toBe(true);
  const repaired = planRepairedCopy(snapshot, toolkit, NOW)!;
  const after = await readSnapshotFromBuffer(await writePlanToBuffer(repaired.plan));
  expect(errorsAndWarnings(check(after))).toEqual([]);
  expect(after.parts).not.toContain("xl/vbaProject.bin");
});

test("sign-off refuses, and consolidation counts as errors, a disguised score and a VBA project", async () => {
  const bytes = await tampered(
    restyle(AREA_PART, SCORE_CELL, { numberFormat: '[=1]"3";0' }),
    addPart("xl/vbaProject.bin", "not really VBA"),
  );
  const snapshot = await readSnapshotFromBuffer(bytes);
  const blockers = signOffBlockers(checkWorkbook(snapshot, knownToolkits(), { today: TODAY }));
  expect(blockers.map((f) => f.rule)).toEqual(["active.macros", "disguise.number-format"]);
  const examined = examineSnapshot(snapshot, { position: 1 });
  expect(examined.counts.error).toBe(2);
  expect(examined.firstErrors[0]).toContain("xl/vbaProject.bin");
});
