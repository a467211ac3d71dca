/**
 * How a sheet goes on paper: the first of A4, A4 with narrow margins, A3 and A3 with narrow margins
 * on which the columns, fitted to one page wide, keep the body text (Calibri 11) at least 7 pt.
 * Excel's own rule, in points: a column of w characters is charactersToPoints(w) wide, the page less
 * its left and right margins is what the columns are scaled to fit, and a fit never enlarges.
 */
import { charactersToPoints } from "./units";
import type { PrintSetup } from "./types";

/** Paper sizes in points, portrait (width × height). */
export const PAPER_POINTS = { A4: { width: 595.3, height: 841.9 }, A3: { width: 841.9, height: 1190.6 } } as const;
/** Left and right margins in inches: Excel's Normal (0.7) and Narrow (0.25) presets. */
export const SIDE_MARGIN_INCHES = { normal: 0.7, narrow: 0.25 } as const;
export const BODY_TEXT_POINTS = 11;
/** The smallest body text on paper that stays readable. */
export const MIN_PRINTED_TEXT_POINTS = 7;

type Layout = Pick<PrintSetup, "paper" | "margins">;
const LAYOUTS: Layout[] = [
  { paper: "A4", margins: "normal" },
  { paper: "A4", margins: "narrow" },
  { paper: "A3", margins: "normal" },
  { paper: "A3", margins: "narrow" },
];

/** The body text's size on paper with `widths` (characters) fitted to one page wide. */
export function printedTextPoints(
  layout: Layout,
  orientation: PrintSetup["orientation"],
  widths: readonly number[],
): number {
  const size = PAPER_POINTS[layout.paper];
  const page = orientation === "landscape" ? size.height : size.width;
  const printable = page - 2 * 72 * SIDE_MARGIN_INCHES[layout.margins];
  const width = widths.reduce((sum, w) => sum + charactersToPoints(w), 0);
  return BODY_TEXT_POINTS * Math.min(1, printable / width);
}

/** The smallest paper, and margins, that keep the text readable (the widest on A3 narrow, whatever it gives). */
export function printLayoutFor(orientation: PrintSetup["orientation"], widths: readonly number[]): Layout {
  return (
    LAYOUTS.find((layout) => printedTextPoints(layout, orientation, widths) >= MIN_PRINTED_TEXT_POINTS) ??
    LAYOUTS[LAYOUTS.length - 1]
  );
}
