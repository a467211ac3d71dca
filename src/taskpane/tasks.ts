/**
 * The pane's tasks, one tab each, in the order the tabs show them. A new task is one entry here (and its
 * view in TaskPane's panel): the tab list, its keyboard and its link to the panel follow from this list.
 */
import { moderationWords } from "../core/words/moderation";
import { paneWords } from "../core/words/pane";
import type { PaneTab } from "./state";

export interface PaneTask {
  tab: PaneTab;
  /** The tab's label in Excel. */
  label: string;
  /** The tab's label on the standalone page (outside Excel); null where the task needs Excel. */
  standaloneLabel: string | null;
  /** In Excel, offered only once the workbook holds an assessment (there is nothing to check or sign off before). */
  needsAssessment: boolean;
}

const t = paneWords.tabs;

export const PANE_TASKS: readonly PaneTask[] = [
  { tab: "assessment", label: t.assessment, standaloneLabel: t.newWorkbook, needsAssessment: false },
  { tab: "check", label: t.check, standaloneLabel: t.checkFile, needsAssessment: true },
  { tab: "signOff", label: t.signOff, standaloneLabel: null, needsAssessment: true },
  { tab: "consolidate", label: t.consolidate, standaloneLabel: t.consolidate, needsAssessment: false },
  {
    tab: "moderate",
    label: moderationWords.pane.tab,
    standaloneLabel: moderationWords.pane.tab,
    needsAssessment: false,
  },
];

/** A tab as the tab list shows it. */
export interface ShownTab {
  tab: PaneTab;
  label: string;
}

/** The tabs offered now: in Excel, with or without an assessment in the workbook, or on the standalone page. */
export function tabsOf({ inExcel, hasAssessment }: { inExcel: boolean; hasAssessment: boolean }): ShownTab[] {
  return PANE_TASKS.flatMap(({ tab, label, standaloneLabel, needsAssessment }) => {
    if (!inExcel) return standaloneLabel === null ? [] : [{ tab, label: standaloneLabel }];
    return needsAssessment && !hasAssessment ? [] : [{ tab, label }];
  });
}
