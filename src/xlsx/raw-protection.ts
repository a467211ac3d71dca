import JSZip from "jszip";
import { parseCell } from "../core/util/a1";
import { worksheetParts } from "./chart-parts";
import { decodeXml } from "./xml-text";

/**
 * Sheet protection and cell locks read from the file's XML itself. ExcelJS 4.4 understands only
 * "1" and "0" for these booleans, but the schema's xsd:boolean also allows "true" and "false",
 * which LibreOffice writes: ExcelJS then reads a protected sheet as unprotected and an unlocked
 * cell as locked. Parts are inflated again only when asked for, so a file ExcelJS reads rightly
 * costs almost nothing more.
 */
export interface RawSheet {
  protected: boolean;
  /** Whether a cell is locked (Excel's default is locked). */
  isLocked(address: string): boolean;
}

export interface RawPackage {
  /** Whether any cell style says "locked" with a word ("true"/"false") that ExcelJS misreads. */
  locksInWords: boolean;
  sheet(name: string): Promise<RawSheet>;
}

/** xsd:boolean: "1" or "true" is true, "0" or "false" is false. */
const xsdBoolean = (value: string | undefined, fallback: boolean) =>
  value === undefined ? fallback : value === "1" || value === "true";

const attributePatterns = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name}="([^"]*)"`)));
  const match = pattern.exec(tag);
  return match ? decodeXml(match[1]) : undefined;
}

/** For each cellXfs entry (by index), whether it locks its cells. */
function lockedByStyle(stylesXml: string): boolean[] {
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  const xfs = cellXfs.match(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g) ?? [];
  return xfs.map((xf) => {
    const protection = /<protection\b[^>]*>/.exec(xf)?.[0];
    return protection ? xsdBoolean(attribute(protection, "locked"), true) : true;
  });
}

/** A sheet's style index for each cell, row and column that names one. */
function sheetStyles(xml: string) {
  const cells = new Map<string, number>();
  for (const match of xml.matchAll(/<c\b([^>]*?)\/?>/g)) {
    const r = attribute(match[1], "r");
    const s = attribute(match[1], "s");
    if (r !== undefined) cells.set(r, s === undefined ? 0 : Number(s));
  }
  const rows = new Map<number, number>();
  for (const match of xml.matchAll(/<row\b([^>]*?)\/?>/g)) {
    const r = attribute(match[1], "r");
    const s = attribute(match[1], "s");
    if (r !== undefined && s !== undefined && xsdBoolean(attribute(match[1], "customFormat"), false))
      rows.set(Number(r), Number(s));
  }
  const columns: { min: number; max: number; style: number }[] = [];
  for (const match of xml.matchAll(/<col\b([^>]*?)\/?>/g)) {
    const style = attribute(match[1], "style");
    if (style !== undefined)
      columns.push({
        min: Number(attribute(match[1], "min")),
        max: Number(attribute(match[1], "max")),
        style: Number(style),
      });
  }
  return { cells, rows, columns };
}

/** Opens the package's XML for the protection facts ExcelJS may have misread. */
export async function openRawPackage(bytes: Uint8Array): Promise<RawPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await worksheetParts(zip);
  const stylesXml = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
  const locks = lockedByStyle(stylesXml);
  return {
    locksInWords: /<protection\b[^>]*\slocked="(?:true|false)"/.test(stylesXml),
    async sheet(name) {
      const part = parts.get(name);
      const xml = part ? ((await zip.file(part)?.async("string")) ?? "") : "";
      const protection = /<sheetProtection\b[^>]*>/.exec(xml)?.[0];
      const styles = sheetStyles(xml);
      return {
        protected: protection ? xsdBoolean(attribute(protection, "sheet"), false) : false,
        isLocked(address) {
          const { row, column } = parseCell(address);
          const style =
            styles.cells.get(address) ??
            styles.rows.get(row) ??
            styles.columns.find((c) => column >= c.min && column <= c.max)?.style ??
            0;
          return locks[style] ?? true;
        },
      };
    },
  };
}
