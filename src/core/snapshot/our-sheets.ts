import { GROUP_SHEET_KEYS, roleNameFor, SHEET_NAMES } from "../plan/layout";
import { sheetOfReference } from "./references";
import type { SnapshotSheet } from "./types";

type SheetListing = Pick<SnapshotSheet, "name" | "visibility">;

/**
 * The name marking the check report: the add-in wrote that sheet too, but it is not part of the
 * assessment. Nothing reads it, the checker does not compare it, and an upgrade or a repair leaves
 * it as it is (its title says when the check ran); the next report replaces it.
 */
export const CHECK_REPORT_ROLE_NAME = roleNameFor("checkReport" satisfies keyof typeof SHEET_NAMES);

/**
 * The names marking the group sheets of a consolidation (Group Summary, Group Data, Consolidation
 * Log): the add-in wrote them, but they are not part of an assessment; the next consolidation into
 * the same workbook replaces them (src/core/consolidate/group-plan.ts).
 */
export const GROUP_ROLE_NAMES: ReadonlySet<string> = new Set(GROUP_SHEET_KEYS.map((key) => roleNameFor(key)));

/** Sheets the add-in made beside an assessment, which are no part of it. */
const notAssessment = (name: string) => name === CHECK_REPORT_ROLE_NAME || GROUP_ROLE_NAMES.has(name);

/**
 * The sheet the add-in's `roleName` marks, as it is named in `sheets` now (users rename sheets, and
 * Excel keeps the name pointing at the sheet); null when there is no such name or the sheet is gone.
 */
export function sheetMarkedBy(
  roleName: string,
  names: Record<string, string>,
  sheets: readonly string[],
): string | null {
  const reference = names[roleName];
  const lower = (reference ? sheetOfReference(reference) : undefined)?.toLowerCase();
  return sheets.find((name) => name.toLowerCase() === lower) ?? null;
}

/**
 * The sheets of the assessment this add-in made: those its NPS_Sheet_* names point at (so renames
 * are followed) but the check report and the group sheets, and a very hidden metadata sheet whose
 * names were lost (as when sheets are copied to a new workbook). Users can hide a sheet from Excel's
 * menus but cannot make it very hidden, so a visible or merely hidden sheet called NPS_Metadata is a
 * user's own.
 * Sheet names compare without case.
 */
export function sheetsMadeByUs(sheets: SheetListing[], names: Record<string, string>): string[] {
  const referenced = new Set(
    Object.entries(names)
      .filter(([name]) => name.startsWith("NPS_Sheet_") && !notAssessment(name))
      .map(([, reference]) => sheetOfReference(reference)?.toLowerCase()),
  );
  const isOurs = (sheet: SheetListing) =>
    referenced.has(sheet.name.toLowerCase()) ||
    (sheet.name.toLowerCase() === SHEET_NAMES.metadata.toLowerCase() && sheet.visibility === "veryHidden");
  return sheets.filter(isOurs).map((sheet) => sheet.name);
}
