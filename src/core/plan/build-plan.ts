import type { Answers, SignOffRecord } from "./answer-types";
import { toolkitFingerprint } from "../toolkit/load";
import type { Toolkit } from "../toolkit/schema";
import { quoteSheet } from "../util/a1";
import { cleanAnswers } from "./answers";
import { behaviourEntries } from "./behaviour-rows";
import { actionsSheet } from "./actions-sheet";
import { dataSheet } from "./data-sheet";
import { gapsSheet } from "./gaps-sheet";
import { guideSheet } from "./guide-sheet";
import { keyAreaSheet, type KeyAreaRows } from "./key-area-sheet";
import {
  GENERATOR_NAME,
  GROUP_SHEET_KEYS,
  GUIDE,
  LAYOUT_VERSION,
  keyAreaSheetKey,
  roleNameFor,
  SHEET_NAMES,
} from "./layout";
import { metadataSheet } from "./metadata-sheet";
import { moderationSheet } from "./moderation-sheet";
import type { ModerationRecord } from "./moderation-types";
import { retiredSheet } from "./retired-sheet";
import { summarySheet } from "./summary-sheet";
import type { DefinedName, SheetPlan, WorkbookPlan } from "./types";
import { absolute } from "../util/a1";
import { todayIso } from "../util/dates";
import { GENERATOR_VERSION } from "../version";

export interface PlanOptions {
  council?: string;
  /** ISO date, YYYY-MM-DD. */
  assessmentDate?: string;
  /** Stamped as the update time (and the creation time unless `created` is given). */
  now: Date;
  /** ISO timestamp of the original creation, kept across upgrades. */
  created?: string;
  /** Sheet names by plan key, overriding the defaults (to avoid a user's sheet, or keep a user's renames). */
  sheetNames?: Record<string, string>;
  /** The sign-off to record on the Guide and in the metadata (none until someone signs the answers off). */
  signOff?: SignOffRecord;
  /** The respondents' levels and notes of a moderated return: its Moderation sheet and its sources in the metadata. */
  moderation?: ModerationRecord;
}

/** Default sheet names of an assessment by plan key (a group workbook's sheets are not an assessment's). */
export function defaultSheetNames(toolkit: Toolkit): Record<string, string> {
  const names: Record<string, string> = { ...SHEET_NAMES };
  for (const key of GROUP_SHEET_KEYS) delete names[key];
  for (const theme of toolkit.themes)
    for (const area of theme.keyAreas) names[keyAreaSheetKey(area.id)] = area.sheetName;
  return names;
}

function definedNames(sheets: SheetPlan[], guideName: string): DefinedName[] {
  const guide = quoteSheet(guideName);
  return [
    ...sheets.map((sheet) => ({ name: roleNameFor(sheet.key), reference: `${quoteSheet(sheet.name)}!$A$1` })),
    { name: "NPS_Council", reference: `${guide}!${absolute(GUIDE.councilCell.row, GUIDE.councilCell.column)}` },
    { name: "NPS_AssessmentDate", reference: `${guide}!${absolute(GUIDE.dateCell.row, GUIDE.dateCell.column)}` },
  ];
}

/**
 * The whole assessment workbook for a toolkit and (optionally) answers, as plain data. Pure: the
 * same inputs always give the same plan.
 */
export function buildWorkbookPlan(toolkit: Toolkit, answers: Answers, options: PlanOptions): WorkbookPlan {
  const cleaned = cleanAnswers(toolkit, {
    ...answers,
    council: options.council ?? answers.council,
    assessmentDate: options.assessmentDate ?? answers.assessmentDate,
  });
  const names = { ...defaultSheetNames(toolkit), ...options.sheetNames };
  const toolkitLabel = `${toolkit.id} ${toolkit.version}`;
  const areaRows = new Map<string, KeyAreaRows>();
  const keyAreaSheets: SheetPlan[] = [];
  for (const theme of toolkit.themes) {
    for (const area of theme.keyAreas) {
      const { sheet, rows } = keyAreaSheet(theme, area, names[keyAreaSheetKey(area.id)], toolkit.levels, {
        answers: cleaned.behaviours,
        previous: cleaned.previous?.behaviours ?? {},
      });
      areaRows.set(area.id, rows);
      keyAreaSheets.push(sheet);
    }
  }
  const entries = behaviourEntries(toolkit, areaRows);
  const stamp = options.now.toISOString();
  const sheets = [
    guideSheet(toolkit, names, { ...cleaned, signOff: options.signOff }, toolkitLabel),
    ...keyAreaSheets,
    summarySheet(toolkit, areaRows, names, todayIso(options.now)),
    gapsSheet(toolkit, entries, names),
    dataSheet(entries, names, toolkitLabel, toolkit.levels),
    actionsSheet(answers.actions ?? [], { dataSheet: names.data, behaviours: entries.length }, names),
    ...(options.moderation ? [moderationSheet(options.moderation, entries, names, toolkit.levels)] : []),
    ...(Object.keys(cleaned.retired).length > 0 ? [retiredSheet(cleaned.retired, names)] : []),
    metadataSheet(
      {
        toolkitId: toolkit.id,
        toolkitVersion: toolkit.version,
        toolkitFingerprint: toolkitFingerprint(toolkit),
        layoutVersion: String(LAYOUT_VERSION),
        generator: GENERATOR_NAME,
        generatorVersion: GENERATOR_VERSION,
        created: options.created ?? stamp,
        updated: stamp,
        signedOffBy: options.signOff?.by ?? "",
        signedOffOn: options.signOff?.on ?? "",
        answersFingerprint: options.signOff?.answersFingerprint ?? "",
        previousFile: cleaned.previous?.source.file ?? "",
        previousAssessmentDate: cleaned.previous?.source.assessmentDate ?? "",
        previousAnswersFingerprint: cleaned.previous?.source.answersFingerprint ?? "",
      },
      names,
      options.moderation?.sources,
    ),
  ];
  return { sheets, names: definedNames(sheets, names.guide), activeSheetKey: "guide", warnings: cleaned.warnings };
}
