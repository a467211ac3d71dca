/**
 * Workbook settings under which the figures lie or stop updating, as another program saves them in
 * xl/workbook.xml: each is read by the product's reader and reported once, for the whole workbook.
 */
import JSZip from "jszip";
import { sheetsInFormula } from "../../../src/core/answers/answer-sheets";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { check, errorsAndWarnings, planWith, where } from "./fixtures";

/** The generated workbook with its workbook.xml edited. */
async function withWorkbookXml(edit: (xml: string) => string) {
  const zip = await JSZip.loadAsync(await writePlanToBuffer(planWith()));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  zip.file("xl/workbook.xml", edited);
  return readSnapshotFromBuffer(await zip.generateAsync({ type: "uint8array" }));
}

/** Sets attributes on calcPr (or adds one), as Excel writes it after the sheets and names. */
const calcPr = (attributes: string) => (xml: string) =>
  /<calcPr\b/.test(xml)
    ? xml.replace(/<calcPr\b/, `<calcPr ${attributes}`)
    : xml.replace("</workbook>", `<calcPr calcId="191029" ${attributes}/></workbook>`);

test.each([
  ["manual calculation", calcPr('calcMode="manual"'), "settings.manual-calculation"],
  ["precision as displayed", calcPr('fullPrecision="0"'), "settings.precision-as-displayed"],
  [
    "the 1904 date system",
    (xml: string) =>
      /<workbookPr\b/.test(xml)
        ? xml.replace(/<workbookPr\b/, '<workbookPr date1904="1"')
        : xml.replace(/(<workbook\b[^>]*>)/, '$1<workbookPr date1904="1"/>'),
    "settings.date-1904",
  ],
] as const)("%s is an error for the whole workbook", async (_, edit, rule) => {
  const findings = errorsAndWarnings(check(await withWorkbookXml(edit)));
  expect(findings.map(where)).toEqual([{ rule, sheet: undefined, cell: undefined, severity: "error" }]);
  expect(findings[0].repairable).toBe(true);
});

test("the generated workbook's own settings are none of them", async () => {
  const snapshot = await readSnapshotFromBuffer(await writePlanToBuffer(planWith()));
  expect(snapshot.settings).toEqual({ calculation: "automatic", precisionAsDisplayed: false, date1904: false });
});

test("sheet names in formulas: quoted with doubled quotes, plain, and none inside the names' own text", () => {
  expect(sheetsInFormula(`INDEX('O''Brien''s'!$A$1:$A$3,MATCH($B5,Guide!$A$1,0))+'A!B'!C1`)).toEqual([
    "o'brien's",
    "guide",
    "a!b",
  ]);
});
