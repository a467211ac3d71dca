import type { ActionAnswer } from "./answer-types";
import { absoluteColumn, absoluteRange, quoteSheet } from "../util/a1";
import { DATE_ENTRY_ERROR, EARLIEST_DATE, isIsoDate, isoDateToSerial } from "../util/dates";
import { workbookWords } from "../words/workbook";
import { ACTION_STATUSES, ACTIONS, DATA, SHEET_NAMES } from "./layout";
import { tableSheet, type SheetBuilder } from "./sheet-builder";
import { DATE_FORMAT, INPUT, SCORE_FORMAT, TEXT_FORMAT } from "./style";
import type { PlanCell, SheetPlan } from "./types";

export const ACTIONS_TABLE_NAME = "NPS_Actions";
/** Empty rows below the actions, to type new ones into (the table grows as any Excel table does). */
export const EMPTY_ACTION_ROWS = 5;

const column = ACTIONS.columns;
const words = workbookWords.actions;

/** The looked-up columns, each from its column of the Data sheet. */
const LOOKED_UP = {
  behaviour: DATA.columns.behaviour,
  keyArea: DATA.columns.keyArea,
  currentLevel: DATA.columns.currentLevel,
  targetLevel: DATA.columns.targetLevel,
  gap: DATA.columns.gap,
} as const;
type LookedUp = keyof typeof LOOKED_UP;

/** Where the Data sheet's rows are, which the action rows look their behaviour up in. */
export interface ActionLookupSource {
  dataSheet: string;
  /** How many behaviour rows Data has. */
  behaviours: number;
}

const dataRange = (source: ActionLookupSource, dataColumn: number) =>
  `${quoteSheet(source.dataSheet)}!${absoluteRange(DATA.firstRow, dataColumn, DATA.headerRow + source.behaviours, dataColumn)}`;

/** The range of Data's behaviour IDs: the ID picker's list and every lookup's key. */
export const actionIdSource = (source: ActionLookupSource) => dataRange(source, DATA.columns.id);

/**
 * A looked-up cell of an action row: the Data row whose ID equals the one typed (with `=`, which reads no `*`, `?`
 * or `~` as patterns, unlike MATCH), found by its position; "" when no behaviour has that ID, the ID is blank, or
 * an error value was pasted into it. The same formula in every row but for the row number (a calculated column).
 */
export function actionLookupFormula(key: LookedUp, row: number, source: ActionLookupSource): string {
  const ids = actionIdSource(source);
  const position = `SUMPRODUCT(--(${ids}=${absoluteColumn(row, column.id)}),ROW(${ids})-${DATA.headerRow})`;
  return `IFERROR(IF(${position}=0,"",INDEX(${dataRange(source, LOOKED_UP[key])},${position})),"")`;
}

/** A due date as the plan writes it: an ISO date as a date, anything else as the text typed. */
const dueDateCell = (dueDate: string | undefined): PlanCell =>
  dueDate === undefined ? null : isIsoDate(dueDate) ? isoDateToSerial(dueDate) : dueDate;

/** One action's row as the plan writes it at sheet row `row`: its inputs, and the looked-up columns' formulas there. */
export function actionRow(action: ActionAnswer, row: number, source: ActionLookupSource): PlanCell[] {
  const lookup = (key: LookedUp): PlanCell => ({ formula: actionLookupFormula(key, row, source) });
  return ACTIONS.row<PlanCell>({
    id: action.behaviourId ?? null,
    behaviour: lookup("behaviour"),
    keyArea: lookup("keyArea"),
    currentLevel: lookup("currentLevel"),
    targetLevel: lookup("targetLevel"),
    gap: lookup("gap"),
    action: action.action ?? null,
    owner: action.owner ?? null,
    dueDate: dueDateCell(action.dueDate),
    status: action.status ?? null,
    note: action.note ?? null,
  });
}

/** The first body row's formula of each looked-up column: the table's calculated columns. */
const calculatedColumns = (source: ActionLookupSource) =>
  (Object.keys(LOOKED_UP) as LookedUp[]).map((key) => ({
    column: column[key],
    formula: actionLookupFormula(key, ACTIONS.firstRow, source),
  }));

function addPickers(sheet: SheetBuilder, body: (left: number, right?: number) => string, source: ActionLookupSource) {
  const statuses = ACTION_STATUSES.join(", ");
  sheet
    .validate({
      type: "list",
      range: body(column.id),
      values: [],
      source: actionIdSource(source),
      allowBlank: true,
      prompt: { title: words.behaviourPicker.prompt.title, message: words.behaviourPicker.prompt.message },
      error: { title: words.behaviourPicker.error.title, message: words.behaviourPicker.error.message },
    })
    .validate({
      type: "date",
      range: body(column.dueDate),
      minimum: isoDateToSerial(EARLIEST_DATE),
      allowBlank: true,
      prompt: { title: words.dueDatePrompt.title, message: words.dueDatePrompt.message },
      error: DATE_ENTRY_ERROR,
    })
    .validate({
      type: "list",
      range: body(column.status),
      values: [...ACTION_STATUSES],
      allowBlank: true,
      prompt: { title: words.statusPicker.prompt.title, message: words.statusPicker.prompt.message(statuses) },
      error: { title: words.statusPicker.error.title, message: words.statusPicker.error.message(statuses) },
    });
}

/**
 * The action plan: the NPS_Actions table, one row per action and a few empty rows to type into. The sheet is not
 * protected, because Excel does not let a table on a protected sheet grow, and people add actions as they add rows
 * to any table; its formula cells are locked all the same, and the checker compares every row's formulas.
 */
export function actionsSheet(
  actions: readonly ActionAnswer[],
  source: ActionLookupSource,
  sheetNames: Record<string, string>,
): SheetPlan {
  const rows = [...actions, ...Array<ActionAnswer>(EMPTY_ACTION_ROWS).fill({})];
  const { sheet, body } = tableSheet({
    key: "actions",
    role: "actions",
    name: sheetNames.actions ?? SHEET_NAMES.actions,
    columns: ACTIONS,
    rows: rows.map((action, i) => actionRow(action, ACTIONS.firstRow + i, source)),
    heading: {
      title: words.title,
      subtitle: words.intro,
    },
    table: { name: ACTIONS_TABLE_NAME, calculatedColumns: calculatedColumns(source) },
  });
  sheet
    .style(body(column.id), INPUT)
    .style(body(column.gap), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .style(body(column.action, column.note), INPUT)
    .style(body(column.action, column.owner), { numberFormat: TEXT_FORMAT })
    .style(body(column.dueDate), { numberFormat: DATE_FORMAT })
    .style(body(column.note), { numberFormat: TEXT_FORMAT });
  addPickers(sheet, body, source);
  return sheet.plan;
}
