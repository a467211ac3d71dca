import { SHEET_NAMES, type MetadataKey } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { TEXT_FORMAT } from "./style";
import type { SheetPlan, SheetProtection } from "./types";

/** The metadata sheet's protection (Sign off lifts and restores it to record the sign-off). */
export const METADATA_PROTECTION: SheetProtection = {
  allowFormatColumns: false,
  allowFormatRows: false,
  allowSort: false,
  allowAutoFilter: false,
};

/** The very hidden sheet that stamps which toolkit and layout made the workbook. */
export function metadataSheet(values: Record<MetadataKey, string>, sheetNames: Record<string, string>): SheetPlan {
  const sheet = new SheetBuilder("metadata", "metadata", sheetNames.metadata ?? SHEET_NAMES.metadata, [22, 70]);
  const rows = Object.entries(values);
  // An empty value (no sign-off yet) is an empty cell: both writers leave it out alike.
  sheet.block(1, 1, [["Property", "Value"], ...rows.map(([key, value]) => [key, value === "" ? null : value])]);
  // Stored as text so that versions such as "1.0" are never turned into numbers.
  sheet.style(`B2:B${rows.length + 1}`, { numberFormat: TEXT_FORMAT });
  sheet.plan.visibility = "veryHidden";
  sheet.plan.protection = { ...METADATA_PROTECTION };
  return sheet.plan;
}
