import type { CellLook } from "../../core/snapshot/types";
import { parseXml, xsdBoolean } from "./sax";

/** What the snapshot needs of each cell format (cellXfs entry), by its index: the `s` of a cell. */
export interface CellFormat {
  /** Whether its number format shows a date or time, so a number in it is a date serial. */
  date: boolean;
  /** Whether it locks the cell on a protected sheet (Excel's default is locked). */
  locked: boolean;
  /** How the format shows the cell: number format, font and fill (src/core/check/disguise.ts reads it). */
  look: CellLook;
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

/** The other built-in number formats (ECMA-376 §18.8.30) the look of a cell is told by; unlisted IDs show as General. */
const BUILT_IN_FORMATS: Record<number, string> = {
  ...BUILT_IN_DATE_FORMATS,
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  48: "##0.0E+0",
  49: "@",
};

/**
 * The colours a look can be told by, as "#RRGGBB": an RGB one (ARGB in the file), the palette's
 * black and white (indexed 8 and 9), and the theme's first two, which Excel reads swapped as light 1
 * (white in every built-in theme) and dark 1 (black). A tinted theme colour, or any other, is left
 * unresolved rather than guessed.
 */
function colourOf(attributes: Record<string, string>): string | undefined {
  if (attributes.rgb && /^[0-9A-Fa-f]{8}$/.test(attributes.rgb)) return `#${attributes.rgb.slice(2).toUpperCase()}`;
  if (attributes.tint && Number(attributes.tint) !== 0) return undefined;
  if (attributes.indexed === "8" || attributes.theme === "1") return "#000000";
  if (attributes.indexed === "9" || attributes.theme === "0") return "#FFFFFF";
  return undefined;
}

interface FontLook {
  size?: number;
  color?: string;
}

/** ExcelJS's test of a date format (utils.isDateFmt), kept so the cells read as dates are those it read as dates. */
function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** The cell formats of xl/styles.xml; an empty list when the workbook has none. */
export function readCellFormats(part: Uint8Array | undefined): CellFormat[] {
  if (!part) return [];
  const customCodes = new Map<number, string>();
  const xfs: { numFmtId: number; fontId: number; fillId: number; locked: boolean }[] = [];
  const fonts: FontLook[] = [];
  const fills: (string | undefined)[] = [];
  let solid = false;
  const open: string[] = [];
  parseXml(part, {
    open(name, attributes) {
      const parent = open[open.length - 1];
      open.push(name);
      if (name === "numFmt" && parent === "numFmts")
        customCodes.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "xf" && parent === "cellXfs")
        xfs.push({
          numFmtId: parseInt(attributes.numFmtId, 10),
          fontId: parseInt(attributes.fontId, 10) || 0,
          fillId: parseInt(attributes.fillId, 10) || 0,
          locked: true,
        });
      else if (name === "protection" && parent === "xf" && open[open.length - 3] === "cellXfs")
        xfs[xfs.length - 1].locked = xsdBoolean(attributes.locked, true);
      else if (name === "font" && parent === "fonts") fonts.push({});
      else if (name === "sz" && parent === "font" && open[open.length - 3] === "fonts")
        fonts[fonts.length - 1].size = Number(attributes.val);
      else if (name === "color" && parent === "font" && open[open.length - 3] === "fonts")
        fonts[fonts.length - 1].color = colourOf(attributes);
      else if (name === "fill" && parent === "fills") fills.push(undefined);
      else if (name === "patternFill" && open[open.length - 3] === "fills") solid = attributes.patternType === "solid";
      else if (name === "fgColor" && parent === "patternFill" && solid) fills[fills.length - 1] = colourOf(attributes);
    },
    close() {
      open.pop();
    },
  });
  return xfs.map(({ numFmtId, fontId, fillId, locked }) => {
    const code = customCodes.get(numFmtId) || BUILT_IN_FORMATS[numFmtId];
    const font = fonts[fontId] ?? {};
    const fill = fills[fillId];
    return {
      date: numFmtId > 0 && isDateFormat(code),
      locked,
      look: {
        numberFormat: code || "General",
        ...(font.color ? { fontColor: font.color } : {}),
        ...(fill ? { fill } : {}),
        ...(font.size !== undefined && !Number.isNaN(font.size) ? { fontSize: font.size } : {}),
      },
    };
  });
}
