/** Every note the user reads after a build, an upgrade or a repair, in one place. */
import type { WorkbookPlan } from "../plan/types";
import type { Toolkit } from "../toolkit/schema";
import type { NameChoice } from "./sheet-names";

export function builtNote(plan: WorkbookPlan): string {
  const keyAreas = plan.sheets.filter((s) => s.role === "keyArea").length;
  return `Built the assessment: a guide, ${keyAreas} key area sheets, a summary, a gaps sheet and a data sheet.`;
}

export function upgradedNote(fromVersion: string, toolkit: Toolkit): string {
  const from = fromVersion || "an earlier version";
  return `Upgraded the assessment from toolkit ${from} to ${toolkit.version}: every part the add-in made was rewritten.`;
}

export const REPAIRED_NOTE = "Repaired the assessment: every part the add-in made was rewritten.";

export function carriedNote(count: number): string {
  return `Carried ${count} answered ${count === 1 ? "behaviour" : "behaviours"} across, by behaviour ID.`;
}

export function keptNamesNote(names: string[]): string[] {
  return names.length > 0
    ? [`Kept the names you gave the assessment's sheets: ${names.map((n) => `"${n}"`).join(", ")}.`]
    : [];
}

export function leftAloneNote(name: string): string {
  return `The sheet "${name}" is no longer part of the assessment (a key area the toolkit dropped, or retired answers you cleared); it was left as it is.`;
}

/** A visible sheet that had to take another name because the user already has one called that. */
export function movedNotes(plan: WorkbookPlan, choice: NameChoice): string[] {
  return choice.moved
    .filter(({ key }) => plan.sheets.find((s) => s.key === key)?.visibility === "visible")
    .map(
      ({ wanted, used }) =>
        `Your workbook already has a sheet called "${wanted}", so the assessment's sheet is called "${used}". Your sheet was not changed.`,
    );
}

/** Said when the writer cannot apply print setup and filter buttons (Excel below ExcelApi 1.9). */
export const NO_PRINT_OR_FILTER_NOTE =
  "This version of Excel cannot set print options or filter buttons from an add-in, so the sheets use Excel's default print settings and the Gaps sheet has no filter buttons (Data > Filter adds them).";
