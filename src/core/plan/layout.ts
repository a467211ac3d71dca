/**
 * Where things live in the generated workbook. The readers use the same constants, so a layout
 * change is one edit here plus a LAYOUT_VERSION bump (which makes existing workbooks upgradeable).
 */
export const LAYOUT_VERSION = 2;

export const SHEET_NAMES = {
  guide: "Guide",
  summary: "Summary",
  gaps: "Gaps",
  data: "Data",
  retired: "Retired answers",
  metadata: "NPS_Metadata",
} as const;

/** Plan keys of the workbook's fixed sheets; key area sheets are `keyArea:<ID>`. */
export const keyAreaSheetKey = (keyAreaId: string) => `keyArea:${keyAreaId}`;

/** Workbook-scope name marking the sheet that plays a role (Excel updates it when a sheet is renamed). */
export const roleNameFor = (key: string) =>
  `NPS_Sheet_${key.replace(/^keyArea:/, "KA_").replace(/[^A-Za-z0-9_]/g, "_")}`;

/** Guide: where the council and assessment date are entered. */
export const GUIDE = {
  councilCell: { row: 4, column: 2 },
  dateCell: { row: 5, column: 2 },
} as const;

/** Key area sheets: one row per behaviour from FIRST_BEHAVIOUR_ROW, the principle just above. */
export const KEY_AREA = {
  headerRow: 7,
  principleRow: 8,
  firstBehaviourRow: 9,
  columns: {
    id: 1,
    behaviour: 2,
    /** Five descriptor columns, Minimum first. */
    firstDescriptor: 3,
    current: 8,
    target: 9,
    evidence: 10,
    owner: 11,
    reviewDate: 12,
    currentScore: 13,
    targetScore: 14,
    gap: 15,
  },
} as const;

/** Retired answers sheet: behaviour answers the toolkit no longer has, one row each from FIRST_ROW. */
export const RETIRED = {
  headerRow: 3,
  firstRow: 4,
  columns: { id: 1, current: 2, target: 3, evidence: 4, owner: 5, reviewDate: 6 },
} as const;

/** Text shown in a score cell when the level typed is not one of the five names. */
export const NOT_A_LEVEL = "Not a level";

/** Metadata sheet: property names in column A, values in column B, from row 2. */
export const METADATA_KEYS = [
  "toolkitId",
  "toolkitVersion",
  "toolkitFingerprint",
  "layoutVersion",
  "generator",
  "generatorVersion",
  "created",
  "updated",
] as const;
export type MetadataKey = (typeof METADATA_KEYS)[number];

export const GENERATOR_NAME = "NPS Toolkit for Excel";
