import { parseXml, xsdBoolean } from "./sax";

/** What the snapshot needs of each cell format (cellXfs entry), by its index: the `s` of a cell. */
export interface CellFormat {
  /** Whether its number format shows a date or time, so a number in it is a date serial. */
  date: boolean;
  /** Whether it locks the cell on a protected sheet (Excel's default is locked). */
  locked: boolean;
}

/** The built-in number formats that show dates or times (ECMA-376 §18.8.30): the others are never dates. */
const BUILT_IN_DATE_FORMATS: Record<number, string> = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** ExcelJS's test of a date format (utils.isDateFmt), kept so the cells read as dates are those it read as dates. */
function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** The cell formats of xl/styles.xml; an empty list when the workbook has none. */
export function readCellFormats(part: Uint8Array | undefined): CellFormat[] {
  if (!part) return [];
  const customCodes = new Map<number, string>();
  const xfs: { numFmtId: number; locked: boolean }[] = [];
  const open: string[] = [];
  parseXml(part, {
    open(name, attributes) {
      const parent = open[open.length - 1];
      open.push(name);
      if (name === "numFmt" && parent === "numFmts")
        customCodes.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "xf" && parent === "cellXfs")
        xfs.push({ numFmtId: parseInt(attributes.numFmtId, 10), locked: true });
      else if (name === "protection" && parent === "xf" && open[open.length - 3] === "cellXfs")
        xfs[xfs.length - 1].locked = xsdBoolean(attributes.locked, true);
    },
    close() {
      open.pop();
    },
  });
  return xfs.map(({ numFmtId, locked }) => ({
    date: numFmtId > 0 && isDateFormat(customCodes.get(numFmtId) || BUILT_IN_DATE_FORMATS[numFmtId]),
    locked,
  }));
}
