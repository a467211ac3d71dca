import { cellsIn, parseCell } from "../../core/util/a1";
import { serialOfDateSystem } from "../../core/util/dates";
import type { SnapshotCell } from "../../core/snapshot/types";
import { readError } from "../read-errors";
import { parseXml, xsdBoolean } from "./sax";
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
}

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
  return isDate ? serialOfDateSystem(value, context.date1904) : value;
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
  if (raw.formula) return raw.formula;
  const master = masters.get(share.si);
  return master && slideFormula(master.formula, master.address, raw.address);
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

/** Reads one worksheet part: its cells' values and formulas, protection, formats and validations. */
export function readWorksheetPart(part: Uint8Array, context: WorksheetContext): WorksheetPart {
  const cells: Record<string, SnapshotCell> = {};
  const cellFormats = new Map<string, number>();
  const rowFormats = new Map<number, number>();
  const columnFormats: { min: number; max: number; format: number }[] = [];
  const merges: string[] = [];
  const validations: ValidationRule[] = [];
  const masters: SharedMasters = new Map();
  let isProtected = false;
  let cell: RawCell | undefined;
  /** Which text is being read: a cell's formula, its value, an inline string's text, a validation's formula. */
  let reading: "formula" | "value" | "validation" | undefined;
  let inInlineString = false;
  let inPhonetic = false;
  parseXml(part, {
    open(name, attributes) {
      switch (name) {
        case "c": {
          const address = attributes.r;
          // Every writer of .xlsx gives each cell its address; ExcelJS cannot place a cell without one.
          if (!address) throw readError("damaged", new Error("A cell has no address."));
          const format = attributes.s === undefined ? undefined : parseInt(attributes.s, 10);
          cellFormats.set(address, format ?? 0);
          cell = { address, type: attributes.t, format, value: undefined, formula: undefined, share: undefined };
          break;
        }
        case "f":
          reading = "formula";
          if (cell) cell.share = { type: attributes.t, si: attributes.si, ref: attributes.ref };
          break;
        case "v":
          reading = "value";
          break;
        case "is":
          inInlineString = true;
          break;
        case "rPh":
          inPhonetic = true;
          break;
        case "t":
          if (inInlineString && !inPhonetic) reading = "value";
          break;
        case "row":
          if (attributes.s !== undefined && xsdBoolean(attributes.customFormat, false))
            rowFormats.set(Number(attributes.r), Number(attributes.s));
          break;
        case "col":
          if (attributes.style !== undefined)
            columnFormats.push({
              min: Number(attributes.min),
              max: Number(attributes.max),
              format: Number(attributes.style),
            });
          break;
        case "mergeCell":
          if (attributes.ref && isCellRange(attributes.ref)) merges.push(attributes.ref);
          break;
        case "sheetProtection":
          isProtected = xsdBoolean(attributes.sheet, false);
          break;
        case "dataValidation":
          validations.push(validationRule(attributes));
          break;
        case "formula1":
          if (validations.length > 0) reading = "validation";
          break;
      }
    },
    text(chunk) {
      if (reading === "formula" && cell) cell.formula = (cell.formula ?? "") + chunk;
      else if (reading === "value" && cell) cell.value = (cell.value ?? "") + chunk;
      else if (reading === "validation") {
        const rule = validations[validations.length - 1];
        rule.formula = (rule.formula ?? "") + chunk;
      }
    },
    close(name) {
      switch (name) {
        case "c": {
          const snapshot = cell && snapshotCell(cell, context, masters);
          if (cell && snapshot) cells[cell.address] = snapshot;
          cell = undefined;
          break;
        }
        case "f":
        case "v":
        case "t":
        case "formula1":
          reading = undefined;
          break;
        case "is":
          inInlineString = false;
          break;
        case "rPh":
          inPhonetic = false;
          break;
      }
    },
  });
  removeMergedAway(cells, merges);
  return {
    cells,
    protected: isProtected,
    formatOf(address) {
      const own = cellFormats.get(address);
      if (own !== undefined) return own;
      const { row, column } = parseCell(address);
      return rowFormats.get(row) ?? columnFormats.find((c) => column >= c.min && column <= c.max)?.format ?? 0;
    },
    validations,
  };
}
