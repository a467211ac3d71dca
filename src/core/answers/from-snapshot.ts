import { defaultSheetNames } from "../plan/build-plan";
import {
  GUIDE,
  GUIDE_DETAILS_SINCE_LAYOUT,
  GUIDE_PEERS_SINCE_LAYOUT,
  KEY_AREA,
  olderKeyAreaColumns,
  keyAreaSheetKey,
  METADATA_KEYS,
  PREVIOUS_SINCE_LAYOUT,
  RETIRED,
  roleNameFor,
  SHEET_NAMES,
  type KeyAreaColumn,
  type MetadataKey,
} from "../plan/layout";
import { readActions } from "./action-rows";
import { answerSheets } from "./answer-sheets";
import { sheetsMadeByUs } from "../snapshot/our-sheets";
import { sheetOfReference } from "../snapshot/references";
import type { SnapshotSheet, WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { dateValue, describeAnswer, placeAnswers, rowsWithoutId, scanSheet, type ScannedSheet } from "./answer-rows";
import type { Answers, BehaviourAnswer, PreviousAnswer, PreviousAnswers } from "../plan/answer-types";
import { upgradeWords } from "../words/upgrade";

export interface AssessmentInfo {
  council: string;
  assessmentDate: string;
  /** Who answered ("" when not given, or the workbook's layout predates the cell). */
  respondent: string;
  /** The respondent's role or department. */
  role: string;
  /** As typed or picked ("" when not given, or the workbook's layout predates the cell). */
  councilType: string;
  region: string;
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
  /** Entries that could not be placed at a behaviour, and actions to look at, each said in a note naming where it is. */
  unplaced: string[];
}

const text = (sheet: SnapshotSheet | undefined, address: string): string => {
  const value = sheet?.cells[address]?.value;
  return value === null || value === undefined ? "" : String(value);
};

/** A date cell as ISO: Excel serial numbers convert; text that is already ISO is kept. */
const dateText = (sheet: SnapshotSheet | undefined, address: string) => dateValue(sheet?.cells[address]?.value);

/** The key area a sheet's subtitle (A2) names, as the generator writes it. */
function shownKeyAreaId(sheet: SnapshotSheet): string | undefined {
  return /Key area ID: ([^.\s]+)\./.exec(text(sheet, "A2"))?.[1];
}

/**
 * Of the roles whose names point at one sheet (a name of the add-in's pointed at another of its
 * sheets), the one the sheet plays: the role whose default name it has, or the key area its subtitle names.
 */
function roleOfSheet(sheet: SnapshotSheet, keys: string[], defaults: Record<string, string>): string {
  return (
    keys.find((key) => defaults[key] === sheet.name) ??
    keys.find((key) => key === keyAreaSheetKey(shownKeyAreaId(sheet) ?? "")) ??
    keys[0]
  );
}

function findRoles(
  snapshot: WorkbookSnapshot,
  toolkit: Toolkit,
): { roles: Record<string, string>; ourSheets: string[] } {
  const defaults = defaultSheetNames(toolkit);
  const claims = new Map<SnapshotSheet, string[]>();
  for (const key of Object.keys(defaults)) {
    const reference = snapshot.names[roleNameFor(key)];
    const name = reference ? sheetOfReference(reference) : undefined;
    const sheet = snapshot.sheets.find((s) => s.name === name);
    if (sheet) claims.set(sheet, [...(claims.get(sheet) ?? []), key]);
  }
  const roles: Record<string, string> = {};
  for (const [sheet, keys] of claims) roles[roleOfSheet(sheet, keys, defaults)] = sheet.name;
  const found = findOwnKeyAreaSheets(snapshot, [...claims.values()].flat(), roles);
  const ourSheets = [...new Set([...sheetsMadeByUs(snapshot.sheets, snapshot.names), ...found])];
  const metadataSheet = ourSheets.find((name) => name.toLowerCase() === SHEET_NAMES.metadata.toLowerCase());
  if (!roles.metadata && metadataSheet) roles.metadata = metadataSheet;
  return { roles, ourSheets };
}

/**
 * A key area whose name was pointed at another of our sheets: its own sheet, no longer named, is the
 * one whose subtitle names the key area. Adds it to `roles`; returns the sheets so found.
 */
function findOwnKeyAreaSheets(snapshot: WorkbookSnapshot, named: string[], roles: Record<string, string>): string[] {
  const taken = new Set(Object.values(roles));
  const found: string[] = [];
  for (const key of named) {
    if (roles[key] || !key.startsWith(keyAreaSheetKey(""))) continue;
    const own = snapshot.sheets.find((s) => !taken.has(s.name) && keyAreaSheetKey(shownKeyAreaId(s) ?? "") === key);
    if (!own) continue;
    roles[key] = own.name;
    taken.add(own.name);
    found.push(own.name);
  }
  return found;
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

/**
 * Whether the Guide has the respondent and sign-off cells: an older layout has other text where they
 * are now. A workbook without a layout stamp is taken as current (the checker reports the stamp missing).
 */
export function guideHasDetails(metadata: Partial<Record<MetadataKey, string>>): boolean {
  return !metadata.layoutVersion || Number(metadata.layoutVersion) >= GUIDE_DETAILS_SINCE_LAYOUT;
}

/** Whether the Guide has the council type and region pickers (an older layout has other rows there). */
export function guideHasPeerDetails(metadata: Partial<Record<MetadataKey, string>>): boolean {
  return !metadata.layoutVersion || Number(metadata.layoutVersion) >= GUIDE_PEERS_SINCE_LAYOUT;
}

/** Whether the key area sheets have the Previous columns: in an older layout those cells are the user's. */
export function hasPreviousColumns(metadata: Partial<Record<MetadataKey, string>>): boolean {
  return !metadata.layoutVersion || Number(metadata.layoutVersion) >= PREVIOUS_SINCE_LAYOUT;
}

/**
 * Every answer of the key area sheets and the Retired answers sheet, by behaviour ID wherever its
 * row stands (answer-rows.ts), with a note for each entry that could not be placed. The key area
 * columns are read where the workbook's layout put them.
 */
function readAnswers(
  keyAreaSheets: SnapshotSheet[],
  retired: SnapshotSheet | undefined,
  metadata: Partial<Record<MetadataKey, string>>,
) {
  const idHeader = KEY_AREA.header.id;
  const columns = olderKeyAreaColumns(metadata.layoutVersion) ?? KEY_AREA.columns;
  const scanned = keyAreaSheets.map((sheet) => ({ sheet, scanned: scanSheet(sheet, columns, idHeader) }));
  // A retired answer counts only for a behaviour with no row of its own (one a newer toolkit brings back): where
  // the behaviour has its row, the figures read that row, so the retired answer is named, not carried.
  const ownRows = new Set(scanned.flatMap((s) => s.scanned.rows.map((row) => row.id)));
  const retiredRows = retired ? scanSheet(retired, RETIRED.columns).rows : [];
  const fromRetired = placeAnswers(retiredRows.filter((row) => !ownRows.has(row.id)));
  const retiredNotCounted = retiredRows
    .filter((row) => ownRows.has(row.id) && Object.keys(row.answer).length > 0)
    .map((row) => upgradeWords.retiredNotCarried({ ...row, answer: describeAnswer(row.answer) }));
  const fromKeyAreas = placeAnswers(scanned.flatMap((s) => s.scanned.rows));
  const behaviours: Record<string, BehaviourAnswer> = {};
  for (const placed of [fromRetired.answers, fromKeyAreas.answers])
    for (const [id, found] of placed) behaviours[id] = found.answer;
  // Rows above the grid's header are the key area's title and text, not answers.
  const withoutId = scanned.flatMap((s) =>
    rowsWithoutId(s.sheet.name, s.scanned, s.scanned.headerRow ?? KEY_AREA.headerRow),
  );
  return {
    behaviours,
    previous: hasPreviousColumns(metadata) ? readPrevious(scanned, columns) : {},
    unplaced: [...fromKeyAreas.unplaced, ...withoutId, ...fromRetired.unplaced, ...retiredNotCounted],
  };
}

/** Last year's answers in the Previous columns, by behaviour ID: the first row of a behaviour that has any. */
function readPrevious(
  scanned: { sheet: SnapshotSheet; scanned: ScannedSheet }[],
  columns: Readonly<Record<KeyAreaColumn, number>>,
): Record<string, PreviousAnswer> {
  const previous: Record<string, PreviousAnswer> = {};
  for (const { sheet, scanned: found } of scanned)
    for (const { id, row } of found.rows) {
      if (previous[id]) continue;
      const answer: PreviousAnswer = {
        current: text(sheet, cellAddress(row, columns.previousCurrent)),
        target: text(sheet, cellAddress(row, columns.previousTarget)),
        evidence: text(sheet, cellAddress(row, columns.previousEvidence)),
      };
      const filled = Object.fromEntries(Object.entries(answer).filter(([, v]) => v !== "")) as PreviousAnswer;
      if (Object.keys(filled).length > 0) previous[id] = filled;
    }
  return previous;
}

/**
 * The previous answers a workbook shows and where its metadata says they came from; undefined when it has
 * neither (a first-year workbook, or a layout before the Previous columns).
 */
function previousAnswers(
  behaviours: Record<string, PreviousAnswer>,
  metadata: Partial<Record<MetadataKey, string>>,
): PreviousAnswers | undefined {
  const source = {
    file: metadata.previousFile ?? "",
    assessmentDate: metadata.previousAssessmentDate ?? "",
    answersFingerprint: metadata.previousAnswersFingerprint ?? "",
  };
  const recorded = Object.values(source).some((value) => value !== "");
  return recorded || Object.keys(behaviours).length > 0 ? { source, behaviours } : undefined;
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
  // Those of this toolkit by role, and those of key areas it dropped by their names, for Retired answers.
  const keyAreaSheets = [
    ...Object.entries(roles)
      .filter(([key]) => key.startsWith(keyAreaSheetKey("")))
      .map(([, name]) => name),
    ...Object.entries(snapshot.names)
      .filter(([name]) => name.startsWith(roleNameFor(keyAreaSheetKey(""))))
      .map(([, reference]) => sheetOfReference(reference)),
  ]
    .map(sheetNamed)
    .filter((sheet): sheet is SnapshotSheet => sheet !== undefined);
  // Only the sheets the Summary, Gaps and Data formulas read: a name alone decides nothing.
  const read = answerSheets(snapshot, roles, [...new Set(keyAreaSheets)]);
  const actions = readActions(sheetNamed(roles.actions));
  const metadata = readMetadata(sheetNamed(roles.metadata));
  const { behaviours, previous: previousBehaviours, unplaced } = readAnswers(read, sheetNamed(roles.retired), metadata);
  const previous = previousAnswers(previousBehaviours, metadata);
  const at = (cell: { row: number; column: number }) => cellAddress(cell.row, cell.column);
  const guideDetails = guideHasDetails(metadata) ? guide : undefined;
  const guidePeers = guideHasPeerDetails(metadata) ? guide : undefined;
  const info: AssessmentInfo = {
    council: text(guide, at(GUIDE.councilCell)),
    assessmentDate: dateText(guide, at(GUIDE.dateCell)),
    respondent: text(guideDetails, at(GUIDE.respondentCell)),
    role: text(guideDetails, at(GUIDE.roleCell)),
    councilType: text(guidePeers, at(GUIDE.councilTypeCell)),
    region: text(guidePeers, at(GUIDE.regionCell)),
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
    ...(info.councilType ? { councilType: info.councilType } : {}),
    ...(info.region ? { region: info.region } : {}),
    ...(previous ? { previous } : {}),
    ...(actions.actions.length > 0 ? { actions: actions.actions } : {}),
  };
  return { roles, ourSheets, answers, info, unplaced: [...unplaced, ...actions.notes] };
}
