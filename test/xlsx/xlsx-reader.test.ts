/**
 * The .xlsx reader on the awkward things real files hold, in one workbook written here part by part:
 * what LibreOffice writes when it re-saves (shared formulas, xsd:boolean "true"/"false"), a 1904
 * date system, rich text with a phonetic guide, inline strings, merged cells, styled empty cells,
 * names of every kind, chart sheets and every visibility. The expectations are read off the XML
 * below; where ExcelJS was the reader before, it is asked too, so the product keeps its answers.
 */
import ExcelJS from "exceljs";
import { roleNameFor } from "../../src/core/plan/layout";
import { dateToSerial } from "../../src/core/util/dates";
import { readSnapshotFromBuffer, WorkbookReadError } from "../../src/xlsx/read-xlsx";
import { craftZip, deflatedEntry, minimalWorkbook, storedEntry } from "./hostile-files";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";

const sheets = [
  { name: "Guide page", part: "sheet1.xml" },
  { name: "Data", part: "sheet2.xml" },
  { name: "A chart", part: "../chartsheets/sheet1.xml", chart: true },
  { name: "Hidden one", part: "sheet3.xml", state: "hidden" },
  { name: "Secret", part: "sheet4.xml", state: "veryHidden" },
];

const workbookXml = `<?xml version="1.0" encoding="UTF-8"?><workbook ${MAIN} ${R}><workbookPr date1904="1"/><sheets>${sheets
  .map(
    (s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
  )
  .join("")}</sheets><definedNames>
  <definedName name="${roleNameFor("guide")}">'Guide page'!$A$1</definedName>
  <definedName name="Total">Data!$B$2</definedName>
  <definedName name="Span">'Hidden one'!$B$3:$A$1</definedName>
  <definedName name="Relative">Data!A1</definedName>
  <definedName name="TwoRanges">Data!$A$1,Data!$C$1</definedName>
  <definedName name="Comma">'Odd, name'!$C$2</definedName>
  <definedName name="Constant">42</definedName>
  <definedName name="_xlnm.Print_Area" localSheetId="1">Data!$A$1:$G$3</definedName>
</definedNames></workbook>`;

const workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships ${RELS}>${sheets
  .map(
    (s, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/${s.chart ? "chartsheet" : "worksheet"}" Target="${s.chart ? "chartsheets/sheet1.xml" : `worksheets/${s.part}`}"/>`,
  )
  .join(
    "",
  )}<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId10" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

const sharedStrings = `<?xml version="1.0" encoding="UTF-8"?><sst ${MAIN} count="6" uniqueCount="6">
  <si><t>plain</t></si>
  <si><r><t>Bold</t></r><r><rPr><i/></rPr><t xml:space="preserve"> and italic</t></r></si>
  <si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>
  <si><t/></si>
  <si><t>line_x000D_break</t></si>
  <si><t>=SUM(A1)&amp;&lt;b&gt;</t></si>
</sst>`;

// Formats: 0 default; 1 built-in date (14); 2 custom date; 3 unlocked in LibreOffice's words; 4 unlocked as Excel writes it.
const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${MAIN}>
  <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>
  <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
  <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
  <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
  <cellXfs count="5">
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>
    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyProtection="true"><protection locked="false" hidden="false"/></xf>
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyProtection="1"><protection locked="0"/></xf>
  </cellXfs>
</styleSheet>`;

const worksheet = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN} ${R}>${body}</worksheet>`;

// The Guide's inputs B4:B7: unlocked by the cell's own format (words and digits), by its row's, by its column's.
const guideSheet = worksheet(`<cols><col min="2" max="2" width="20" style="4" customWidth="1"/></cols><sheetData>
  <row r="4"><c r="B4" s="3" t="s"><v>0</v></c></row>
  <row r="5"><c r="B5" s="4"/></row>
  <row r="6" s="3" customFormat="true"/>
</sheetData>
<sheetProtection sheet="true" objects="true" scenarios="true"/>
<dataValidations count="2">
  <dataValidation type="list" allowBlank="true" showErrorMessage="true" sqref="B5:B9 D1"><formula1>"Yes,No"</formula1></dataValidation>
  <dataValidation type="date" operator="greaterThanOrEqual" showErrorMessage="1" errorStyle="warning" sqref="B5"><formula1>36526</formula1></dataValidation>
</dataValidations>`);

const dataSheet = worksheet(`<sheetData>
  <row r="1">
    <c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>
    <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c>
  </row>
  <row r="2">
    <c r="A2"><v>1.5</v></c><c r="B2" s="1"><v>0</v></c><c r="C2" s="2"><v>45000.25</v></c>
    <c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c>
    <c r="F2" t="inlineStr"><is><t>inline &amp; plain</t></is></c><c r="G2" t="str"><v>a str</v></c>
  </row>
  <row r="3">
    <c r="A3"><f>SUM(A2:B2)</f><v>0</v></c>
    <c r="B3"><f t="shared" ref="B3:D3" si="0">A3+$A$2+Data!A1</f><v>3</v></c>
    <c r="C3"><f t="shared" si="0"/><v>4</v></c>
    <c r="D3"><f t="shared" si="0"/><v>5</v></c>
    <c r="E3" t="str"><f>IF(TRUE(),"x","y")</f><v>x</v></c>
    <c r="F3" t="b"><f>TRUE()</f><v>1</v></c>
    <c r="G3" t="e"><f>1/0</f><v>#DIV/0!</v></c>
    <c r="H3"><f>NOW()</f></c>
    <c r="I3" s="1"><f>TODAY()</f><v>10</v></c>
  </row>
  <row r="5"><c r="A5" t="inlineStr"><is><t>merged</t></is></c><c r="B5"><v>9</v></c></row>
  <row r="6"><c r="C6" t="s"><v>0</v></c></row>
  <row r="7"><c r="A7" s="3"/><c r="B7"/></row>
</sheetData>
<sheetProtection password="CC3D" sheet="1" objects="1"/>
<mergeCells count="1"><mergeCell ref="A5:C6"/></mergeCells>`);

const hiddenSheet = worksheet(
  `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetProtection sheet="false"/>`,
);
const secretSheet = worksheet(`<sheetData/>`);
const chartSheet = `<?xml version="1.0" encoding="UTF-8"?><chartsheet ${MAIN} ${R}><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/></Types>`;

function awkwardWorkbook(): Uint8Array {
  return craftZip([
    storedEntry("[Content_Types].xml", contentTypes),
    storedEntry(
      "_rels/.rels",
      `<Relationships ${RELS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedEntry("xl/workbook.xml", workbookXml),
    deflatedEntry("xl/_rels/workbook.xml.rels", workbookRels),
    deflatedEntry("xl/sharedStrings.xml", sharedStrings),
    deflatedEntry("xl/styles.xml", styles),
    deflatedEntry("xl/worksheets/sheet1.xml", guideSheet),
    deflatedEntry("xl/worksheets/sheet2.xml", dataSheet),
    deflatedEntry("xl/worksheets/sheet3.xml", hiddenSheet),
    deflatedEntry("xl/worksheets/sheet4.xml", secretSheet),
    deflatedEntry("xl/chartsheets/sheet1.xml", chartSheet),
  ]);
}

/** 1904-01-01 is serial 0 in the 1904 system and 1,462 in the 1900 system the snapshot keeps. */
const DAYS_1900_TO_1904 = 1462;

describe("the .xlsx reader on an awkward workbook", () => {
  const read = () => readSnapshotFromBuffer(awkwardWorkbook());

  test("gives the worksheets in workbook order with their visibility, leaving the chart sheet out", async () => {
    const snapshot = await read();
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Guide page", "visible"],
      ["Data", "visible"],
      ["Hidden one", "hidden"],
      ["Secret", "veryHidden"],
    ]);
  });

  test("reads strings as text: rich text joined, the phonetic guide left out, escapes decoded, entities once", async () => {
    const { cells } = (await read()).sheets[1];
    expect([cells.A1, cells.B1, cells.C1, cells.D1, cells.E1, cells.F1, cells.F2, cells.G2]).toEqual([
      { value: "plain" },
      { value: "Bold and italic" },
      { value: "漢字" },
      { value: "" },
      { value: "line\rbreak" },
      { value: "=SUM(A1)&<b>" },
      { value: "inline & plain" },
      { value: "a str" },
    ]);
  });

  test("reads numbers, booleans and errors, and date-formatted numbers of a 1904 workbook as 1900 serials", async () => {
    const { cells } = (await read()).sheets[1];
    expect([cells.A2, cells.B2, cells.C2, cells.D2, cells.E2]).toEqual([
      { value: 1.5 },
      { value: DAYS_1900_TO_1904 },
      { value: 45000.25 + DAYS_1900_TO_1904 },
      { value: true },
      { value: "#DIV/0!" },
    ]);
  });

  test("reads formulas with their cached results (a cached 0 too), and moves shared formulas to each cell", async () => {
    const { cells } = (await read()).sheets[1];
    expect(cells.A3).toEqual({ value: 0, formula: "SUM(A2:B2)" });
    expect([cells.B3, cells.C3, cells.D3]).toEqual([
      { value: 3, formula: "A3+$A$2+Data!A1" },
      { value: 4, formula: "B3+$A$2+Data!B1" },
      { value: 5, formula: "C3+$A$2+Data!C1" },
    ]);
    expect([cells.E3, cells.F3, cells.G3, cells.H3, cells.I3]).toEqual([
      { value: "x", formula: 'IF(TRUE(),"x","y")' },
      { value: true, formula: "TRUE()" },
      { value: "#DIV/0!", formula: "1/0" },
      { value: null, formula: "NOW()" },
      { value: 10 + DAYS_1900_TO_1904, formula: "TODAY()" },
    ]);
  });

  test("keeps only the top-left cell of a merged range, and leaves styled empty cells out", async () => {
    const { cells } = (await read()).sheets[1];
    expect(Object.keys(cells).filter((address) => /^[A-C][5-7]$/.test(address))).toEqual(["A5"]);
    expect(cells.A5).toEqual({ value: "merged" });
  });

  test("keeps names that refer to one absolute range, quoted, and no others", async () => {
    expect((await read()).names).toEqual({
      [roleNameFor("guide")]: "'Guide page'!$A$1",
      Total: "'Data'!$B$2",
      Span: "'Hidden one'!$A$1:$B$3",
      Comma: "'Odd, name'!$C$2",
    });
  });

  test("reads protection, and the locks and validations of the guarded cells, in either form of xsd:boolean", async () => {
    const [guide, data, hidden, secret] = (await read()).sheets;
    expect([guide.protected, data.protected, hidden.protected, secret.protected]).toEqual([true, true, false, false]);
    // B11 and B12 (council type and region) are guarded inputs too, unlocked here by column B's format.
    expect(guide.locked).toEqual({ B4: false, B5: false, B6: false, B7: false, B11: false, B12: false });
    // B5 has two rules; the later one in the part is the one that holds.
    expect(guide.validations).toEqual({ B5: { type: "date", alert: "warning" } });
    expect(data.locked).toBeUndefined();
  });

  test("gives what ExcelJS gave for shared formulas and 1904 dates", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(awkwardWorkbook() as unknown as ArrayBuffer);
    const data = workbook.getWorksheet("Data")!;
    const { cells } = (await read()).sheets[1];
    for (const address of ["B3", "C3", "D3"]) expect(cells[address].formula).toBe(data.getCell(address).formula);
    expect(cells.C2.value).toBe(dateToSerial(data.getCell("C2").value as Date));
    expect(cells.B2.value).toBe(dateToSerial(data.getCell("B2").value as Date));
  });
});

test("a part that declares a document type is refused as damaged, even with no entity in it", async () => {
  const entries = minimalWorkbook('<row r="1"><c r="A1"><v>1</v></c></row>');
  const sheet = entries.findIndex((e) => e.name === "xl/worksheets/sheet1.xml");
  entries[sheet] = storedEntry(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet ${MAIN}><sheetData/></worksheet>`,
  );
  const error = await readSnapshotFromBuffer(craftZip(entries)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookReadError);
  expect((error as WorkbookReadError).problem).toBe("damaged");
});
