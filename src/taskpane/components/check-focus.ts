/**
 * Ids that the pane moves focus to after a check action, so keyboard and screen reader users land on what
 * changed. They live apart from the check view so that the pane's first script need not carry that view: it
 * is loaded when the Check tab is first opened.
 */
export const FOCUS = {
  results: "check-summary",
  reportLink: "check-report-link",
  copyText: "check-copy-text",
  repairedCopy: "check-repaired-copy",
  error: "check-error",
} as const;
