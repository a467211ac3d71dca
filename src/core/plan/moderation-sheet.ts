import { absoluteColumn, formulaString, rangeAddress } from "../util/a1";
import { behaviourLookups, type BehaviourEntry } from "./behaviour-rows";
import { workbookWords } from "../words/workbook";
import { MODERATION, MODERATION_RESPONDENTS_FROM, SHEET_NAMES } from "./layout";
import type { ModerationRecord, ModerationSource, RespondentLevels } from "./moderation-types";
import { SheetBuilder } from "./sheet-builder";
import {
  COLOURS,
  HEADER,
  INPUT,
  SCORE_FORMAT,
  SUBTITLE,
  TEXT_FORMAT,
  TWO_LINE_HEADER_HEIGHT,
  WRAPPED_TEXT,
  wrappedHeight,
} from "./style";
import type { PlanCell, SheetPlan } from "./types";

const M = MODERATION.columns;
const L = MODERATION.letters;
const words = workbookWords.moderation;

/** The lowest and highest of the respondents' scores for one level (current or target), and how far apart. */
export interface LevelRange {
  lowest: number;
  highest: number;
  spread: number;
  /** The scores given, lowest first (a respondent who gave none is not counted). */
  scores: number[];
}

/** The range of the levels the respondents gave (level names → scores 1–5); undefined when none gave one. */
export function levelRange(given: readonly string[], levels: readonly string[]): LevelRange | undefined {
  const scores = given
    .map((name) => levels.indexOf(name) + 1)
    .filter((score) => score > 0)
    .sort((a, b) => a - b);
  if (scores.length === 0) return undefined;
  const [lowest, highest] = [scores[0], scores[scores.length - 1]];
  return { lowest, highest, spread: highest - lowest, scores };
}

/** How a respondent is named on the sheet: their name, or the file when the return did not say. */
export const respondentLabel = (source: ModerationSource) => source.respondent.trim() || source.file;

/** The words of the "Respondents differ" column: which levels are two or more apart, or "" when none are. */
export function differText(current: LevelRange | undefined, target: LevelRange | undefined): string {
  const apart = [
    ...(current && current.spread >= MODERATION.flagSpread ? [words.currentApart(current.spread)] : []),
    ...(target && target.spread >= MODERATION.flagSpread ? [words.targetApart(target.spread)] : []),
  ];
  return apart.length > 0 ? words.differ(apart) : "";
}

/** "" when the agreed score (a cell) is within the range given as two cells, or no range or no score. */
const outsideOf = (score: string, lowest: string, highest: string) =>
  `AND(ISNUMBER(${score}),ISNUMBER(${lowest}),OR(${score}<${lowest},${score}>${highest}))`;

/** Flags an agreed level outside the respondents' range until a moderation note says why. */
function outsideFormula(row: number): string {
  const at = (letter: string) => `${letter}${row}`;
  const noteGiven = `IFERROR(TRIM(${at(L.note)})<>"",FALSE)`;
  const current = outsideOf(at(L.agreedCurrentScore), at(L.lowestCurrent), at(L.highestCurrent));
  const target = outsideOf(at(L.agreedTargetScore), at(L.lowestTarget), at(L.highestTarget));
  return `IF(${noteGiven},"",IF(OR(${current},${target}),${formulaString(words.outside)},""))`;
}

function moderationRow(
  entry: BehaviourEntry,
  row: number,
  given: readonly RespondentLevels[],
  note: string | undefined,
  levels: readonly string[],
): PlanCell[] {
  const look = behaviourLookups(entry, absoluteColumn(row, M.id), levels);
  const current = levelRange(
    given.map((g) => g.current),
    levels,
  );
  const target = levelRange(
    given.map((g) => g.target),
    levels,
  );
  const fixed = MODERATION.row<PlanCell>({
    id: entry.behaviour.id,
    keyArea: entry.keyArea.name,
    behaviour: entry.behaviour.name,
    lowestCurrent: current?.lowest ?? null,
    highestCurrent: current?.highest ?? null,
    currentSpread: current?.spread ?? null,
    agreedCurrentScore: { formula: look.currentScore },
    agreedCurrent: { formula: look.currentLevel(`${L.agreedCurrentScore}${row}`) },
    lowestTarget: target?.lowest ?? null,
    highestTarget: target?.highest ?? null,
    targetSpread: target?.spread ?? null,
    agreedTargetScore: { formula: look.targetScore },
    agreedTarget: { formula: look.targetLevel(`${L.agreedTargetScore}${row}`) },
    differ: differText(current, target) || null,
    outside: { formula: outsideFormula(row) },
    note: note ?? null,
  });
  return [...fixed, ...given.flatMap((g) => [g.current || null, g.target || null])];
}

function explanation(record: ModerationRecord): string[] {
  return [words.agreedLevels(record.sources.length, MODERATION.flagSpread), words.respondentsRight];
}

/** One row per behaviour: every respondent's levels side by side, their spread, the agreed levels and a note. */
export function moderationSheet(
  record: ModerationRecord,
  entries: BehaviourEntry[],
  sheetNames: Record<string, string>,
  levels: readonly string[],
): SheetPlan {
  const respondentWidths = record.sources.flatMap(() => [MODERATION.respondentWidth, MODERATION.respondentWidth]);
  const sheet = new SheetBuilder("moderation", "moderation", sheetNames.moderation ?? SHEET_NAMES.moderation, [
    ...MODERATION.widths,
    ...respondentWidths,
  ]);
  const first = MODERATION.firstRow;
  const last = first + entries.length - 1;
  const lastColumn = MODERATION.columnCount + respondentWidths.length;
  const headers = [
    ...MODERATION.headers,
    ...record.sources.flatMap((source) => [
      `${respondentLabel(source)}: current`,
      `${respondentLabel(source)}: target`,
    ]),
  ];
  const rows = entries.map((entry, i) =>
    moderationRow(
      entry,
      first + i,
      record.sources.map((_, s) => record.levels[entry.behaviour.id]?.[s] ?? { current: "", target: "" }),
      record.notes[entry.behaviour.id],
      levels,
    ),
  );
  const column = (left: number, right = left) => rangeAddress(first, left, last, right);
  sheet
    .title(words.title)
    .block(
      2,
      1,
      explanation(record).map((line) => [line]),
    )
    .style("A2:A3", SUBTITLE)
    .block(MODERATION.headerRow, 1, [headers, ...rows])
    .style(rangeAddress(MODERATION.headerRow, 1, MODERATION.headerRow, lastColumn), HEADER)
    .rowHeight(MODERATION.headerRow, TWO_LINE_HEADER_HEIGHT * 1.5)
    .style(column(1, lastColumn), { ...WRAPPED_TEXT, border: "thin" })
    .style(column(M.id), { bold: true })
    .style(column(M.lowestCurrent, M.agreedCurrentScore), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .style(column(M.lowestTarget, M.agreedTargetScore), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .style(column(M.note), { ...INPUT, wrap: true, numberFormat: TEXT_FORMAT });
  if (respondentWidths.length > 0)
    sheet.style(column(MODERATION_RESPONDENTS_FROM, lastColumn), { numberFormat: TEXT_FORMAT });
  entries.forEach((entry, i) =>
    sheet.rowHeight(
      first + i,
      wrappedHeight([
        { text: entry.behaviour.name, width: MODERATION.width.behaviour },
        { text: entry.keyArea.name, width: MODERATION.width.keyArea },
      ]),
    ),
  );
  const flagged = { fill: COLOURS.invalidFill, fontColor: COLOURS.invalidText, bold: true };
  // The colour repeats what the text columns say, so nothing is told by colour alone.
  const wide = (letter: string) => `AND(ISNUMBER(${letter}${first}),${letter}${first}>=${MODERATION.flagSpread})`;
  const flag = (left: number, formula: string) =>
    sheet.conditional({ type: "expression", range: column(left), formula, style: flagged });
  flag(M.currentSpread, wide(L.currentSpread));
  flag(M.targetSpread, wide(L.targetSpread));
  flag(M.differ, `${L.differ}${first}<>""`);
  flag(M.outside, `${L.outside}${first}<>""`);
  sheet.plan.freeze = { rows: MODERATION.headerRow, columns: M.behaviour };
  sheet.plan.protection = { allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false };
  sheet.printLandscape(MODERATION.headerRow, { fitToWidth: false });
  return sheet.plan;
}
