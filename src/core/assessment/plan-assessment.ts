/**
 * The use cases of an assessment workbook, shared by the Excel host, the standalone page and the
 * command line: build a new one, or carry an existing one (read into a snapshot) into a new plan.
 * Snapshot, toolkit and details in; plan and notes out. Reading and writing are the callers'.
 */
import { recordedSignOff, signOffOfWritten, type SignOffBy } from "../answers/fingerprint";
import { readAssessment, type FoundAssessment } from "../answers/from-snapshot";
import { readModeration } from "../answers/moderation";
import type { Answers, SignOffRecord } from "../plan/answer-types";
import { buildWorkbookPlan, defaultSheetNames } from "../plan/build-plan";
import { GROUP_SHEET_KEYS, LAYOUT_VERSION, type GroupSheetKey } from "../plan/layout";
import type { SheetRole, WorkbookPlan } from "../plan/types";
import type { WorkbookSnapshot } from "../snapshot/types";
import { toolkitFingerprint } from "../toolkit/load";
import type { Toolkit } from "../toolkit/schema";
import { answersOfToolkit, carryAnswers, countAnswered } from "./carry";
import { builtNote, carriedNote, keptNamesNote, leftAloneNote, movedNotes, upgradedNote } from "./notes";
import { upgradeWords } from "../words/upgrade";
import { chooseSheetNames, isNumberedName } from "./sheet-names";

export interface AssessmentDetails {
  council: string;
  /** ISO date, YYYY-MM-DD. */
  assessmentDate: string;
  /** Picked from the lists (src/core/plan/council-groups.ts); on an upgrade, absent or blank keeps the workbook's own. */
  councilType?: string;
  region?: string;
}

export interface PlanningOptions {
  /** What the user entered; on an upgrade a blank keeps the workbook's own council and date. */
  details: AssessmentDetails;
  now: Date;
  /**
   * Every sheet of the workbook the plan will be written into, the user's own included, so that no
   * new sheet takes a user's sheet's name. An upgrade defaults to the snapshot's sheets (an upgrade
   * in place); pass [] when the plan becomes a new workbook of its own (a repaired copy).
   */
  workbookSheets?: string[];
  /** false when the writer cannot apply print setup and filter buttons (Excel below ExcelApi 1.9). */
  printAndFilters?: boolean;
  /**
   * Signs the answers off as the plan writes them (the sign-off use case, sign-off.ts). Without it
   * an upgrade keeps the sign-off the workbook recorded, as it was.
   */
  signOff?: SignOffBy;
}

/** The roles of an assessment's sheets the user sees (a group workbook's sheets are never an assessment's). */
export type MadeSheetRole = Exclude<SheetRole, "metadata" | GroupSheetKey>;

const isMadeSheetRole = (role: SheetRole): role is MadeSheetRole =>
  role !== "metadata" && !(GROUP_SHEET_KEYS as readonly string[]).includes(role);

export interface PlannedAssessment {
  action: "built" | "upgraded" | "repaired";
  plan: WorkbookPlan;
  /** Plan keys of sheets that exist already, with their current names: the writer rewrites these in place. */
  reuse: Record<string, string>;
  /** The sheets the user sees (the metadata sheet is very hidden), in tab order. */
  sheets: { name: string; role: MadeSheetRole }[];
  /**
   * Sheets of the snapshot that the plan does not write: users' own, and ours that the toolkit no
   * longer has. An upgrade in place leaves them as they are; a repaired copy does not carry them.
   */
  sheetsNotInPlan: string[];
  /** Behaviour IDs whose answers the plan carries, retired ones included (none for a build). */
  carriedIds: string[];
  /** What the user should check (entries moved into the evidence, answers retired); the last of the notes. */
  warnings: string[];
  notes: string[];
}

export interface AssessmentStatus {
  council: string;
  assessmentDate: string;
  /** As the Guide's pickers hold them ("" or absent when not picked). */
  councilType?: string;
  region?: string;
  toolkitVersion: string;
  /** The workbook was made from another toolkit version or layout. */
  upgradeAvailable: boolean;
  /** Behaviours of this toolkit with a current level that will be carried as a level. */
  assessedCount: number;
  behaviourCount: number;
  /** Per key area, in the toolkit's order: how many of its behaviours have a current level (the pane's bars). */
  keyAreas: KeyAreaProgress[];
}

export interface KeyAreaProgress {
  id: string;
  name: string;
  assessed: number;
  total: number;
}

export function madeSheets(plan: WorkbookPlan): PlannedAssessment["sheets"] {
  return plan.sheets
    .filter((s): s is typeof s & { role: MadeSheetRole } => isMadeSheetRole(s.role))
    .map((s) => ({ name: s.name, role: s.role }));
}

const printNote = (options: PlanningOptions) =>
  options.printAndFilters === false ? [upgradeWords.noPrintOrFilter] : [];

/** An upgrade (another toolkit or layout) rather than a repair of the same one. */
export function isUpgrade(found: FoundAssessment, toolkit: Toolkit): boolean {
  const { metadata } = found.info;
  return (
    metadata.toolkitFingerprint !== toolkitFingerprint(toolkit) || metadata.layoutVersion !== String(LAYOUT_VERSION)
  );
}

/** A new assessment in a workbook whose sheets are `options.workbookSheets` (none of which is ours). */
export function planBuild(toolkit: Toolkit, options: PlanningOptions): PlannedAssessment {
  const choice = chooseSheetNames(defaultSheetNames(toolkit), options.workbookSheets ?? [], {});
  const plan = buildWorkbookPlan(
    toolkit,
    { behaviours: {}, councilType: options.details.councilType, region: options.details.region },
    {
      council: options.details.council,
      assessmentDate: options.details.assessmentDate,
      now: options.now,
      sheetNames: choice.names,
    },
  );
  return {
    action: "built",
    plan,
    reuse: {},
    sheets: madeSheets(plan),
    sheetsNotInPlan: [],
    carriedIds: [],
    warnings: plan.warnings,
    notes: [builtNote(plan), ...movedNotes(plan, choice), ...printNote(options), ...plan.warnings],
  };
}

/**
 * Carries the assessment found in `snapshot` into a plan of `toolkit`: every answer by behaviour ID
 * (entries that are not levels or dates move into the evidence text, answers for behaviours the
 * toolkit dropped go to Retired answers), the names the user gave our sheets, the creation time.
 * null when the snapshot holds no assessment made by this add-in.
 */
export function planUpgrade(
  snapshot: WorkbookSnapshot,
  toolkit: Toolkit,
  options: PlanningOptions,
): PlannedAssessment | null {
  const found = readAssessment(snapshot, toolkit);
  if (!found) return null;
  const workbookSheets = options.workbookSheets ?? snapshot.sheets.map((s) => s.name);
  const choice = chooseSheetNames(defaultSheetNames(toolkit), workbookSheets, found.roles);
  const upgraded = isUpgrade(found, toolkit);
  const carried = carryAnswers(found.answers, toolkit, options.signOff ? "sign-off" : upgraded ? "upgrade" : "repair");
  const answers: Answers = {
    ...carried.answers,
    council: options.details.council.trim() || found.info.council,
    assessmentDate: options.details.assessmentDate.trim() || found.info.assessmentDate,
    councilType: options.details.councilType?.trim() || found.answers.councilType,
    region: options.details.region?.trim() || found.answers.region,
  };
  const signOff = options.signOff
    ? { record: signOffOfWritten(toolkit, answers, options.signOff), warnings: [] }
    : carriedSignOff(found);
  // A moderated return keeps its Moderation sheet: the respondents' levels, the notes and the sources.
  const moderation = readModeration(snapshot, found.roles);
  const plan = buildWorkbookPlan(toolkit, answers, {
    now: options.now,
    created: found.info.metadata.created || undefined,
    sheetNames: choice.names,
    signOff: signOff.record,
    ...(moderation ? { moderation } : {}),
  });
  const reuse = Object.fromEntries(
    Object.entries(found.roles).filter(([key]) => plan.sheets.some((s) => s.key === key)),
  );
  const warnings = [...found.unplaced, ...carried.warnings, ...signOff.warnings, ...plan.warnings];
  return {
    action: upgraded ? "upgraded" : "repaired",
    plan,
    reuse,
    sheets: madeSheets(plan),
    sheetsNotInPlan: snapshot.sheets
      .map((s) => s.name)
      .filter((name) => !Object.values(reuse).some((kept) => kept.toLowerCase() === name.toLowerCase())),
    carriedIds: Object.keys(carried.answers.behaviours),
    warnings,
    notes: [
      upgraded ? upgradedNote(found.info.metadata.toolkitVersion ?? "", toolkit) : upgradeWords.repaired,
      carriedNote(countAnswered(carried.answers, toolkit)),
      ...keptNamesNote(namesTheUserGave(plan, reuse, toolkit)),
      ...leftAlone(plan, found).map(leftAloneNote),
      ...movedNotes(plan, choice),
      ...printNote(options),
      ...warnings,
    ],
  };
}

/**
 * The sign-off an upgrade keeps: the one Sign off recorded in the metadata (the Guide shows it again
 * as recorded). Names typed into the Guide's sign-off cells by hand signed nothing off: they are
 * not kept, and the user is told.
 */
function carriedSignOff(found: FoundAssessment): { record?: SignOffRecord; warnings: string[] } {
  const record = recordedSignOff(found.info.metadata);
  if (record) return { record, warnings: [] };
  const typed = [found.info.signedOffBy, found.info.signedOffOn].filter((text) => text.trim() !== "");
  return {
    warnings: typed.length > 0 ? [upgradeWords.signOffTypedByHand({ typed })] : [],
  };
}

/** What repairing one workbook into a new file decides. */
export interface RepairedCopy {
  plan: WorkbookPlan;
  /** Behaviours with an answer, carried across. */
  carried: string[];
  /** Of those, the ones the toolkit no longer has, kept on the Retired answers sheet. */
  retired: string[];
  /** Sheets of the input that the new workbook does not have: the user's own, and any the toolkit dropped. */
  notCarried: string[];
  /** What carrying the answers moved into the evidence text, and the plan's warnings, for the user. */
  warnings: string[];
}

/**
 * The new workbook for an assessment read from a file: the core's upgrade use case (the one the
 * Excel host uses) planned for a new workbook of its own, so no sheet name is taken and the names
 * the user gave the assessment's sheets are kept. null when the file holds no assessment.
 */
export function planRepairedCopy(snapshot: WorkbookSnapshot, toolkit: Toolkit, now: Date): RepairedCopy | null {
  const planned = planUpgrade(snapshot, toolkit, {
    details: { council: "", assessmentDate: "" },
    now,
    workbookSheets: [],
  });
  return planned && repairedCopy(planned, toolkit);
}

function repairedCopy(planned: PlannedAssessment, toolkit: Toolkit): RepairedCopy {
  const known = new Set(toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id))));
  return {
    plan: planned.plan,
    carried: planned.carriedIds,
    retired: planned.carriedIds.filter((id) => !known.has(id)),
    notCarried: planned.sheetsNotInPlan,
    warnings: planned.warnings,
  };
}

/** Our visible sheets that the user renamed. A "Summary (2)" is a name the add-in chose beside a user's own "Summary". */
function namesTheUserGave(plan: WorkbookPlan, reuse: Record<string, string>, toolkit: Toolkit): string[] {
  const defaults = defaultSheetNames(toolkit);
  return plan.sheets
    .filter(
      (s) =>
        s.key in reuse &&
        s.visibility === "visible" &&
        s.name !== defaults[s.key] &&
        !isNumberedName(defaults[s.key], s.name),
    )
    .map((s) => s.name);
}

/** Sheets we made that the new plan no longer has (they are left as they are). */
function leftAlone(plan: WorkbookPlan, found: FoundAssessment): string[] {
  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  return found.ourSheets.filter((name) => !planned.has(name.toLowerCase()));
}

/** What the pane shows about the assessment in `snapshot` before the user acts; null when there is none. */
export function assessmentStatus(snapshot: WorkbookSnapshot, toolkit: Toolkit): AssessmentStatus | null {
  const found = readAssessment(snapshot, toolkit);
  if (!found) return null;
  const carried = carryAnswers(found.answers, toolkit).answers;
  const keyAreas = toolkit.themes
    .flatMap((t) => t.keyAreas)
    .map((k) => ({
      id: k.id,
      name: k.name,
      assessed: k.behaviours.filter((b) => carried.behaviours[b.id]?.current).length,
      total: k.behaviours.length,
    }));
  return {
    council: found.info.council,
    assessmentDate: found.info.assessmentDate,
    councilType: found.info.councilType,
    region: found.info.region,
    toolkitVersion: found.info.metadata.toolkitVersion ?? "",
    upgradeAvailable: isUpgrade(found, toolkit),
    assessedCount: answersOfToolkit(carried, toolkit).filter((a) => a.current).length,
    behaviourCount: toolkit.themes.flatMap((t) => t.keyAreas).flatMap((k) => k.behaviours).length,
    keyAreas,
  };
}
