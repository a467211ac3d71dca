import JSZip from "jszip";
import type { SheetPlan } from "../core/plan/types";
import { addChartParts } from "./chart-parts";
import { addCalculatedColumns, spliceTableBodies } from "./table-bodies";
import { decodeXml, encodeXml } from "./xml-text";

/**
 * Repairs for what ExcelJS 4.4 writes wrongly, applied to the finished file.
 *
 * ExcelJS writes a font's children in its own order, but the Open XML schema (and Excel's "repair"
 * check) wants them in sequence. Reordering them after writing keeps the file valid without
 * patching ExcelJS internals (which the browser bundle does not expose).
 */
const FONT_CHILD_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

function reorderFontChildren(font: string): string {
  const children = font.match(/<[a-zA-Z]+\b[^>]*\/>/g) ?? [];
  const rank = (child: string) => FONT_CHILD_ORDER.indexOf(/^<([a-zA-Z]+)/.exec(child)?.[1] ?? "");
  return [...children].sort((a, b) => rank(a) - rank(b)).join("");
}

export function fixStylesXml(xml: string): string {
  return xml.replace(
    /<font>((?:<[a-zA-Z]+\b[^>]*\/>)*)<\/font>/g,
    (_, children: string) => `<font>${reorderFontChildren(children)}</font>`,
  );
}

/**
 * ExcelJS writes print titles as '<sheet name>'!$7:$7 without doubling an apostrophe inside the
 * name, which Excel cannot parse (it would drop the name on repair). Doubling it fixes the reference.
 */
export function fixWorkbookXml(xml: string): string {
  const sheetNames = new Set([...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXml(m[1])));
  return xml.replace(
    /(<definedName name="_xlnm\.Print_Titles"[^>]*>)([^<]*)(<\/definedName>)/g,
    (whole, open: string, text: string, close: string) => {
      const reference = /^'(.*)'!(.*)$/.exec(decodeXml(text));
      if (!reference || !reference[1].includes("'") || !sheetNames.has(reference[1])) return whole;
      return `${open}${encodeXml(`'${reference[1].replace(/'/g, "''")}'!${reference[2]}`)}${close}`;
    },
  );
}

/** Repairs what ExcelJS wrote and adds what it cannot write (the sheets' charts) or was not given (tables' rows). */
export async function fixOoxml(bytes: Uint8Array, sheets: SheetPlan[] = []): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = zip.file("xl/styles.xml");
  if (styles) zip.file("xl/styles.xml", fixStylesXml(await styles.async("string")));
  const workbook = zip.file("xl/workbook.xml");
  if (workbook) zip.file("xl/workbook.xml", fixWorkbookXml(await workbook.async("string")));
  await spliceTableBodies(zip, sheets);
  await addCalculatedColumns(zip, sheets);
  await addChartParts(zip, sheets);
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: DEFLATE_LEVEL },
  });
}

/**
 * Deflating the package is the largest single cost of writing it: at JSZip's default level 6, whose lazy
 * matching searches hardest, about 40% of the time. Level 1 takes pako's fast strategy: the canonical workbook is
 * 96 KB rather than 81 KB, and the write about a quarter faster (bench/xlsx.ts, xlsx.canonical.ratio).
 */
const DEFLATE_LEVEL = 1;
