/**
 * Sign-off: who says the answers are final, and whether they still are. Sign off records the
 * signer, the date and a fingerprint of every answer (answers/fingerprint.ts) in the metadata, and
 * shows the signer and date on the Guide. A return is final only while the answers and the Guide's
 * sign-off still match that record; a name typed into the Guide by hand signs nothing off.
 *
 * The use case decides once, for every caller, what must not be signed off (no assessment, errors, no
 * answers, key areas not complete) and what signing off records. In place (the Excel host) it writes
 * only the sign-off: a small plan of the Guide's two cells and the metadata's three
 * (planSignOffInPlace). The command line never re-saves a user's workbook, so it writes a new one
 * from the upgrade's plan with the sign-off recorded (planSignedOffCopy).
 */
import { answersFingerprint } from "../answers/fingerprint";
import { guideHasDetails, metadataRows, readAssessment, type FoundAssessment } from "../answers/from-snapshot";
import type { SignOffRecord } from "../plan/answer-types";
import { signOffBlockers, signOffWarningsNote } from "../check/sign-off-gate";
import type { CheckResult, Finding } from "../check/types";
import { canonicalLevel } from "../plan/answers";
import { GUIDE_PROTECTION } from "../plan/guide-sheet";
import { GUIDE, type MetadataKey } from "../plan/layout";
import { METADATA_PROTECTION } from "../plan/metadata-sheet";
import { DATE_FORMAT, TEXT_FORMAT } from "../plan/style";
import type { SheetProtection } from "../plan/types";
import type { WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { isoDateToSerial, todayIso } from "../util/dates";
import { planUpgrade, type PlannedAssessment } from "../assessment/plan-assessment";
import { signOffProblem } from "../assessment/sign-off-request";
import { signOffWords } from "../words/sign-off";

/** What a sign-off decides on: the workbook as read, the toolkit, who signs off and when, and the check of what was read. */
export interface SignOffInput {
  snapshot: WorkbookSnapshot;
  toolkit: Toolkit;
  request: SignOffRequest;
  check: CheckResult;
}

/** Why a return with `errors` errors is not signed off, in one sentence. */
export function blockedMessage(errors: number): string {
  return signOffWords.blocked(errors);
}

export interface SignOffRequest {
  by: string;
  /** ISO date; today (of `now`) when not given. */
  on?: string;
  now: Date;
  /** Sign off although some key areas have behaviours without a current level (the command line's --allow-incomplete). */
  allowIncomplete?: boolean;
  /** Sign off although the check found errors (the command line's --with-errors); they are still listed. */
  allowErrors?: boolean;
}

export function signedOffNote(by: string, on: string): string {
  return signOffWords.signedOff(by, on);
}

/** A key area with behaviours that have no current level yet. */
export interface IncompleteKeyArea {
  name: string;
  /** Behaviours with a current level. */
  assessed: number;
  behaviours: number;
}

/** Why a return was not signed off, in plain English, with what to do next; nothing was written. */
export interface SignOffRefusal {
  refused: "no-assessment" | "errors" | "no-answers" | "incomplete" | "no-sign-off-cells";
  message: string;
  nextStep: string;
  /** The errors that stopped it (refused: "errors"). */
  errors: Finding[];
  /** The key areas not complete (refused: "incomplete"). */
  incomplete: IncompleteKeyArea[];
}

export const isRefusal = <T extends object>(decision: T | SignOffRefusal): decision is SignOffRefusal =>
  "refused" in decision;

function refusal(
  refused: SignOffRefusal["refused"],
  message: string,
  nextStep: string,
  detail: Partial<Pick<SignOffRefusal, "errors" | "incomplete">> = {},
): SignOffRefusal {
  return { refused, message, nextStep, errors: detail.errors ?? [], incomplete: detail.incomplete ?? [] };
}

/** Why an incomplete return was not signed off, naming the key areas. */
export function incompleteMessage(areas: IncompleteKeyArea[]): string {
  return signOffWords.incomplete(areas);
}

/** Said with a sign-off of an incomplete return, so that nobody takes it for a complete one. */
export function incompleteNote(areas: IncompleteKeyArea[]): string {
  return signOffWords.incompleteNote(areas);
}

export const NO_ANSWERS_MESSAGE = signOffWords.noAnswers;

/** Each key area of `toolkit` with behaviours whose current level (as the score formulas read it) is missing. */
function incompleteKeyAreas(found: FoundAssessment, toolkit: Toolkit): IncompleteKeyArea[] {
  return toolkit.themes
    .flatMap((theme) => theme.keyAreas)
    .map((area) => ({
      name: area.name,
      assessed: area.behaviours.filter((b) => levelOf(found, toolkit, b.id) !== undefined).length,
      behaviours: area.behaviours.length,
    }))
    .filter((area) => area.assessed < area.behaviours);
}

const levelOf = (found: FoundAssessment, toolkit: Toolkit, id: string) => {
  const typed = found.answers.behaviours[id]?.current;
  return typed === undefined ? undefined : canonicalLevel(toolkit.levels, typed);
};

/** What every sign-off decides first: who and when, and whether this return may be signed off at all. */
interface Accepted {
  by: string;
  on: string;
  found: FoundAssessment;
  /** The notes every sign-off gives: who and when, and whether it was signed off incomplete. */
  notes: string[];
}

function decide({ snapshot, toolkit, request, check }: SignOffInput): Accepted | SignOffRefusal {
  const on = request.on ?? todayIso(request.now);
  const problem = signOffProblem(request.by, on, todayIso(request.now));
  // The callers check the request first, with their own next step; reaching here with a bad one is a mistake.
  if (problem) throw new Error(problem);
  const found = readAssessment(snapshot, toolkit);
  if (!found || check.findings.some((f) => f.rule === "identity.not-an-assessment"))
    return refusal("no-assessment", signOffWords.noAssessment, signOffWords.noAssessmentNext);
  const errors = signOffBlockers(check);
  if (errors.length > 0 && !request.allowErrors)
    return refusal("errors", blockedMessage(errors.length), signOffWords.errorsNext, { errors });
  const incomplete = incompleteKeyAreas(found, toolkit);
  const keyAreas = toolkit.themes.flatMap((theme) => theme.keyAreas);
  if (incomplete.length === keyAreas.length && incomplete.every((area) => area.assessed === 0))
    return refusal("no-answers", NO_ANSWERS_MESSAGE, signOffWords.noAnswersNext);
  if (incomplete.length > 0 && !request.allowIncomplete)
    return refusal("incomplete", incompleteMessage(incomplete), signOffWords.incompleteNext, { incomplete });
  const by = request.by.trim();
  return {
    by,
    on,
    found,
    notes: [signedOffNote(by, on), ...(incomplete.length > 0 ? [incompleteNote(incomplete)] : [])],
  };
}

/** One cell a sign-off in place writes, with the number format that keeps it what it is (text, a date). */
export interface SignOffCell {
  address: string;
  value: string | number;
  numberFormat: string;
}

/** The cells a sign-off in place writes on one sheet, and the protection it lifts and puts back to write them. */
export interface SignOffSheetEdit {
  sheet: string;
  /** The sheet is protected now: lift the protection, write, then protect it again with `protection`. */
  isProtected: boolean;
  protection: SheetProtection;
  cells: SignOffCell[];
}

/** A sign-off in place: the record, the only cells it writes, and what to tell the user (the check's warnings in one sentence last). */
export interface SignOffInPlace {
  record: SignOffRecord;
  edits: SignOffSheetEdit[];
  notes: string[];
}

const SIGN_OFF_KEYS = ["signedOffBy", "signedOffOn", "answersFingerprint"] as const satisfies readonly MetadataKey[];

/**
 * Signs off the assessment in `snapshot` where it is: the Guide's Signed off by and Signed off on, and
 * in the metadata who, when and the fingerprint of the answers exactly as read (nothing else is written,
 * so they stay the answers signed off). A refusal when the return must not be signed off, or when its
 * layout has no sign-off cells (an upgrade adds them).
 */
export function planSignOffInPlace({
  snapshot,
  toolkit,
  request,
  check,
}: SignOffInput): SignOffInPlace | SignOffRefusal {
  const accepted = decide({ snapshot, toolkit, request, check });
  if (isRefusal(accepted)) return accepted;
  const { by, on, found } = accepted;
  const sheetNamed = (name: string | undefined) => snapshot.sheets.find((s) => s.name === name);
  const guide = sheetNamed(found.roles.guide);
  const metadata = sheetNamed(found.roles.metadata);
  const rows = metadataRows(metadata);
  if (!guide || !metadata || !guideHasDetails(found.info.metadata) || SIGN_OFF_KEYS.some((key) => !rows[key]))
    return refusal("no-sign-off-cells", signOffWords.noSignOffCells, signOffWords.noSignOffCellsNext);
  const record: SignOffRecord = { by, on, answersFingerprint: answersFingerprint(found.answers, { by, on }, toolkit) };
  const at = (cell: { row: number; column: number }) => cellAddress(cell.row, cell.column);
  const recorded: Record<(typeof SIGN_OFF_KEYS)[number], string> = {
    signedOffBy: by,
    signedOffOn: on,
    answersFingerprint: record.answersFingerprint,
  };
  const edits: SignOffSheetEdit[] = [
    {
      sheet: guide.name,
      isProtected: guide.protected === true,
      protection: GUIDE_PROTECTION,
      cells: [
        { address: at(GUIDE.signedOffByCell), value: by, numberFormat: TEXT_FORMAT },
        { address: at(GUIDE.signedOffOnCell), value: isoDateToSerial(on), numberFormat: DATE_FORMAT },
      ],
    },
    {
      sheet: metadata.name,
      isProtected: metadata.protected === true,
      protection: METADATA_PROTECTION,
      cells: SIGN_OFF_KEYS.map((key) => ({
        address: `B${rows[key]}`,
        value: recorded[key],
        numberFormat: TEXT_FORMAT,
      })),
    },
  ];
  const warnings = signOffWarningsNote(check);
  return { record, edits, notes: [...accepted.notes, ...(warnings ? [warnings] : [])] };
}

/** A signed-off copy: a new workbook from the upgrade's plan, every answer carried, with the sign-off recorded. */
export interface SignedOffCopy {
  planned: PlannedAssessment;
  /** Who and when, whether it was signed off incomplete, then what carrying the answers moved into the evidence. */
  notes: string[];
}

/**
 * Signs off the assessment in `snapshot` into a new workbook of its own (the command line never re-saves
 * the user's): the upgrade's plan with the sign-off recorded over the answers as that plan writes them
 * (with errors allowed, an entry that is not a level moves into the evidence, with a note naming the sign-off).
 */
export function planSignedOffCopy({ snapshot, toolkit, request, check }: SignOffInput): SignedOffCopy | SignOffRefusal {
  const accepted = decide({ snapshot, toolkit, request, check });
  if (isRefusal(accepted)) return accepted;
  const { by, on } = accepted;
  const planned = planUpgrade(snapshot, toolkit, {
    details: { council: "", assessmentDate: "" },
    now: request.now,
    workbookSheets: [],
    signOff: { by, on },
  });
  if (!planned) throw new Error("The assessment read for the sign-off could not be planned again.");
  return { planned, notes: [...accepted.notes, ...planned.warnings] };
}
