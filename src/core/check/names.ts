/**
 * The add-in's workbook names (NPS_*) against the plan, and the answers no figure reads. The
 * figures read answers only from the sheets the Summary, Gaps and Data formulas refer to
 * (answers/answer-sheets.ts), and so does every command; a name the plan does not write, a name
 * pointing at a sheet no figure reads, a sheet-scope copy of a name, or an answer kept on the
 * Retired answers sheet for a behaviour that has its own row could still make a reader that follows
 * names (an older add-in, another tool) read answers the workbook does not show.
 */
import type { FoundAssessment } from "../answers/from-snapshot";
import { sheetsTheFiguresRead } from "../answers/answer-sheets";
import { RETIRED, roleNameFor } from "../plan/layout";
import type { WorkbookPlan } from "../plan/types";
import { CHECK_REPORT_ROLE_NAME, GROUP_ROLE_NAMES } from "../snapshot/our-sheets";
import { sheetOfReference } from "../snapshot/references";
import type { WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { finding } from "./findings";
import type { Finding, FindingSheet } from "./types";
import { findingWords } from "../words/findings";

const ADD_IN_PREFIX = "nps_";
const SHEET_ROLE_PREFIX = roleNameFor("").toLowerCase();

/** The sheet and cell a reference such as "'Decoy'!$A$1" points at, for a finding. */
function locate(plan: WorkbookPlan, reference: string): { sheet?: FindingSheet; cell?: string } {
  const name = sheetOfReference(reference);
  if (name === undefined) return {};
  const planned = plan.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const sheet: FindingSheet = planned ? { role: planned.role, key: planned.key, name } : { role: "other", name };
  const cell = /!\$?([A-Z]{1,3})\$?(\d+)(?::|$)/.exec(reference);
  return { sheet, ...(cell ? { cell: `${cell[1]}${cell[2]}` } : {}) };
}

/** Names of the add-in's that the plan does not write (the check report's and group sheets' are the add-in's too). */
function unplannedNames(plan: WorkbookPlan, snapshot: WorkbookSnapshot): Finding[] {
  const planned = new Set(plan.names.map((n) => n.name.toLowerCase()));
  // Retired answers is the add-in's sheet when an upgrade made it, though the check's plan has no answers to retire.
  const otherOfOurs = new Set(
    [CHECK_REPORT_ROLE_NAME, ...GROUP_ROLE_NAMES, roleNameFor("retired")].map((n) => n.toLowerCase()),
  );
  return Object.entries(snapshot.names)
    .filter(([name]) => {
      const lower = name.toLowerCase();
      return lower.startsWith(ADD_IN_PREFIX) && !planned.has(lower) && !otherOfOurs.has(lower);
    })
    .map(([name, reference]) =>
      name.toLowerCase().startsWith(SHEET_ROLE_PREFIX)
        ? finding({
            rule: "names.unknown-sheet-name",
            ...locate(plan, reference),
            message: findingWords.names.unknownSheetName(name),
            expected: findingWords.noSuchName,
            found: findingWords.names.pointsAt(name, reference),
            repairable: false,
          })
        : finding({
            rule: "names.unknown",
            ...locate(plan, reference),
            message: findingWords.names.unknown(name),
            expected: findingWords.noSuchName,
            found: findingWords.names.pointsAt(name, reference),
            repairable: false,
          }),
    );
}

/** Key area names of the plan that point at a sheet the Summary, Gaps and Data formulas do not read. */
function namesOfUnreadSheets(plan: WorkbookPlan, snapshot: WorkbookSnapshot, found: FoundAssessment): Finding[] {
  const read = sheetsTheFiguresRead(snapshot, found.roles);
  if (!read) return [];
  return plan.sheets
    .filter((sheet) => sheet.role === "keyArea" && found.roles[sheet.key] !== undefined)
    .filter((sheet) => !read.has(sheet.name.toLowerCase()))
    .map((sheet) =>
      finding({
        rule: "names.sheet-not-read",
        sheet: { role: "keyArea", key: sheet.key, name: sheet.name },
        message: findingWords.names.sheetNotRead(sheet.name),
        expected: findingWords.names.sheetNotReadExpected,
        found: findingWords.names.pointsAt(
          roleNameFor(sheet.key),
          snapshot.names[roleNameFor(sheet.key)] ?? findingWords.noSuchName,
        ),
        repairable: false,
      }),
    );
}

/** Copies of the add-in's names defined on one sheet only: the add-in defines its names for the whole workbook. */
function sheetScopedCopies(plan: WorkbookPlan, snapshot: WorkbookSnapshot): Finding[] {
  return (snapshot.sheetScopedNames ?? [])
    .filter((n) => n.name.toLowerCase().startsWith(ADD_IN_PREFIX))
    .map((n) =>
      finding({
        rule: "names.sheet-scoped",
        ...locate(plan, `'${n.scope.replace(/'/g, "''")}'!A1`),
        cell: undefined,
        message: findingWords.names.sheetScoped(n.scope, n.name),
        expected: findingWords.noSuchName,
        found: findingWords.names.pointsAt(n.name, n.reference),
        repairable: false,
      }),
    );
}

/**
 * Answers on the Retired answers sheet for behaviours this workbook has a row for: no figure counts
 * them and no command reads them (the behaviour's own row is its answer).
 */
function retiredAnswersNotCounted(snapshot: WorkbookSnapshot, found: FoundAssessment, toolkit: Toolkit): Finding[] {
  const name = found.roles.retired;
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) return [];
  const ids = new Set(toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id))));
  const C = RETIRED.columns;
  const findings: Finding[] = [];
  for (let row = RETIRED.firstRow; ; row++) {
    const id = String(sheet.cells[cellAddress(row, C.id)]?.value ?? "").trim();
    if (id === "") break;
    const answered = [C.current, C.target, C.evidence, C.owner, C.reviewDate].find(
      (column) => String(sheet.cells[cellAddress(row, column)]?.value ?? "").trim() !== "",
    );
    if (!ids.has(id) || answered === undefined) continue;
    findings.push(
      finding({
        rule: "answer.retired-not-counted",
        sheet: { role: "retired", key: "retired", name: sheet.name },
        cell: cellAddress(row, answered),
        message: findingWords.answer.retiredNotCounted(id),
        expected: findingWords.answer.noAnswerHere,
        found: String(sheet.cells[cellAddress(row, answered)]?.value),
        repairable: false,
      }),
    );
  }
  return findings;
}

/** Every finding about names and answers that no figure reads. */
export function checkNames(
  plan: WorkbookPlan,
  snapshot: WorkbookSnapshot,
  found: FoundAssessment,
  toolkit: Toolkit,
): Finding[] {
  return [
    ...unplannedNames(plan, snapshot),
    ...namesOfUnreadSheets(plan, snapshot, found),
    ...sheetScopedCopies(plan, snapshot),
    ...retiredAnswersNotCounted(snapshot, found, toolkit),
  ];
}
