/** What the pictures show, shared by the page that renders the pane and the script that photographs it. */
/** In Excel: a new workbook, an earlier assessment, a finished build; or a plain browser without office.js. */
export type PaneScenario = "new" | "upgrade" | "built" | "standalone";

export const PICTURE_COUNCIL = "Anytown Borough Council";
/** A fixed date, so that pictures made on different days are the same. */
export const PICTURE_DATE = "2026-03-31";
