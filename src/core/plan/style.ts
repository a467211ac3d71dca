import type { ColumnFormat } from "./columns";
import type { CellStyle } from "./types";

/** The workbook's palette and shared styles. Colours meet WCAG AA contrast with their text. */
export const COLOURS = {
  headerFill: "#1F4E79",
  headerText: "#FFFFFF",
  titleText: "#1F4E79",
  principleFill: "#EDEDED",
  inputFill: "#FFF2CC",
  currentFill: "#C6EFCE",
  currentText: "#006100",
  targetFill: "#DDEBF7",
  targetText: "#1F3864",
  invalidFill: "#FFC7CE",
  invalidText: "#9C0006",
  noteText: "#404040",
  themeRowFill: "#D9E1F2",
  barFill: "#5B9BD5",
  /** The radar chart's lines: green for current, blue for target, as on the key area sheets. */
  chartCurrent: "#00A050",
  chartTarget: "#2F6FD0",
  /** Last year's answers (read-only cells), and the radar's third line: last year's average current scores. */
  previousFill: "#F2F2F2",
  chartPrevious: "#C55A11",
};

export const TITLE: CellStyle = { bold: true, fontSize: 16, fontColor: COLOURS.titleText };
export const SUBTITLE: CellStyle = { italic: true, fontColor: COLOURS.noteText };
export const HEADER: CellStyle = {
  bold: true,
  fill: COLOURS.headerFill,
  fontColor: COLOURS.headerText,
  wrap: true,
  vertical: "center",
  border: "thin",
};
export const WRAPPED_TEXT: CellStyle = { wrap: true, vertical: "top" };
export const INPUT: CellStyle = { fill: COLOURS.inputFill, locked: false, border: "thin", vertical: "top" };
/** Text format, so whatever a user types (even "=…") stays text. */
export const TEXT_FORMAT = "@";
export const DATE_FORMAT = "dd/mm/yyyy";
export const SCORE_FORMAT = "0";
export const AVERAGE_FORMAT = "0.0";

/** The number format of each kind of column (columns.ts): a level is a name, shown as typed (General). */
export const COLUMN_NUMBER_FORMAT: Record<ColumnFormat, string | undefined> = {
  text: TEXT_FORMAT,
  date: DATE_FORMAT,
  score: SCORE_FORMAT,
  level: undefined,
};

/**
 * Row height in points that one line of text at `fontSize` needs: Excel's own autofit for Calibri
 * (15 at 11 points, 21 at 16), in whole pixels (0.75 points at 96 dpi). A row keeps this only when
 * the plan sets it: LibreOffice leaves a row with no height at the default 15 points, clipping a
 * larger font.
 */
export const rowHeightForFont = (fontSize: number) => Math.ceil((fontSize * 1.3125) / 0.75) * 0.75;

/** Height of a header row whose labels wrap onto two lines. */
export const TWO_LINE_HEADER_HEIGHT = 32;

/** Approximate wrapped height: Excel does not autofit merged or formula-filled rows on its own. */
export function wrappedHeight(texts: { text: string; width: number }[], minimum = 15): number {
  const lineHeight = 15;
  const lines = Math.max(
    1,
    ...texts.map(({ text, width }) =>
      text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil((line.length * 1.1) / Math.max(1, width))), 0),
    ),
  );
  return Math.min(409, Math.max(minimum, lines * lineHeight + 4));
}
