/**
 * The action plan's rules, on the Actions sheet's rows wherever they stand (users sort the table, add rows and
 * paste rows in; none of that is a finding). Each row's looked-up columns must hold the formulas the plan writes for
 * that row; an action's behaviour must be one of the toolkit's, its due date a date and its status one of the list;
 * an action past its due date that is not Done or Dropped is overdue; and a behaviour below its target with no
 * action is worth knowing. Nothing here changes a figure of the return, so nothing here is an error.
 */
import { headerRowOf } from "../answers/action-rows";
import type { Answers } from "../plan/answer-types";
import { actionLookupFormula, type ActionLookupSource } from "../plan/actions-sheet";
import { canonicalLevel } from "../plan/answers";
import { ACTION_STATUSES, ACTIONS, CLOSED_ACTION_STATUSES } from "../plan/layout";
import type { SnapshotCell, SnapshotSheet } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress, parseCell } from "../util/a1";
import { isoDateToSerial, serialToIsoDate } from "../util/dates";
import { findingWords } from "../words/findings";
import type { ComparedSheet } from "./compare-plan";
import { finding, isErrorValue, shown } from "./findings";
import { sameFormula } from "./formula-tokens";
import type { Finding, FindingSheet } from "./types";

const C = ACTIONS.columns;
const LOOKED_UP = ["behaviour", "keyArea", "currentLevel", "targetLevel", "gap"] as const;
const INPUT_COLUMNS = [C.id, C.action, C.owner, C.dueDate, C.status, C.note];

export interface ActionRulesContext {
  sheet: ComparedSheet;
  toolkit: Toolkit;
  answers: Answers;
  /** ISO date taken as today. */
  today: string;
  /** Where the rows' lookups read (the plan's Data sheet). */
  source: ActionLookupSource;
}

type Value = SnapshotCell["value"] | undefined;
const textOf = (value: Value) => (value === null || value === undefined ? "" : String(value).trim());
const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function lastRow(sheet: SnapshotSheet): number {
  let last = 0;
  for (const address in sheet.cells) last = Math.max(last, parseCell(address).row);
  return last;
}

/** The row's looked-up cells not holding the plan's formula for the row: said once, at the first. */
function formulaFinding(context: ActionRulesContext, row: number, where: FindingSheet): Finding | undefined {
  const { actual } = context.sheet;
  for (const key of LOOKED_UP) {
    const address = cellAddress(row, C[key]);
    const found = actual.cells[address];
    const expected = actionLookupFormula(key, row, context.source);
    if (found?.formula !== undefined && sameFormula(expected, found.formula)) continue;
    return finding({
      rule: "action.formula-changed",
      sheet: where,
      cell: address,
      message: findingWords.action.formulaChanged({ row }),
      expected: `=${expected}`,
      found: shown(found),
      repairable: true,
    });
  }
  return undefined;
}

function rowFindings(context: ActionRulesContext, row: number, ids: Set<string>, where: FindingSheet): Finding[] {
  const value = (column: number) => context.sheet.actual.cells[cellAddress(row, column)]?.value;
  const findings: Finding[] = [];
  const at = (column: number) => cellAddress(row, column);
  const id = textOf(value(C.id));
  if (id !== "" && (isErrorValue(id) || !ids.has(id.toLowerCase())))
    findings.push(
      finding({
        rule: "action.unknown-behaviour",
        sheet: where,
        cell: at(C.id),
        message: findingWords.action.unknownBehaviour({ id }),
        expected: findingWords.action.unknownBehaviourExpected,
        found: id,
        repairable: false,
      }),
    );
  const status = textOf(value(C.status));
  if (status !== "" && !ACTION_STATUSES.some((name) => sameText(name, status)))
    findings.push(
      finding({
        rule: "action.status-not-in-list",
        sheet: where,
        cell: at(C.status),
        message: findingWords.action.statusNotInList({ status, statuses: ACTION_STATUSES }),
        expected: ACTION_STATUSES.join(", "),
        found: status,
        repairable: false,
      }),
    );
  const due = value(C.dueDate);
  if (typeof due === "string" && due.trim() !== "")
    findings.push(
      finding({
        rule: "action.due-date-not-a-date",
        sheet: where,
        cell: at(C.dueDate),
        message: findingWords.action.dueDateNotADate({ typed: due.trim() }),
        expected: findingWords.action.dueDateNotADateExpected,
        found: due.trim(),
        repairable: false,
      }),
    );
  const closed = CLOSED_ACTION_STATUSES.some((name) => sameText(name, status));
  if (typeof due === "number" && due < isoDateToSerial(context.today) && !closed)
    findings.push(
      finding({
        rule: "action.overdue",
        sheet: where,
        cell: at(C.dueDate),
        message: findingWords.action.overdue({ due: serialToIsoDate(due) }),
        expected: findingWords.action.overdueExpected({ today: context.today }),
        found: findingWords.action.overdueFound({ due: serialToIsoDate(due), status }),
        repairable: false,
      }),
    );
  return findings;
}

/** Behaviours whose current level is below their target with no action for them, in one finding. */
function gapsWithoutAction(context: ActionRulesContext, actionIds: Set<string>, where: FindingSheet): Finding[] {
  const levels = context.toolkit.levels;
  const score = (typed: string | undefined) => {
    const level = typed === undefined ? undefined : canonicalLevel(levels, typed);
    return level === undefined ? undefined : levels.indexOf(level);
  };
  const behind = context.toolkit.themes
    .flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours))
    .filter((b) => {
      const answer = context.answers.behaviours[b.id] ?? {};
      const [current, target] = [score(answer.current), score(answer.target)];
      return current !== undefined && target !== undefined && current < target && !actionIds.has(b.id.toLowerCase());
    })
    .map((b) => b.id);
  if (behind.length === 0) return [];
  return [
    finding({
      rule: "action.gap-without-action",
      sheet: where,
      message: findingWords.action.gapWithoutAction({ ids: behind }),
      expected: findingWords.action.gapWithoutActionExpected,
      found: behind.join(", "),
      repairable: false,
    }),
  ];
}

/** Every finding of the action plan's rules on the Actions sheet. */
export function checkActions(context: ActionRulesContext): Finding[] {
  const { actual, where } = context.sheet;
  const ids = new Set(
    context.toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id.toLowerCase()))),
  );
  const findings: Finding[] = [];
  const actionIds = new Set<string>();
  const last = lastRow(actual);
  for (let row = headerRowOf(actual) + 1; row <= last; row++) {
    // An empty row shows nothing, whatever its formulas: only an action's lookups are compared.
    if (!INPUT_COLUMNS.some((column) => textOf(actual.cells[cellAddress(row, column)]?.value) !== "")) continue;
    const changed = formulaFinding(context, row, where);
    if (changed) findings.push(changed);
    actionIds.add(textOf(actual.cells[cellAddress(row, C.id)]?.value).toLowerCase());
    findings.push(...rowFindings(context, row, ids, where));
  }
  return [...findings, ...gapsWithoutAction(context, actionIds, where)];
}
