import { roleNameFor, SHEET_NAMES } from "../plan/layout";
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
 * The sheets of the assessment this add-in made: those its NPS_Sheet_* names point at (so renames
 * are followed) but the check report, and a very hidden metadata sheet whose names were lost (as
 * when sheets are copied to a new workbook). Users can hide a sheet from Excel's menus but cannot
 * make it very hidden, so a visible or merely hidden sheet called NPS_Metadata is a user's own.
 * Sheet names compare without case.
 */
export function sheetsMadeByUs(sheets: SheetListing[], names: Record<string, string>): string[] {
  const referenced = new Set(
    Object.entries(names)
      .filter(([name]) => name.startsWith("NPS_Sheet_") && name !== CHECK_REPORT_ROLE_NAME)
      .map(([, reference]) => sheetOfReference(reference)?.toLowerCase()),
  );
  const isOurs = (sheet: SheetListing) =>
    referenced.has(sheet.name.toLowerCase()) ||
    (sheet.name.toLowerCase() === SHEET_NAMES.metadata.toLowerCase() && sheet.visibility === "veryHidden");
  return sheets.filter(isOurs).map((sheet) => sheet.name);
}
