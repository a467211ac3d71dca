import type JSZip from "jszip";
import { columnLetter, columnNumber, parseCell, parseRange, rangeAddress } from "../core/util/a1";
import { isFormula, type PlanCell, type SheetPlan } from "../core/plan/types";
import { worksheetParts } from "./chart-parts";
import { decodeXml, encodeCellText, encodeXml } from "./xml-text";
import { concat } from "./bytes";

/**
 * A table's rows after its first body row, which the .xlsx writer writes itself instead of through ExcelJS.
 *
 * ExcelJS keeps every cell of a workbook as an object and renders each sheet to one string before zipping
 * it, so a Group Data table of 400 returns (40,000 rows × 19 columns) cost hundreds of megabytes and most of
 * the writing time. ExcelJS's streaming writer cannot write tables (exceljs/exceljs#1412) and does not run
 * in a browser, so ExcelJS writes the table with its header and first body row (which gives every column
 * its style in styles.xml), and the remaining rows are spliced into the finished package as plain XML,
 * styled like the first body row, their strings added to the shared strings.
 */
export interface TableBody {
  table: string;
  /** The first body row, written by ExcelJS. */
  firstRow: number;
  /** The rows written here: from the row after firstRow to bottom. */
  bottom: number;
  left: number;
  right: number;
}

/** The rows of each table of the sheet that the writer splices in (none for a table with one body row). */
export function tableBodies(sheet: SheetPlan): TableBody[] {
  const bodies = sheet.tables
    .map((table) => ({ table: table.name, ...parseRange(table.range) }))
    .filter(({ top, bottom }) => bottom > top + 1)
    .map(({ table, top, bottom, left, right }) => ({ table, firstRow: top + 1, bottom, left, right }));
  for (const body of bodies) assertSpliceable(sheet, body);
  return bodies;
}

type Rectangle = ReturnType<typeof parseRange>;

/** Whether a range reaches into the spliced rows (in any column). */
const inBodyRows = (range: Rectangle, body: TableBody) => range.top <= body.bottom && range.bottom > body.firstRow;

const intersects = (range: Rectangle, body: TableBody) =>
  inBodyRows(range, body) && range.left <= body.right && range.right >= body.left;

const inRows = (row: number, body: TableBody) => row > body.firstRow && row <= body.bottom;

/**
 * The spliced rows take each column's style from the first body row, so styles over them must run down
 * whole table columns; and nothing but the table's cells may be in those rows. Plans keep to this; a plan
 * that did not would be written wrongly, so it is refused.
 */
function assertSpliceable(sheet: SheetPlan, body: TableBody): void {
  const refuse = (what: string) => {
    throw new Error(`The .xlsx writer cannot write table ${body.table} on ${sheet.name}: ${what}`);
  };
  for (const { range } of sheet.styles) {
    const r = parseRange(range);
    const whole = r.top <= body.firstRow && r.bottom === body.bottom && r.left >= body.left && r.right <= body.right;
    if (inBodyRows(r, body) && !whole)
      refuse(`the style on ${range} does not run down whole table columns to the table's last row`);
  }
  for (const range of sheet.merges) if (intersects(parseRange(range), body)) refuse(`${range} is merged`);
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    const r = {
      top: at.row,
      bottom: at.row + block.cells.length - 1,
      left: at.column,
      right: at.column + (block.cells[0]?.length ?? 0) - 1,
    };
    if ((r.left < body.left || r.right > body.right) && inBodyRows(r, body))
      refuse(`block ${block.at} has cells beside the table in its rows`);
  }
}

/** Row numbers (from rowHeights) that are spliced in, so ExcelJS must not write them. */
export const isSplicedRow = (bodies: TableBody[], row: number): boolean => bodies.some((body) => inRows(row, body));

/** A style range without its spliced rows (styles over them run to the table's last row: see assertSpliceable). */
export function withoutSplicedRows(bodies: TableBody[], range: string): string {
  const r = parseRange(range);
  const body = bodies.find((b) => intersects(r, b));
  return body ? rangeAddress(r.top, r.left, body.firstRow, r.right) : range;
}

/** The shared strings part: its text, and an index for each plain string already in it. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private count: number;
  private unique: number;

  constructor(private readonly xml: string) {
    const counts = /<sst\b[^>]*?\bcount="(\d+)"[^>]*?\buniqueCount="(\d+)"/.exec(xml);
    if (!counts) throw new Error("The shared strings part has no count and uniqueCount");
    [this.count, this.unique] = [Number(counts[1]), Number(counts[2])];
    let position = 0;
    for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      const plain = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/.exec(m[1]);
      if (plain && !this.index.has(decodeXml(plain[1]))) this.index.set(decodeXml(plain[1]), position);
      position++;
    }
    if (position !== this.unique) throw new Error("The shared strings part's uniqueCount does not match its entries");
  }

  /** The index of a string, added when new. ExcelJS's way of writing it (TextXform): preserve edge spaces. */
  indexOf(text: string): number {
    this.count++;
    const known = this.index.get(text);
    if (known !== undefined) return known;
    const preserve = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
    this.added.push(`<si><t${preserve}>${encodeCellText(text)}</t></si>`);
    this.index.set(text, this.unique);
    return this.unique++;
  }

  toXml(): string {
    return this.xml
      .replace(/(<sst\b[^>]*?\bcount=")\d+("[^>]*?\buniqueCount=")\d+"/, `$1${this.count}$2${this.unique}"`)
      .replace("</sst>", `${this.added.join("")}</sst>`);
  }
}

/** A row ExcelJS wrote: where its element ends, and its cells' XML ("" when it wrote the row empty, as <row/>). */
function writtenRow(sheetXml: string, row: number): { end: number; cells: string } {
  const found = new RegExp(`<row r="${row}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`).exec(sheetXml);
  if (!found) throw new Error(`ExcelJS wrote no row ${row}`);
  return { end: found.index + found[0].length, cells: found[1] ?? "" };
}

/** Each column's style ID (the `s` attribute) in a row ExcelJS wrote; absent for an unstyled column. */
function columnStyles(rowCells: string): Map<number, string> {
  const styles = new Map<number, string>();
  for (const cell of rowCells.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)\/?>/g)) {
    const style = /\bs="(\d+)"/.exec(cell[2]);
    if (style) styles.set(columnNumber(cell[1]), style[1]);
  }
  return styles;
}

/** One cell as ExcelJS's CellXform renders it: shared strings, "b" for booleans, a formula without a result. */
function cellXml(address: string, cell: PlanCell, style: string | undefined, strings: SharedStrings): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (cell === null) return style === undefined ? "" : `<c r="${address}"${s}/>`;
  if (isFormula(cell)) return `<c r="${address}"${s}><f>${encodeCellText(cell.formula)}</f></c>`;
  if (typeof cell === "string") return `<c r="${address}"${s} t="s"><v>${strings.indexOf(cell)}</v></c>`;
  if (typeof cell === "boolean") return `<c r="${address}"${s} t="b"><v>${cell ? 1 : 0}</v></c>`;
  return `<c r="${address}"${s}><v>${cell}</v></c>`;
}

/** The plan's cell of one row by column, from whichever block holds it. */
function planRow(blocks: { row: number; column: number; cells: PlanCell[][] }[], row: number) {
  return (column: number): PlanCell => {
    for (const block of blocks) {
      const line = block.cells[row - block.row];
      if (line && column >= block.column && column - block.column < line.length) return line[column - block.column];
    }
    return null;
  };
}

/** The spliced rows' XML, encoded in pieces so no single string holds the whole body. */
function bodyXml(sheet: SheetPlan, body: TableBody, styles: Map<number, string>, strings: SharedStrings): Uint8Array[] {
  const blocks = sheet.blocks.map((b) => ({ ...parseCell(b.at), cells: b.cells }));
  const letters = Array.from({ length: body.right - body.left + 1 }, (_, i) => columnLetter(body.left + i));
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let rows: string[] = [];
  for (let row = body.firstRow + 1; row <= body.bottom; row++) {
    const cellAt = planRow(blocks, row);
    const height = sheet.rowHeights[row];
    const cells = letters.map((letter, i) =>
      cellXml(`${letter}${row}`, cellAt(body.left + i), styles.get(body.left + i), strings),
    );
    rows.push(`<row r="${row}"${height ? ` ht="${height}" customHeight="1"` : ""}>${cells.join("")}</row>`);
    if (rows.length === 1000 || row === body.bottom) {
      pieces.push(encoder.encode(rows.join("")));
      rows = [];
    }
  }
  return pieces;
}

async function tablePart(zip: JSZip, name: string): Promise<{ path: string; xml: string }> {
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async("string");
    if (xml.includes(` name="${encodeXml(name)}"`)) return { path, xml };
  }
  throw new Error(`The package has no table named ${name}`);
}

/** Extends the table part's range (and its autoFilter's) from what ExcelJS wrote to the whole table. */
async function extendTable(zip: JSZip, body: TableBody, header: number): Promise<void> {
  const { path, xml } = await tablePart(zip, body.table);
  const written = `ref="${rangeAddress(header, body.left, body.firstRow, body.right)}"`;
  if (!xml.includes(written)) throw new Error(`Table ${body.table} was not written as ${written}`);
  zip.file(path, xml.split(written).join(`ref="${rangeAddress(header, body.left, body.bottom, body.right)}"`));
}

/** The sheet's dimension grown to take in the spliced rows. */
const extendDimension = (sheetXml: string, bottom: number) =>
  sheetXml.replace(
    /<dimension ref="([A-Z]+\d+):([A-Z]+)(\d+)"\/>/,
    (whole, from: string, column: string, row: string) =>
      Number(row) >= bottom ? whole : `<dimension ref="${from}:${column}${bottom}"/>`,
  );

/**
 * Gives each calculated column of the plan's tables its formula in the table part, which ExcelJS cannot write
 * (exceljs/exceljs#1417): Excel fills a new row's cells of a column from its calculatedColumnFormula (a column whose
 * cells merely share a formula gets nothing, ClosedXML/ClosedXML#288), given as the first body row's formula.
 */
export async function addCalculatedColumns(zip: JSZip, sheets: SheetPlan[]): Promise<void> {
  for (const table of sheets.flatMap((sheet) => sheet.tables)) {
    if (!table.calculatedColumns?.length) continue;
    const { path, xml } = await tablePart(zip, table.name);
    const { left } = parseRange(table.range);
    let fixed = xml;
    for (const { column, formula } of table.calculatedColumns) {
      const leaf = new RegExp(`<tableColumn id="${column - left + 1}"([^>]*?)/>`);
      if (!leaf.test(fixed)) throw new Error(`Table ${table.name} has no column ${column - left + 1} to calculate`);
      fixed = fixed.replace(
        leaf,
        (_, attributes: string) =>
          `<tableColumn id="${column - left + 1}"${attributes}><calculatedColumnFormula>${encodeCellText(formula)}</calculatedColumnFormula></tableColumn>`,
      );
    }
    zip.file(path, fixed);
  }
}

/** Writes the spliced rows of every table into the package ExcelJS wrote. */
export async function spliceTableBodies(zip: JSZip, sheets: SheetPlan[]): Promise<void> {
  const withBodies = sheets.map((sheet) => ({ sheet, bodies: tableBodies(sheet) })).filter((s) => s.bodies.length > 0);
  if (withBodies.length === 0) return;
  const parts = await worksheetParts(zip);
  const stringsFile = zip.file("xl/sharedStrings.xml");
  if (!stringsFile) throw new Error("The package has no shared strings, though its tables have headers");
  const strings = new SharedStrings(await stringsFile.async("string"));
  for (const { sheet, bodies } of withBodies) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`The package has no worksheet named ${sheet.name}`);
    let xml = extendDimension(await zip.file(part)!.async("string"), Math.max(...bodies.map((b) => b.bottom)));
    const pieces: Uint8Array[] = [];
    // In row order, each body after the first body row ExcelJS wrote.
    for (const body of [...bodies].sort((a, b) => a.firstRow - b.firstRow)) {
      const first = writtenRow(xml, body.firstRow);
      pieces.push(new TextEncoder().encode(xml.slice(0, first.end)));
      pieces.push(...bodyXml(sheet, body, columnStyles(first.cells), strings));
      xml = xml.slice(first.end);
      const header = parseRange(sheet.tables.find((t) => t.name === body.table)!.range).top;
      await extendTable(zip, body, header);
    }
    pieces.push(new TextEncoder().encode(xml));
    zip.file(part, concat(pieces));
  }
  zip.file("xl/sharedStrings.xml", strings.toXml());
}
