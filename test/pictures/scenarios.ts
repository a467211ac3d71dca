/** What the pictures show, shared by the page that renders the pane and the script that photographs it. */
/**
 * In Excel: a new workbook, an earlier assessment, a finished build, an assessment with a descriptor
 * edited by hand (to check); or a plain browser without office.js.
 */
export type PaneScenario = "new" | "upgrade" | "built" | "check" | "standalone";

/** The "check" scenario's tampering: the first key area's first Minimum descriptor, with words added. */
export const TAMPERED_CELL = "D9";
export const TAMPERED_SUFFIX = " (as agreed locally)";

export const PICTURE_COUNCIL = "Anytown Borough Council";
/** A fixed date, so that pictures made on different days are the same. */
export const PICTURE_DATE = "2026-03-31";
