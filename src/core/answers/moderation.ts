/**
 * A moderated return's record read back: the source returns from the metadata, each respondent's levels and the
 * moderation notes from the Moderation sheet, by behaviour ID wherever its row stands. What the upgrade carries
 * and the checker compares; the agreed levels are ordinary answers (from-snapshot.ts).
 */
import { MODERATION, MODERATION_RESPONDENTS_FROM, MODERATION_SOURCES } from "../plan/layout";
import type { ModerationRecord, ModerationSource, RespondentLevels } from "../plan/moderation-types";
import type { SnapshotSheet, WorkbookSnapshot } from "../snapshot/types";
import { cellAddress } from "../util/a1";

/** A cell's content as text ("" when empty), as typed. */
const textAt = (sheet: SnapshotSheet | undefined, row: number, column: number): string => {
  const value = sheet?.cells[cellAddress(row, column)]?.value;
  return value === null || value === undefined ? "" : String(value);
};

/** The sources listed beside the metadata's properties, below their header; [] when there is no such list. */
function readSources(metadata: SnapshotSheet | undefined): ModerationSource[] {
  const { column, headerRow, firstRow, headers } = MODERATION_SOURCES;
  const C = MODERATION_SOURCES.columns;
  if (!headers.every((header, i) => textAt(metadata, headerRow, column + i) === header)) return [];
  const sources: ModerationSource[] = [];
  const at = (row: number, key: keyof typeof C) => textAt(metadata, row, column + C[key] - 1);
  for (let row = firstRow; at(row, "file") !== "" || at(row, "answersFingerprint") !== ""; row++)
    sources.push({
      file: at(row, "file"),
      respondent: at(row, "respondent"),
      role: at(row, "role"),
      answersFingerprint: at(row, "answersFingerprint"),
    });
  return sources;
}

/** Each behaviour row of the Moderation sheet (column A holds its ID): the respondents' levels and the note. */
function readRows(sheet: SnapshotSheet | undefined, sourceCount: number) {
  const levels: Record<string, RespondentLevels[]> = {};
  const notes: Record<string, string> = {};
  if (!sheet) return { levels, notes };
  const rows = new Set(Object.keys(sheet.cells).map((address) => Number(/\d+$/.exec(address)?.[0])));
  for (const row of [...rows].filter((r) => r >= MODERATION.firstRow).sort((a, b) => a - b)) {
    const id = textAt(sheet, row, MODERATION.columns.id).trim();
    if (id === "" || id in levels) continue;
    levels[id] = Array.from({ length: sourceCount }, (_, s) => ({
      current: textAt(sheet, row, MODERATION_RESPONDENTS_FROM + 2 * s),
      target: textAt(sheet, row, MODERATION_RESPONDENTS_FROM + 2 * s + 1),
    }));
    const note = textAt(sheet, row, MODERATION.columns.note);
    if (note.trim() !== "") notes[id] = note;
  }
  return { levels, notes };
}

/**
 * The moderation of the assessment whose sheets play `roles` (from readAssessment); undefined when the metadata
 * lists no source returns (the return was not made by moderation).
 */
export function readModeration(
  snapshot: WorkbookSnapshot,
  roles: Record<string, string>,
): ModerationRecord | undefined {
  const sheetNamed = (name: string | undefined) => snapshot.sheets.find((s) => s.name === name);
  const sources = readSources(sheetNamed(roles.metadata));
  if (sources.length === 0) return undefined;
  return { sources, ...readRows(sheetNamed(roles.moderation), sources.length) };
}
