import { rangeAddress } from "../util/a1";
import { MODERATION_SOURCES, SHEET_NAMES, type MetadataKey } from "./layout";
import type { ModerationSource } from "./moderation-types";
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
export function metadataSheet(
  values: Record<MetadataKey, string>,
  sheetNames: Record<string, string>,
  moderationSources: readonly ModerationSource[] = [],
): SheetPlan {
  const widths = moderationSources.length > 0 ? [22, 70, 4, ...MODERATION_SOURCES.widths] : [22, 70];
  const sheet = new SheetBuilder("metadata", "metadata", sheetNames.metadata ?? SHEET_NAMES.metadata, widths);
  const rows = Object.entries(values);
  // An empty value (no sign-off yet) is an empty cell: both writers leave it out alike.
  sheet.block(1, 1, [["Property", "Value"], ...rows.map(([key, value]) => [key, value === "" ? null : value])]);
  // Stored as text so that versions such as "1.0" are never turned into numbers.
  sheet.style(`B2:B${rows.length + 1}`, { numberFormat: TEXT_FORMAT });
  if (moderationSources.length > 0) addModerationSources(sheet, moderationSources);
  sheet.plan.visibility = "veryHidden";
  sheet.plan.protection = { ...METADATA_PROTECTION };
  return sheet.plan;
}

/** The returns a moderation was made from, beside the properties (layout.ts MODERATION_SOURCES), all as text. */
function addModerationSources(sheet: SheetBuilder, sources: readonly ModerationSource[]): void {
  const { column, headerRow, columnCount } = MODERATION_SOURCES;
  const rows = sources.map((source) =>
    MODERATION_SOURCES.row<string | null>({
      file: source.file,
      respondent: source.respondent || null,
      role: source.role || null,
      answersFingerprint: source.answersFingerprint,
    }),
  );
  sheet
    .block(headerRow, column, [MODERATION_SOURCES.headers, ...rows])
    .style(rangeAddress(headerRow + 1, column, headerRow + rows.length, column + columnCount - 1), {
      numberFormat: TEXT_FORMAT,
    });
}
