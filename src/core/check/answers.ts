/**
 * The answer rules on one key area sheet: what was typed in the pickers, evidence, review dates and
 * completeness. Whether the pickers survived pasting and which cells protection guards are the plan
 * comparison's (compare-plan.ts), as the plan says where each goes.
 */
import { canonicalLevel } from "../plan/answers";
import { KEY_AREA } from "../plan/layout";
import type { SnapshotSheet } from "../snapshot/types";
import type { KeyArea } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { isoDateToSerial, serialToIsoDate } from "../util/dates";
import type { RowMap } from "./compare-sheet";
import { finding, isErrorValue, shown } from "./findings";
import type { Finding, FindingSheet } from "./types";
import { findingWords } from "../words/findings";

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
  const label = which === "current" ? findingWords.answer.current : findingWords.answer.target;
  if (isErrorValue(value)) {
    findings.push(
      finding({
        rule: "answer.error-value",
        sheet: context.where,
        cell: address,
        message: findingWords.answer.errorValue(label, String(value)),
        expected: context.levels.join(", "),
        found: String(value),
        repairable: false,
      }),
    );
    return undefined;
  }
  const level = canonicalLevel(context.levels, String(value));
  if (!level) {
    findings.push(
      finding({
        rule: "answer.not-a-level",
        sheet: context.where,
        cell: address,
        message: findingWords.answer.notALevel(label),
        expected: context.levels.join(", "),
        found: shown(cell),
        repairable: false,
      }),
    );
    return undefined;
  }
  if (value !== level)
    findings.push(
      finding({
        rule: "answer.level-written-differently",
        sheet: context.where,
        cell: address,
        message: findingWords.answer.writtenDifferently(label, level),
        expected: level,
        found: String(value),
        repairable: true,
      }),
    );
  return context.levels.indexOf(level) + 1;
}

function reviewDate(context: AnswerContext, address: string, findings: Finding[]): void {
  const cell = context.sheet.cells[address];
  const value = cell?.value ?? null;
  if (value === null || (typeof value === "string" && value.trim() === "")) return;
  if (typeof value !== "number") {
    findings.push(
      finding({
        rule: "answer.review-date-not-a-date",
        sheet: context.where,
        cell: address,
        message: findingWords.answer.reviewDateNotADate,
        expected: findingWords.answer.reviewDateNotADateExpected,
        found: shown(cell),
        repairable: false,
      }),
    );
    return;
  }
  if (value < isoDateToSerial(context.today))
    findings.push(
      finding({
        rule: "answer.review-date-past",
        sheet: context.where,
        cell: address,
        message: findingWords.answer.reviewDatePast,
        expected: findingWords.answer.onOrAfter(context.today),
        found: findingWords.answer.date(serialToIsoDate(value)),
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
      finding({
        rule: "answer.evidence-missing",
        sheet: context.where,
        cell: at(C.evidence),
        message: findingWords.answer.evidenceMissing(context.levels[current - 1]),
        expected: findingWords.answer.evidenceMissingExpected,
        found: findingWords.empty,
        repairable: false,
      }),
    );
  if (current !== undefined && target !== undefined && target < current)
    findings.push(
      finding({
        rule: "answer.target-below-current",
        sheet: context.where,
        cell: at(C.target),
        message: findingWords.answer.targetBelowCurrent,
        expected: findingWords.answer.orAbove(context.levels[current - 1]),
        found: context.levels[target - 1],
        repairable: false,
      }),
    );
  reviewDate(context, at(C.reviewDate), findings);
  return current !== undefined;
}

/** Every answer rule for one key area sheet whose columns are where the plan puts them. */
export function checkKeyAreaAnswers(context: AnswerContext): Finding[] {
  const findings: Finding[] = [];
  const unassessed: string[] = [];
  context.keyArea.behaviours.forEach((_, i) => {
    const row = context.rows.get(KEY_AREA.firstBehaviourRow + i);
    if (row === undefined) return;
    if (!behaviourAnswers(context, row, findings)) unassessed.push(cellAddress(row, C.current));
  });
  const total = context.keyArea.behaviours.length;
  if (unassessed.length > 0)
    findings.push(
      finding({
        rule: "answer.key-area-incomplete",
        sheet: context.where,
        cell: unassessed[0],
        message: findingWords.answer.keyAreaIncomplete(total - unassessed.length, total, context.keyArea.name),
        expected: findingWords.answer.countOf(total, total),
        found: findingWords.answer.countOf(total - unassessed.length, total),
        repairable: false,
      }),
    );
  return findings;
}
