import { absoluteRange, cellAddress, columnLetter, formulaString, rangeAddress } from "../util/a1";
import { DATE_ENTRY_ERROR, EARLIEST_DATE, isoDateToSerial } from "../util/dates";
import { richTextToCell } from "../toolkit/text";
import { workbookWords } from "../words/workbook";
import type { KeyArea, Theme } from "../toolkit/schema";
import type { PreviousAnswer } from "./answer-types";
import type { CleanAnswer } from "./answers";
import { changeOf, gapOf, scoreOf } from "./formulas";
import { KEY_AREA, NOT_A_LEVEL, keyAreaSheetKey } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { COLOURS, HEADER, SUBTITLE, TWO_LINE_HEADER_HEIGHT, WRAPPED_TEXT, wrappedHeight } from "./style";
import type { ConditionalStyle, PlanCell, SheetPlan } from "./types";

const C = KEY_AREA.columns;
const words = workbookWords.keyArea;
const LAST_COLUMN = KEY_AREA.columnCount;

/** Where a key area sheet keeps its behaviour rows, for the Summary, Gaps and Data formulas. */
export interface KeyAreaRows {
  sheetName: string;
  firstRow: number;
  lastRow: number;
}

export const columnRange = (rows: KeyAreaRows, column: number, lastColumn = column) =>
  absoluteRange(rows.firstRow, column, rows.lastRow, lastColumn);

export function keyAreaRows(keyArea: KeyArea, sheetName: string): KeyAreaRows {
  const firstRow = KEY_AREA.firstBehaviourRow;
  return { sheetName, firstRow, lastRow: firstRow + keyArea.behaviours.length - 1 };
}

/** The grid's header row: the columns' headers, the descriptors headed by the toolkit's level names. */
const headerRow = (levels: readonly string[]): PlanCell[] =>
  KEY_AREA.row<PlanCell>({ ...KEY_AREA.header, descriptors: levels });

/** The principle row: read-only text, with no answers and no scores. */
const principleRow = (descriptors: string[]): PlanCell[] =>
  KEY_AREA.row<PlanCell>({
    ...KEY_AREA.blankRow<PlanCell>(null),
    id: words.principleId,
    behaviour: words.principle,
    descriptors,
  });

/** This year's answer to a behaviour and last year's (the Previous columns), as the plan writes them. */
interface RowAnswers {
  answer: CleanAnswer;
  previous: PreviousAnswer;
}

function behaviourRow(
  row: number,
  id: string,
  name: string,
  descriptors: string[],
  { answer, previous }: RowAnswers,
  levels: readonly string[],
): PlanCell[] {
  const at = (column: number) => cellAddress(row, column);
  return KEY_AREA.row<PlanCell>({
    // A column the layout adds is blank until the row gives it a value.
    ...KEY_AREA.blankRow<PlanCell>(null),
    id,
    behaviour: name,
    descriptors,
    current: answer.current ?? null,
    target: answer.target ?? null,
    evidence: answer.evidence ?? null,
    owner: answer.owner ?? null,
    reviewDate: answer.reviewDate ? isoDateToSerial(answer.reviewDate) : null,
    currentScore: { formula: scoreOf(at(C.current), levels) },
    targetScore: { formula: scoreOf(at(C.target), levels) },
    gap: { formula: gapOf(at(C.currentScore), at(C.targetScore)) },
    previousCurrent: previous.current ?? null,
    previousTarget: previous.target ?? null,
    previousScore: { formula: scoreOf(at(C.previousCurrent), levels) },
    change: { formula: changeOf(at(C.currentScore), at(C.previousScore)) },
    previousEvidence: previous.evidence ?? null,
  });
}

function addIntroduction(sheet: SheetBuilder, theme: Theme, keyArea: KeyArea): void {
  const intro: [string, string][] = [
    [words.intro.description, richTextToCell(keyArea.description)],
    [words.intro.whatItIs, richTextToCell(keyArea.help.whatItIs)],
    [words.intro.whyItIsImportant, richTextToCell(keyArea.help.whyItIsImportant)],
  ];
  sheet
    .title(keyArea.name)
    .block(2, 1, [[words.subtitle(theme.name, keyArea.id)]])
    .style("A2", SUBTITLE)
    .block(
      3,
      1,
      intro.map(([label, text]) => [label, text]),
    )
    .style("A3:A5", { bold: true, vertical: "top", wrap: true })
    .style("B3:B5", WRAPPED_TEXT);
  intro.forEach(([, text], i) => {
    const row = 3 + i;
    sheet.merge(rangeAddress(row, 2, row, LAST_COLUMN)).rowHeight(row, wrappedHeight([{ text, width: 280 }]));
  });
}

/** The answers a key area sheet shows, by behaviour ID: this year's and last year's. */
export interface KeyAreaAnswers {
  answers: Record<string, CleanAnswer>;
  previous: Record<string, PreviousAnswer>;
}

function addGrid(
  sheet: SheetBuilder,
  keyArea: KeyArea,
  answers: KeyAreaAnswers,
  levels: readonly string[],
  rows: KeyAreaRows,
): void {
  const principle = keyArea.principle.descriptors.map(richTextToCell);
  const grid: PlanCell[][] = [
    headerRow(levels),
    principleRow(principle),
    ...keyArea.behaviours.map((behaviour, i) =>
      behaviourRow(
        rows.firstRow + i,
        behaviour.id,
        behaviour.name,
        behaviour.descriptors.map(richTextToCell),
        { answer: answers.answers[behaviour.id] ?? {}, previous: answers.previous[behaviour.id] ?? {} },
        levels,
      ),
    ),
  ];
  sheet.block(KEY_AREA.headerRow, 1, grid).rowHeight(KEY_AREA.headerRow, TWO_LINE_HEADER_HEIGHT);
  const descriptorWidths = (texts: string[]) => texts.map((text) => ({ text, width: KEY_AREA.width.descriptors }));
  sheet.rowHeight(KEY_AREA.principleRow, wrappedHeight(descriptorWidths(principle)));
  keyArea.behaviours.forEach((behaviour, i) => {
    const texts = [...behaviour.descriptors.map(richTextToCell)];
    sheet.rowHeight(
      rows.firstRow + i,
      wrappedHeight([...descriptorWidths(texts), { text: behaviour.name, width: KEY_AREA.width.behaviour }]),
    );
  });
}

function styleGrid(sheet: SheetBuilder, rows: KeyAreaRows): void {
  const { firstRow, lastRow } = rows;
  const body = (left: number, right = left) => rangeAddress(firstRow, left, lastRow, right);
  sheet
    .style(rangeAddress(KEY_AREA.headerRow, 1, KEY_AREA.headerRow, LAST_COLUMN), HEADER)
    .style(rangeAddress(KEY_AREA.principleRow, 1, KEY_AREA.principleRow, LAST_COLUMN), {
      ...WRAPPED_TEXT,
      italic: true,
      fill: COLOURS.principleFill,
      border: "thin",
    })
    .style(body(1, LAST_COLUMN), { ...WRAPPED_TEXT, border: "thin" })
    .style(body(C.id, C.behaviour), { bold: true })
    .inputColumns(KEY_AREA, { first: firstRow, last: lastRow })
    .columnFormats(KEY_AREA, { first: firstRow, last: lastRow }, { score: { horizontal: "center" } })
    // Last year's answers: locked (the sheet's default) and greyed as read-only; their formats come with their columns.
    .style(body(C.previousCurrent, C.previousTarget), { fill: COLOURS.previousFill })
    .style(body(C.previousEvidence), { fill: COLOURS.previousFill });
}

function addPickers(sheet: SheetBuilder, levels: readonly string[], rows: KeyAreaRows): void {
  const range = (column: number) => rangeAddress(rows.firstRow, column, rows.lastRow, column);
  const levelList = levels.join(", ");
  const picker = (column: number, prompt: { title: string; message: string }) =>
    sheet.validate({
      type: "list",
      range: range(column),
      values: [...levels],
      allowBlank: true,
      prompt,
      error: { title: words.levelError.title, message: words.levelError.message(levelList) },
    });
  picker(C.current, { title: words.currentPicker.title, message: words.currentPicker.message(levelList) });
  picker(C.target, { title: words.targetPicker.title, message: words.targetPicker.message(levelList) });
  sheet.validate({
    type: "date",
    range: range(C.reviewDate),
    minimum: isoDateToSerial(EARLIEST_DATE),
    allowBlank: true,
    prompt: { title: words.reviewDatePrompt.title, message: words.reviewDatePrompt.message },
    error: DATE_ENTRY_ERROR,
  });
}

function addHighlights(sheet: SheetBuilder, rows: KeyAreaRows): void {
  const first = rows.firstRow;
  const descriptors = rangeAddress(first, C.descriptors, rows.lastRow, KEY_AREA.lastColumns.descriptors);
  const firstDescriptor = KEY_AREA.letters.descriptors;
  // Level number of the descriptor column the rule is evaluated in: 1 for Minimum … 5 for Innovator.
  const levelOfColumn = `COLUMN(${firstDescriptor}${first})-COLUMN($${firstDescriptor}${first})+1`;
  const score = (column: number) => `$${columnLetter(column)}${first}`;
  const highlight = (column: number, style: ConditionalStyle) =>
    sheet.conditional({
      type: "expression",
      range: descriptors,
      formula: `AND(ISNUMBER(${score(column)}),${score(column)}=${levelOfColumn})`,
      style,
    });
  highlight(C.currentScore, { fill: COLOURS.currentFill, fontColor: COLOURS.currentText, bold: true });
  highlight(C.targetScore, { fill: COLOURS.targetFill, fontColor: COLOURS.targetText, italic: true });
  sheet.conditional({
    type: "expression",
    range: rangeAddress(first, C.currentScore, rows.lastRow, C.targetScore),
    formula: `${cellAddress(first, C.currentScore)}=${formulaString(NOT_A_LEVEL)}`,
    style: { fill: COLOURS.invalidFill, fontColor: COLOURS.invalidText, bold: true },
  });
}

export function keyAreaSheet(
  theme: Theme,
  keyArea: KeyArea,
  sheetName: string,
  levels: readonly string[],
  answers: KeyAreaAnswers,
): { sheet: SheetPlan; rows: KeyAreaRows } {
  const rows = keyAreaRows(keyArea, sheetName);
  const sheet = new SheetBuilder(keyAreaSheetKey(keyArea.id), "keyArea", sheetName, KEY_AREA.widths);
  sheet.plan.keyAreaId = keyArea.id;
  addIntroduction(sheet, theme, keyArea);
  addGrid(sheet, keyArea, answers, levels, rows);
  styleGrid(sheet, rows);
  addPickers(sheet, levels, rows);
  addHighlights(sheet, rows);
  sheet.plan.freeze = { rows: KEY_AREA.headerRow, columns: C.behaviour };
  sheet.plan.protection = { allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false };
  sheet.printLandscape(KEY_AREA.headerRow);
  return { sheet: sheet.plan, rows };
}
