/**
 * The answer rules on one key area sheet: what was typed in the pickers, evidence, review dates and
 * completeness; whether the pickers survived pasting; and which cells protection guards.
 */
import { canonicalLevel } from "../plan/answers";
import { GUIDE, GUIDE_INPUTS, KEY_AREA } from "../plan/layout";
import type { SnapshotSheet } from "../snapshot/types";
import type { KeyArea } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { isoDateToSerial, serialToIsoDate } from "../util/dates";
import type { RowMap } from "./compare-sheet";
import { finding, isErrorValue, shown } from "./findings";
import type { Finding, FindingSheet } from "./types";

const C = KEY_AREA.columns;
/** Mature (score 3) and above needs evidence: evidence-based maturity schemes accept no claim without it. */
const EVIDENCE_FROM_SCORE = 3;

export interface AnswerContext {
  sheet: SnapshotSheet;
  where: FindingSheet;
  keyArea: KeyArea;
  levels: readonly string[];
  /** Planned behaviour row → the row it was found in. */
  rows: RowMap;
  /** ISO date: review dates before it are past. */
  today: string;
}

/** The level's score (1–5) of an entry, or a finding when the entry is not a level; undefined when blank. */
function levelEntry(
  context: AnswerContext,
  address: string,
  which: "current" | "target",
  findings: Finding[],
): number | undefined {
  const cell = context.sheet.cells[address];
  const value = cell?.value ?? null;
  if (value === null || String(value).trim() === "") return undefined;
  const label = which === "current" ? "current level" : "target level";
  if (isErrorValue(value)) {
    findings.push(
      finding(
        "answer.error-value",
        context.where,
        address,
        `The ${label} is the error value ${String(value)}, so this behaviour counts in no figure.`,
        {
          expected: context.levels.join(", "),
          found: String(value),
          repairable: false,
        },
      ),
    );
    return undefined;
  }
  const level = canonicalLevel(context.levels, String(value));
  if (!level) {
    findings.push(
      finding(
        "answer.not-a-level",
        context.where,
        address,
        `The ${label} is not one of the five levels, so this behaviour counts in no figure.`,
        {
          expected: context.levels.join(", "),
          found: shown(cell),
          repairable: false,
        },
      ),
    );
    return undefined;
  }
  if (value !== level)
    findings.push(
      finding(
        "answer.level-written-differently",
        context.where,
        address,
        `The ${label} is counted as ${level}, but is written differently; repair writes the level's name.`,
        {
          expected: level,
          found: String(value),
          repairable: true,
        },
      ),
    );
  return context.levels.indexOf(level) + 1;
}

function reviewDate(context: AnswerContext, address: string, findings: Finding[]): void {
  const cell = context.sheet.cells[address];
  const value = cell?.value ?? null;
  if (value === null || (typeof value === "string" && value.trim() === "")) return;
  if (typeof value !== "number") {
    findings.push(
      finding(
        "answer.review-date-not-a-date",
        context.where,
        address,
        "The review date is text, not a date, so the Data sheet leaves it out.",
        {
          expected: "a date, for example 31/03/2027",
          found: shown(cell),
          repairable: false,
        },
      ),
    );
    return;
  }
  if (value < isoDateToSerial(context.today))
    findings.push(
      finding("answer.review-date-past", context.where, address, "The review date has already passed.", {
        expected: `on or after ${context.today}`,
        found: serialToIsoDate(value),
        repairable: false,
      }),
    );
}

/** One behaviour row's answers. Returns whether it has a current level that counts. */
function behaviourAnswers(context: AnswerContext, row: number, findings: Finding[]): boolean {
  const at = (column: number) => cellAddress(row, column);
  const current = levelEntry(context, at(C.current), "current", findings);
  const target = levelEntry(context, at(C.target), "target", findings);
  const evidence = context.sheet.cells[at(C.evidence)]?.value;
  if (
    current !== undefined &&
    current >= EVIDENCE_FROM_SCORE &&
    (evidence === undefined || String(evidence ?? "").trim() === "")
  )
    findings.push(
      finding(
        "answer.evidence-missing",
        context.where,
        at(C.evidence),
        `The current level is ${context.levels[current - 1]}, but there is no evidence for it.`,
        {
          expected: "evidence",
          found: "(empty)",
          repairable: false,
        },
      ),
    );
  if (current !== undefined && target !== undefined && target < current)
    findings.push(
      finding(
        "answer.target-below-current",
        context.where,
        at(C.target),
        "The target level is below the current level.",
        {
          expected: `${context.levels[current - 1]} or above`,
          found: context.levels[target - 1],
          repairable: false,
        },
      ),
    );
  reviewDate(context, at(C.reviewDate), findings);
  return current !== undefined;
}

/** Pickers and the date rule on one row, where the reader looked. */
function rowValidations(context: AnswerContext, row: number, findings: Finding[]): void {
  const validations = context.sheet.validations;
  if (!validations) return;
  const expectedList = context.levels.join(", ");
  for (const column of [C.current, C.target]) {
    const address = cellAddress(row, column);
    const rule = validations[address];
    const intact = rule?.type === "list" && rule.alert === "stop" && rule.list?.join(", ") === expectedList;
    if (!intact)
      findings.push(
        finding(
          "answer.picker-missing",
          context.where,
          address,
          "This cell's level picker is gone (pasted over?), so anything can be typed in it.",
          {
            expected: `a list of ${expectedList} that stops other entries`,
            found: rule
              ? `${rule.type}${rule.list ? ` of ${rule.list.join(", ")}` : ""}, ${rule.alert} alert`
              : "no picker",
            repairable: true,
          },
        ),
      );
  }
  const dateAddress = cellAddress(row, C.reviewDate);
  const dateRule = validations[dateAddress];
  if (dateRule?.type !== "date" || dateRule.alert !== "stop")
    findings.push(
      finding(
        "answer.date-rule-missing",
        context.where,
        dateAddress,
        "This review date cell no longer refuses entries that are not dates.",
        {
          expected: "a date rule that stops other entries",
          found: dateRule ? `${dateRule.type}, ${dateRule.alert} alert` : "no rule",
          repairable: true,
        },
      ),
    );
}

/** Descriptor and name cells must be locked, input cells unlocked, where the reader looked. */
function rowLocks(
  context: Pick<AnswerContext, "sheet" | "where">,
  row: number,
  columns: { first: number; last: number },
  findings: Finding[],
): void {
  const locked = context.sheet.locked;
  if (!locked) return;
  for (let column = columns.first; column <= columns.last; column++) {
    const address = cellAddress(row, column);
    const input = column >= C.current;
    findings.push(...lockFinding(context, address, input));
  }
}

function lockFinding(context: Pick<AnswerContext, "sheet" | "where">, address: string, input: boolean): Finding[] {
  const locked = context.sheet.locked?.[address];
  if (locked === undefined || locked === !input) return [];
  return [
    input
      ? finding(
          "protection.input-locked",
          context.where,
          address,
          "This input cell is locked, so nobody can answer in it while the sheet is protected.",
          {
            expected: "unlocked",
            found: "locked",
            repairable: true,
          },
        )
      : finding(
          "protection.cell-unlocked",
          context.where,
          address,
          "This canonical text is unlocked, so protecting the sheet does not guard it.",
          {
            expected: "locked",
            found: "unlocked",
            repairable: true,
          },
        ),
  ];
}

/** The Guide's inputs (council, date, respondent, role): open to typing, and the date refusing what is not a date. */
export function checkGuideInputs(sheet: SnapshotSheet, where: FindingSheet): Finding[] {
  const context = { sheet, where };
  const findings = GUIDE_INPUTS.flatMap((cell) => lockFinding(context, cellAddress(cell.row, cell.column), true));
  const dateCell = cellAddress(GUIDE.dateCell.row, GUIDE.dateCell.column);
  const rule = sheet.validations?.[dateCell];
  if (sheet.validations && (rule?.type !== "date" || rule.alert !== "stop"))
    findings.push(
      finding(
        "answer.date-rule-missing",
        where,
        dateCell,
        "The assessment date cell no longer refuses entries that are not dates.",
        {
          expected: "a date rule that stops other entries",
          found: rule ? `${rule.type}, ${rule.alert} alert` : "no rule",
          repairable: true,
        },
      ),
    );
  return findings;
}

/** Every answer rule for one key area sheet whose columns are where the plan puts them. */
export function checkKeyAreaAnswers(context: AnswerContext): Finding[] {
  const findings: Finding[] = [];
  rowLocks(context, KEY_AREA.principleRow, { first: C.firstDescriptor, last: C.firstDescriptor + 4 }, findings);
  const unassessed: string[] = [];
  context.keyArea.behaviours.forEach((_, i) => {
    const row = context.rows.get(KEY_AREA.firstBehaviourRow + i);
    if (row === undefined) return;
    if (!behaviourAnswers(context, row, findings)) unassessed.push(cellAddress(row, C.current));
    rowValidations(context, row, findings);
    rowLocks(context, row, { first: C.behaviour, last: C.reviewDate }, findings);
  });
  const total = context.keyArea.behaviours.length;
  if (unassessed.length > 0)
    findings.push(
      finding(
        "answer.key-area-incomplete",
        context.where,
        unassessed[0],
        `${total - unassessed.length} of ${total} behaviours in ${context.keyArea.name} have a current level.`,
        {
          expected: `${total} of ${total}`,
          found: `${total - unassessed.length} of ${total}`,
          repairable: false,
        },
      ),
    );
  return findings;
}
