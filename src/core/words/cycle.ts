/**
 * The words of the council's year (src/core/cycle): starting this year's assessment from last year's return, and
 * the action plan drafted from the gaps; for the command line and the pane alike.
 */
import { dateSaid } from "../util/dates";
import { plural } from "../util/words";

export const cycleWords = {
  notAnAssessment: (file: string) =>
    `${file} holds no assessment made by the NPS toolkit, so there is no previous return to start from.`,
  laterThanNew: (file: string, previousDate: string, newDate: string) =>
    `${file} is dated ${dateSaid(previousDate)}, after this assessment's date (${dateSaid(newDate)}): it cannot be the previous return.`,
  /** What to do about a previous return dated after this one, where the date is given. */
  laterThanNewNext: {
    cli: "Check the dates, or give this assessment's date with --date.",
    pane: "Check the dates: next year's assessment date must be on or after last year's.",
  },
  sameDate: (file: string, date: string) =>
    `${file} has the same assessment date as this one (${dateSaid(date)}); its answers are shown as the previous ones all the same.`,
  noPreviousDate: (file: string) =>
    `${file} has no assessment date on its Guide, so the previous answers are shown without one.`,
  started: ({ file, carried, levels }: { file: string; carried: number; levels: boolean }) =>
    `Started from ${file}: ${plural(carried, "behaviour's answer", "behaviours' answers")} shown in the Previous columns${levels ? ", and their levels picked again as a starting point" : ""}.`,
  /** Last year's actions not Done or Dropped go on in this year's action plan. */
  actionsCarried: (count: number) =>
    `${count === 1 ? "1 action" : `${count} actions`} not Done or Dropped carried into this year's action plan, as ${count === 1 ? "it was" : "they were"}.`,
  otherToolkit: (from: string, to: string) =>
    `${from ? `The previous return was made with toolkit ${from}` : "The previous return does not say which toolkit version made it"}; its answers were matched to toolkit ${to} by behaviour ID.`,
  notInToolkit: (ids: readonly string[], version: string) =>
    `Not carried, as toolkit ${version} has no such behaviour: ${ids.join(", ")}.`,
  /** The action a drafted row suggests: reach the next level, in the toolkit's words for it. */
  draftedAim: (level: string, description: string) => `Reach ${level}: ${description}`,
  draftedNote: (count: number) =>
    count === 0
      ? "No action drafted: every behaviour below its target already has an action, or none is below its target."
      : `Drafted ${count === 1 ? "1 action" : `${count} actions`} on the Actions sheet, one for each behaviour below its target with no action yet; the actions already there are as they were. Give each an owner and a due date.`,
  /** The pane's Draft actions from the gaps, in the open workbook: what was added, or why nothing was. */
  draftedInPlace: {
    added: (count: number) =>
      `Added ${plural(count, "action")} to the action plan, one for each behaviour below its target that had none.`,
    noneMissing: "No actions added: every behaviour below its target already has an action.",
    noGaps: "No actions added: no behaviour has a current level below its target.",
    where: (sheet: string) =>
      `They are in the table on the sheet “${sheet}”, in its empty rows first and then at its foot, each aiming at the next level; the actions already there are as they were. Give each an owner and a due date.`,
    noAssessment: "This workbook holds no assessment, so there are no gaps to draft actions from.",
    noAssessmentNext: "Build the assessment on the Assessment tab first.",
    olderWorkbook:
      "This assessment was made by an earlier version of the add-in and has no action plan yet, so no actions could be added.",
    upgradeFirst:
      "Upgrade first: choose Upgrade on the Assessment tab (every answer is kept, and the Actions sheet is added). Then draft the actions again.",
    tableChanged:
      "The action plan table on this workbook is missing, or its columns have been changed, so no actions could be added.",
    repairFirst:
      "Repair the assessment first (Repair on the Assessment tab puts the action plan back and keeps every action). Then draft the actions again.",
  },
} as const;
