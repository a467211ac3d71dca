/**
 * The sheets readAssessment (from-snapshot.ts) reads, as a choice for a reader that parses only those
 * (snapshot/sheet-choice.ts): starting next year from last year's return needs them and no other. They are the
 * sheets the add-in's names mark as the Guide, the metadata, the Actions and the Retired answers, every key area
 * sheet a name marks, the sheet the metadata falls back on, and the sheets whose formulas say where the answers are
 * (answer-sheets.ts) with the sheets those formulas read. Of those, the Summary is read first: its overall row reads
 * every key area sheet, so Gaps and Data, the largest sheets, are read only when the workbook has a sheet the
 * Summary does not read, which their formulas might (a reader of every sheet finds the same answers either way).
 * A sheet marked by two of the add-in's names is told apart by its cells, and a key area's own sheet then looked
 * for among all sheets: such a workbook is read whole.
 */
import { GROUP_SHEET_KEYS, keyAreaSheetKey, roleNameFor, SHEET_NAMES } from "../plan/layout";
import type { SheetChoice, SheetListing } from "../snapshot/sheet-choice";
import { sheetOfReference } from "../snapshot/references";
import { FIGURE_ROLES, sheetsTheFiguresRead } from "./answer-sheets";

type FixedRole = keyof typeof SHEET_NAMES;

/** Besides key areas and figures, the roles whose sheets readAssessment reads. */
const ROLES_READ = ["guide", "metadata", "actions", "retired"] as const satisfies readonly FixedRole[];

/** The fixed roles readAssessment looks for by name: all but the group sheets' (as defaultSheetNames has them). */
const ROLES_FOUND = (Object.keys(SHEET_NAMES) as FixedRole[]).filter(
  (role) => !(GROUP_SHEET_KEYS as readonly string[]).includes(role),
);

const KEY_AREA_NAME = roleNameFor(keyAreaSheetKey(""));

const lower = (name: string) => name.toLowerCase();
const defined = <T>(value: T | undefined): value is T => value !== undefined;

/** The listed sheets the add-in's names mark: by fixed role, and those of key areas (of any toolkit). */
function markedSheets(listing: readonly SheetListing[], names: Record<string, string>) {
  const listed = new Set(listing.map((sheet) => sheet.name));
  const sheetOf = (name: string) => {
    const reference = names[name];
    const sheet = reference ? sheetOfReference(reference) : undefined;
    return sheet !== undefined && listed.has(sheet) ? sheet : undefined;
  };
  const fixed = new Map<FixedRole, string>();
  for (const role of ROLES_FOUND) {
    const sheet = sheetOf(roleNameFor(role));
    if (sheet !== undefined) fixed.set(role, sheet);
  }
  const keyAreas = Object.keys(names)
    .filter((name) => name.startsWith(KEY_AREA_NAME))
    .map(sheetOf)
    .filter(defined);
  const marked = [...fixed.values(), ...keyAreas];
  return { fixed, keyAreas, markedTwice: new Set(marked).size < marked.length };
}

/** The figure sheets to read now: the Summary first, then Gaps and Data if a sheet is left that the Summary does not read. */
function figureSheets(
  listing: readonly SheetListing[],
  fixed: Map<FixedRole, string>,
  { figuresRead, roleSheets, readSoFar }: Record<"figuresRead" | "roleSheets" | "readSoFar", ReadonlySet<string>>,
): string[] {
  const summary = fixed.get("summary");
  const all = FIGURE_ROLES.map(({ role }) => fixed.get(role)).filter(defined);
  if (summary === undefined) return all;
  if (!readSoFar.has(summary)) return [summary];
  const unaccounted = listing.some(
    (sheet) => !roleSheets.has(lower(sheet.name)) && !figuresRead.has(lower(sheet.name)),
  );
  return unaccounted ? all : [summary];
}

/** The sheets readAssessment reads (see above). */
export const sheetsTheAssessmentReads: SheetChoice = ({ listing, names, read }) => {
  const { fixed, keyAreas, markedTwice } = markedSheets(listing, names);
  if (markedTwice) return "every";
  const figuresRead = sheetsTheFiguresRead(read, Object.fromEntries(fixed)) ?? new Set<string>();
  const roleSheets = new Set([...fixed.values()].map(lower));
  const readSoFar = new Set(read.sheets.map((sheet) => sheet.name));
  return [
    ...ROLES_READ.map((role) => fixed.get(role)).filter(defined),
    ...keyAreas,
    ...listing.filter((sheet) => lower(sheet.name) === lower(SHEET_NAMES.metadata)).map((sheet) => sheet.name),
    ...figureSheets(listing, fixed, { figuresRead, roleSheets, readSoFar }),
    // The sheets the figures read are where the answers are (answerSheets), whatever their names.
    ...listing
      .filter((sheet) => figuresRead.has(lower(sheet.name)) && !roleSheets.has(lower(sheet.name)))
      .map((sheet) => sheet.name),
  ];
};
