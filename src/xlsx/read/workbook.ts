import { absolute, absoluteRange, parseRange } from "../../core/util/a1";
import { normaliseReference } from "../../core/snapshot/references";
import type { SheetScopedName, SnapshotSheet, WorkbookSettings } from "../../core/snapshot/types";
import { WORKSHEET_PART } from "../zip-guard";
import { parseXml, xsdBoolean } from "./sax";

/** A sheet listed in xl/workbook.xml, with the part that holds it. */
export interface SheetEntry {
  name: string;
  visibility: SnapshotSheet["visibility"];
  /** The worksheet part's name in the zip, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

export interface WorkbookPart {
  /** Worksheets in workbook order; chart sheets and sheets whose part is missing are left out. */
  sheets: SheetEntry[];
  names: Record<string, string>;
  /** Names defined on one sheet only (localSheetId), which Excel keeps apart from the workbook's. */
  sheetScopedNames: SheetScopedName[];
  /** Whether serial numbers count from 1904 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
  /** calcPr's calcMode and fullPrecision (ECMA-376 §18.2.2), with workbookPr's date1904. */
  settings: WorkbookSettings;
}

/** Relationship ID → target, from xl/_rels/workbook.xml.rels. */
function relationshipTargets(part: Uint8Array | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (!part) return targets;
  parseXml(part, {
    open(name, attributes) {
      if (name === "Relationship") targets.set(attributes.Id, attributes.Target ?? "");
    },
  });
  return targets;
}

/** A relationship target as a part name: relative to xl/, or absolute from the package root. */
const partOfTarget = (target: string): string => `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;

const visibilityOf = (state: string | undefined): SheetEntry["visibility"] =>
  state === "veryHidden" ? "veryHidden" : state === "hidden" ? "hidden" : "visible";

/**
 * A reference when it is one rectangle of absolute cells ("'Guide'!$B$4", "Data!$A$1:$D$9"), in the
 * form ExcelJS gave it; undefined for constants, formulas, relative or whole-row references.
 */
function singleRange(text: string): string | undefined {
  const match = /^(?:('(?:[^']|'')*'|[^'!\s]+)!)?(\$[A-Z]{1,3}\$\d+(?::\$[A-Z]{1,3}\$\d+)?)$/.exec(text.trim());
  if (!match) return undefined;
  const [, sheet, reference] = match;
  const { top, left, bottom, right } = parseRange(reference);
  const range = top === bottom && left === right ? absolute(top, left) : absoluteRange(top, left, bottom, right);
  return normaliseReference(sheet ? `${sheet}!${range}` : range);
}

/** The parts of a definition between commas that are not in a quoted sheet name: "A!$A$1,'B,C'!$A$1" has two. */
const unionParts = (text: string): string[] => text.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? [];

interface Definition {
  name: string;
  text: string;
  /** Index in the workbook's <sheets> of the sheet a sheet-scope name belongs to. */
  localSheetId?: number;
}

/**
 * Workbook-scope names that refer to one range, each normalised. As Office.js lists them
 * (Workbook.names holds workbook-scope names only), a sheet-scope name is not one of them; what is
 * not a range adds nothing, and a name that comes to more than one range is left out; print areas
 * and titles are page set-up, not names.
 */
function definedNames(definitions: Definition[]): Record<string, string> {
  const ranges = new Map<string, Set<string>>();
  for (const { name, text, localSheetId } of definitions) {
    if (name === "_xlnm.Print_Area" || name === "_xlnm.Print_Titles" || localSheetId !== undefined) continue;
    const found = ranges.get(name) ?? new Set();
    for (const part of unionParts(text)) {
      const range = singleRange(part);
      if (range) found.add(range);
    }
    ranges.set(name, found);
  }
  const names: Record<string, string> = {};
  for (const [name, found] of ranges) if (found.size === 1) names[name] = [...found][0];
  return names;
}

/** Sheet-scope names but Excel's own (_xlnm.), each with the name of the sheet it belongs to. */
function sheetScopedNames(definitions: Definition[], allSheets: readonly string[]): SheetScopedName[] {
  return definitions
    .filter((d) => d.localSheetId !== undefined && !d.name.startsWith("_xlnm."))
    .map((d) => ({
      scope: allSheets[d.localSheetId!] ?? "",
      name: d.name,
      reference: singleRange(d.text) ?? d.text.trim(),
    }));
}

/**
 * Reads xl/workbook.xml with its relationships. `parts` says which parts the zip holds, so a
 * sheet whose part is missing is left out as ExcelJS leaves it out.
 */
export function readWorkbookPart(
  workbook: Uint8Array,
  rels: Uint8Array | undefined,
  hasPart: (name: string) => boolean,
): WorkbookPart {
  const targets = relationshipTargets(rels);
  const sheets: SheetEntry[] = [];
  /** Every <sheet>, chart sheets too: localSheetId counts them all. */
  const allSheets: string[] = [];
  const definitions: Definition[] = [];
  let definition: Definition | undefined;
  let date1904 = false;
  let manual = false;
  let precisionAsDisplayed = false;
  parseXml(workbook, {
    open(name, attributes) {
      if (name === "sheet") {
        allSheets.push(attributes.name ?? "");
        const target = targets.get(attributes["r:id"]);
        const part = target === undefined ? undefined : partOfTarget(target);
        if (part && WORKSHEET_PART.test(part) && hasPart(part))
          sheets.push({ name: attributes.name ?? "", visibility: visibilityOf(attributes.state), part });
      } else if (name === "definedName") {
        const local = attributes.localSheetId;
        definition = {
          name: attributes.name ?? "",
          text: "",
          ...(local !== undefined ? { localSheetId: Number(local) } : {}),
        };
        definitions.push(definition);
      } else if (name === "workbookPr") date1904 = xsdBoolean(attributes.date1904, false);
      else if (name === "calcPr") {
        manual = attributes.calcMode === "manual";
        precisionAsDisplayed = !xsdBoolean(attributes.fullPrecision, true);
      }
    },
    text(chunk) {
      if (definition) definition.text += chunk;
    },
    close(name) {
      if (name === "definedName") definition = undefined;
    },
  });
  return {
    sheets,
    names: definedNames(definitions),
    sheetScopedNames: sheetScopedNames(definitions, allSheets),
    date1904,
    settings: { calculation: manual ? "manual" : "automatic", precisionAsDisplayed, date1904 },
  };
}
