import { cellsIn, parseCell } from "../../core/util/a1";
import { serialOfDateSystem } from "../../core/util/dates";
import type { SnapshotCell } from "../../core/snapshot/types";
import { readError } from "../read-errors";
import { parseXml, xsdBoolean, type XmlHandlers } from "./sax";
import { slideFormula } from "./shared-formula";
import type { CellFormat } from "./styles";
import { isCellRange, validationRule, type ValidationRule } from "./validations";

/** What a worksheet part says, before the guarded cells are known. */
export interface WorksheetPart {
  /** Cells by A1 address, in the order of the part (row by row); merged-away cells are left out. */
  cells: Record<string, SnapshotCell>;
  protected: boolean;
  /** The cell format (`s`) each cell, row and column names, for telling whether a cell is locked. */
  formatOf(address: string): number;
  validations: ValidationRule[];
  /** The cell format (`s`) of each filled cell, by A1 address: what the sheet's looks point into. */
  cellFormatOf: Record<string, number>;
  /** Rows hidden or under a point high, and columns hidden or of no width, ascending. */
  hiddenRows: number[];
  hiddenColumns: number[];
  merges: string[];
}

/** Columns past this are never the add-in's, and a hidden range to the sheet's end would list 16,384. */
const HIDDEN_COLUMNS_READ = 1024;

export interface WorksheetContext {
  sharedStrings: readonly (string | undefined)[];
  formats: readonly CellFormat[];
  date1904: boolean;
}

/** A <c> element as read, before its value is made. */
interface RawCell {
  address: string;
  type: string | undefined;
  format: number | undefined;
  value: string | undefined;
  formula: string | undefined;
  share: { type: string | undefined; si: string | undefined; ref: string | undefined } | undefined;
}

/** A shared formula's master cell, by its `si`. */
type SharedMasters = Map<string, { address: string; formula: string }>;

function number(text: string, raw: RawCell, context: WorksheetContext): number {
  const value = parseFloat(text);
  const isDate = raw.format !== undefined && raw.format > 0 && context.formats[raw.format]?.date;
  return isDate ? serialOfDateSystem(value, { date1904: context.date1904 }) : value;
}

/** A formula's cached result, typed by the cell's `t`; null when the file holds none. */
function formulaResult(raw: RawCell, context: WorksheetContext): SnapshotCell["value"] {
  if (!raw.value) return null;
  if (raw.type === "str" || raw.type === "e") return raw.value;
  if (raw.type === "b") return xsdBoolean(raw.value, false);
  return number(raw.value, raw, context);
}

/** The cell's own formula, or the shared formula it belongs to moved to it; undefined when that is lost. */
function formulaOf(raw: RawCell, masters: SharedMasters): string | undefined {
  const share = raw.share;
  if (share?.type !== "shared" || share.si === undefined) return raw.formula || undefined;
  if (share.ref !== undefined) {
    masters.set(share.si, { address: raw.address, formula: raw.formula ?? "" });
    return raw.formula || undefined;
  }
  // Excel computes every other cell of the group from the master, whatever text the cell carries itself.
  const master = masters.get(share.si);
  return master ? slideFormula(master.formula, master.address, raw.address) : raw.formula || undefined;
}

/** A cell's snapshot, or undefined for a cell with no content (a styled empty cell). */
function snapshotCell(raw: RawCell, context: WorksheetContext, masters: SharedMasters): SnapshotCell | undefined {
  if (raw.formula || raw.share?.type) {
    const formula = formulaOf(raw, masters);
    return { value: formulaResult(raw, context), ...(formula ? { formula } : {}) };
  }
  if (raw.value === undefined) return undefined;
  switch (raw.type) {
    case "s": {
      const text = context.sharedStrings[parseInt(raw.value, 10)];
      return text === undefined ? undefined : { value: text };
    }
    case "str":
    case "inlineStr":
    case "e":
      return { value: raw.value };
    case "b":
      return { value: xsdBoolean(raw.value, false) };
    default:
      return { value: number(raw.value, raw, context) };
  }
}

/** Removes every cell of each merged range but its top-left one, which alone holds the range's value. */
function removeMergedAway(cells: Record<string, SnapshotCell>, merges: readonly string[]): void {
  for (const merge of merges) {
    const [topLeft, ...others] = cellsIn(merge);
    for (const address of others) if (address !== topLeft) delete cells[address];
  }
}

/** Which text is being read: a cell's formula, its value (or inline string), a validation's formula. */
type Reading = "formula" | "value" | "validation" | undefined;

/** Takes a worksheet's elements in document order (see parseXml) and keeps what a snapshot needs. */
class WorksheetReader implements XmlHandlers {
  readonly cells: Record<string, SnapshotCell> = {};
  readonly filledFormats: Record<string, number> = {};
  readonly cellFormats = new Map<string, number>();
  readonly rowFormats = new Map<number, number>();
  readonly columnFormats: { min: number; max: number; format: number }[] = [];
  readonly merges: string[] = [];
  readonly validations: ValidationRule[] = [];
  readonly hiddenRows: number[] = [];
  readonly hiddenColumns: number[] = [];
  isProtected = false;
  private readonly masters: SharedMasters = new Map();
  private cell: RawCell | undefined;
  private reading: Reading;
  private inInlineString = false;
  private inPhonetic = false;

  constructor(private readonly context: WorksheetContext) {}

  open(name: string, attributes: Record<string, string>): void {
    switch (name) {
      case "c":
        return this.openCell(attributes);
      case "f":
        this.reading = "formula";
        if (this.cell) this.cell.share = { type: attributes.t, si: attributes.si, ref: attributes.ref };
        return;
      case "v":
        this.reading = "value";
        return;
      case "is":
        this.inInlineString = true;
        return;
      case "rPh":
        this.inPhonetic = true;
        return;
      case "t":
        if (this.inInlineString && !this.inPhonetic) this.reading = "value";
        return;
      case "formula1":
        if (this.validations.length > 0) this.reading = "validation";
        return;
      default:
        return this.openSheetElement(name, attributes);
    }
  }

  private openCell(attributes: Record<string, string>): void {
    const address = attributes.r;
    // The schema lets `r` be left out, but Excel, LibreOffice and ExcelJS all write it, and ExcelJS
    // could not place a cell without it: such a file was refused as damaged, and still is.
    if (!address) throw readError("damaged", new Error("A cell has no address."));
    const format = attributes.s === undefined ? undefined : parseInt(attributes.s, 10);
    this.cellFormats.set(address, format ?? 0);
    this.cell = { address, type: attributes.t, format, value: undefined, formula: undefined, share: undefined };
  }

  /** The elements outside cells: row and column formats, merges, protection, validations. */
  private openSheetElement(name: string, attributes: Record<string, string>): void {
    if (name === "row") {
      if (attributes.s !== undefined && xsdBoolean(attributes.customFormat, false))
        this.rowFormats.set(Number(attributes.r), Number(attributes.s));
      if (xsdBoolean(attributes.hidden, false) || Number(attributes.ht) < 1) this.hiddenRows.push(Number(attributes.r));
    } else if (name === "col") {
      if (xsdBoolean(attributes.hidden, false) || Number(attributes.width) < 0.1)
        for (let c = Number(attributes.min); c <= Math.min(Number(attributes.max), HIDDEN_COLUMNS_READ); c++)
          this.hiddenColumns.push(c);
      if (attributes.style !== undefined)
        this.columnFormats.push({
          min: Number(attributes.min),
          max: Number(attributes.max),
          format: Number(attributes.style),
        });
    } else if (name === "mergeCell") {
      if (attributes.ref && isCellRange(attributes.ref)) this.merges.push(attributes.ref);
    } else if (name === "sheetProtection") this.isProtected = xsdBoolean(attributes.sheet, false);
    else if (name === "dataValidation") this.validations.push(validationRule(attributes));
  }

  text(chunk: string): void {
    const cell = this.cell;
    if (this.reading === "formula" && cell) cell.formula = (cell.formula ?? "") + chunk;
    else if (this.reading === "value" && cell) cell.value = (cell.value ?? "") + chunk;
    else if (this.reading === "validation") {
      const rule = this.validations[this.validations.length - 1];
      rule.formula = (rule.formula ?? "") + chunk;
    }
  }

  close(name: string): void {
    switch (name) {
      case "c": {
        const snapshot = this.cell && snapshotCell(this.cell, this.context, this.masters);
        if (this.cell && snapshot) {
          this.cells[this.cell.address] = snapshot;
          this.filledFormats[this.cell.address] = this.cell.format ?? 0;
        }
        this.cell = undefined;
        return;
      }
      case "f":
      case "v":
      case "t":
      case "formula1":
        this.reading = undefined;
        return;
      case "is":
        this.inInlineString = false;
        return;
      case "rPh":
        this.inPhonetic = false;
        return;
    }
  }
}

/** Reads one worksheet part: its cells' values and formulas, protection, formats and validations. */
export function readWorksheetPart(part: Uint8Array, context: WorksheetContext): WorksheetPart {
  const sheet = new WorksheetReader(context);
  parseXml(part, sheet);
  removeMergedAway(sheet.cells, sheet.merges);
  return {
    cells: sheet.cells,
    protected: sheet.isProtected,
    formatOf(address) {
      const own = sheet.cellFormats.get(address);
      if (own !== undefined) return own;
      const { row, column } = parseCell(address);
      const byColumn = sheet.columnFormats.find((c) => column >= c.min && column <= c.max);
      return sheet.rowFormats.get(row) ?? byColumn?.format ?? 0;
    },
    validations: sheet.validations,
    cellFormatOf: sheet.filledFormats,
    hiddenRows: sheet.hiddenRows,
    hiddenColumns: [...new Set(sheet.hiddenColumns)].sort((a, b) => a - b),
    merges: sheet.merges,
  };
}
