import { defaultSheetNames } from "../plan/build-plan";
import {
  GUIDE,
  GUIDE_DETAILS_SINCE_LAYOUT,
  KEY_AREA,
  METADATA_KEYS,
  RETIRED,
  roleNameFor,
  SHEET_NAMES,
  type MetadataKey,
} from "../plan/layout";
import { answerSheets } from "./answer-sheets";
import { sheetsMadeByUs } from "../snapshot/our-sheets";
import { sheetOfReference } from "../snapshot/references";
import type { SnapshotSheet, WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { serialToIsoDate } from "../util/dates";
import type { Answers, BehaviourAnswer } from "../plan/answer-types";

export interface AssessmentInfo {
  council: string;
  assessmentDate: string;
  /** Who answered ("" when not given, or the workbook's layout predates the cell). */
  respondent: string;
  /** The respondent's role or department. */
  role: string;
  /** As the Guide shows them; whether they make the return final is signOffState's decision (assessment/sign-off.ts). */
  signedOffBy: string;
  /** ISO date, or "" (or text, as typed, when it is not a date). */
  signedOffOn: string;
  metadata: Partial<Record<MetadataKey, string>>;
}

export interface FoundAssessment {
  /** Current names of the sheets the add-in made, by plan key (users may have renamed them). */
  roles: Record<string, string>;
  /** Every sheet the add-in made, including key area sheets of an older toolkit. */
  ourSheets: string[];
  answers: Answers;
  info: AssessmentInfo;
}

const text = (sheet: SnapshotSheet | undefined, address: string): string => {
  const value = sheet?.cells[address]?.value;
  return value === null || value === undefined ? "" : String(value);
};

/** A date cell as ISO: Excel serial numbers convert; text that is already ISO is kept. */
function dateText(sheet: SnapshotSheet | undefined, address: string): string {
  const value = sheet?.cells[address]?.value;
  if (typeof value === "number" && value > 0) return serialToIsoDate(value);
  return typeof value === "string" ? value.trim() : "";
}

function findRoles(
  snapshot: WorkbookSnapshot,
  toolkit: Toolkit,
): { roles: Record<string, string>; ourSheets: string[] } {
  const existing = new Set(snapshot.sheets.map((s) => s.name));
  const roles: Record<string, string> = {};
  for (const key of Object.keys(defaultSheetNames(toolkit))) {
    const reference = snapshot.names[roleNameFor(key)];
    const sheet = reference ? sheetOfReference(reference) : undefined;
    if (sheet && existing.has(sheet)) roles[key] = sheet;
  }
  const ourSheets = sheetsMadeByUs(snapshot.sheets, snapshot.names);
  const metadataSheet = ourSheets.find((name) => name.toLowerCase() === SHEET_NAMES.metadata.toLowerCase());
  if (!roles.metadata && metadataSheet) roles.metadata = metadataSheet;
  return { roles, ourSheets };
}

/** The row of each metadata property (its name in column A, its value in B), in the rows the reader looks at. */
export function metadataRows(sheet: SnapshotSheet | undefined): Partial<Record<MetadataKey, number>> {
  const rows: Partial<Record<MetadataKey, number>> = {};
  for (let row = 2; row <= METADATA_KEYS.length + 10; row++) {
    const key = text(sheet, `A${row}`) as MetadataKey;
    if ((METADATA_KEYS as readonly string[]).includes(key)) rows[key] = row;
  }
  return rows;
}

function readMetadata(sheet: SnapshotSheet | undefined): Partial<Record<MetadataKey, string>> {
  const metadata: Partial<Record<MetadataKey, string>> = {};
  for (const [key, row] of Object.entries(metadataRows(sheet))) metadata[key as MetadataKey] = text(sheet, `B${row}`);
  return metadata;
}

type AnswerColumns = Record<"id" | "current" | "target" | "evidence" | "owner" | "reviewDate", number>;

/**
 * Whether the Guide has the respondent and sign-off cells: an older layout has other text where they
 * are now. A workbook without a layout stamp is taken as current (the checker reports the stamp missing).
 */
export function guideHasDetails(metadata: Partial<Record<MetadataKey, string>>): boolean {
  return !metadata.layoutVersion || Number(metadata.layoutVersion) >= GUIDE_DETAILS_SINCE_LAYOUT;
}

/** Answers on a sheet with one behaviour a row from `firstRow`, by the behaviour ID in each row; stops at the first row without one. */
function readAnswerRows(
  sheet: SnapshotSheet | undefined,
  firstRow: number,
  C: AnswerColumns,
): Record<string, BehaviourAnswer> {
  const found: Record<string, BehaviourAnswer> = {};
  for (let row = firstRow; sheet; row++) {
    const id = text(sheet, cellAddress(row, C.id)).trim();
    if (id === "") break;
    const answer: BehaviourAnswer = {
      current: text(sheet, cellAddress(row, C.current)),
      target: text(sheet, cellAddress(row, C.target)),
      evidence: text(sheet, cellAddress(row, C.evidence)),
      owner: text(sheet, cellAddress(row, C.owner)),
      reviewDate: dateText(sheet, cellAddress(row, C.reviewDate)),
    };
    found[id] = Object.fromEntries(Object.entries(answer).filter(([, v]) => v !== "")) as BehaviourAnswer;
  }
  return found;
}

/**
 * Finds an assessment this add-in made in a workbook snapshot (by its defined names, so renamed
 * sheets are followed) and reads every answer by behaviour ID, exactly as it was typed (what to do
 * with an entry that is not a level is the caller's decision). null when there is none.
 */
export function readAssessment(snapshot: WorkbookSnapshot, toolkit: Toolkit): FoundAssessment | null {
  const { roles, ourSheets } = findRoles(snapshot, toolkit);
  if (!roles.metadata && !roles.guide) return null;
  const sheetNamed = (name: string | undefined) => snapshot.sheets.find((s) => s.name === name);
  const guide = sheetNamed(roles.guide);
  const behaviours: Record<string, BehaviourAnswer> = {};
  const namedKeyAreaSheets = Object.entries(snapshot.names)
    .filter(([name]) => name.startsWith(roleNameFor("keyArea:")))
    .map(([, reference]) => sheetNamed(sheetOfReference(reference)))
    .filter((sheet): sheet is SnapshotSheet => sheet !== undefined);
  // Only the sheets the Summary, Gaps and Data formulas read: a name alone decides nothing.
  const keyAreaRows = answerSheets(snapshot, roles, namedKeyAreaSheets).map((sheet) =>
    readAnswerRows(sheet, KEY_AREA.firstBehaviourRow, KEY_AREA.columns),
  );
  const ownRows = new Set(keyAreaRows.flatMap((rows) => Object.keys(rows)));
  // A retired answer counts only for a behaviour with no row of its own here (one a newer toolkit brings back).
  for (const [id, answer] of Object.entries(
    readAnswerRows(sheetNamed(roles.retired), RETIRED.firstRow, RETIRED.columns),
  )) {
    if (Object.keys(answer).length > 0 && !ownRows.has(id)) behaviours[id] = answer;
  }
  for (const rows of keyAreaRows) {
    for (const [id, answer] of Object.entries(rows)) {
      if (Object.keys(answer).length > 0) behaviours[id] = answer;
    }
  }
  const metadata = readMetadata(sheetNamed(roles.metadata));
  const at = (cell: { row: number; column: number }) => cellAddress(cell.row, cell.column);
  const guideDetails = guideHasDetails(metadata) ? guide : undefined;
  const info: AssessmentInfo = {
    council: text(guide, at(GUIDE.councilCell)),
    assessmentDate: dateText(guide, at(GUIDE.dateCell)),
    respondent: text(guideDetails, at(GUIDE.respondentCell)),
    role: text(guideDetails, at(GUIDE.roleCell)),
    signedOffBy: text(guideDetails, at(GUIDE.signedOffByCell)),
    signedOffOn: dateText(guideDetails, at(GUIDE.signedOffOnCell)),
    metadata,
  };
  const answers: Answers = {
    behaviours,
    ...(info.council ? { council: info.council } : {}),
    ...(info.assessmentDate ? { assessmentDate: info.assessmentDate } : {}),
    ...(info.respondent ? { respondent: info.respondent } : {}),
    ...(info.role ? { role: info.role } : {}),
  };
  return { roles, ourSheets, answers, info };
}
