import { SHEET_NAMES } from "../plan/layout";
import { sheetOfReference } from "./references";
import type { SnapshotSheet } from "./types";

type SheetListing = Pick<SnapshotSheet, "name" | "visibility">;

/**
 * The sheets this add-in made: those its NPS_Sheet_* names point at (so renames are followed),
 * and a very hidden metadata sheet whose names were lost (as when sheets are copied to a new
 * workbook). Users can hide a sheet from Excel's menus but cannot make it very hidden, so a visible
 * or merely hidden sheet called NPS_Metadata is a user's own. Sheet names compare without case.
 */
export function sheetsMadeByUs(sheets: SheetListing[], names: Record<string, string>): string[] {
  const referenced = new Set(
    Object.entries(names)
      .filter(([name]) => name.startsWith("NPS_Sheet_"))
      .map(([, reference]) => sheetOfReference(reference)?.toLowerCase()),
  );
  const isOurs = (sheet: SheetListing) =>
    referenced.has(sheet.name.toLowerCase()) ||
    (sheet.name.toLowerCase() === SHEET_NAMES.metadata.toLowerCase() && sheet.visibility === "veryHidden");
  return sheets.filter(isOurs).map((sheet) => sheet.name);
}
