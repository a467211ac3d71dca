import type { Toolkit } from "../toolkit/schema";
import { cellAddress, rangeAddress } from "../util/a1";
import { DATE_ENTRY_ERROR, EARLIEST_DATE, isoDateToSerial } from "../util/dates";
import { GUIDE, SHEET_NAMES } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { DATE_FORMAT, HEADER, INPUT, SUBTITLE, TEXT_FORMAT, TITLE, WRAPPED_TEXT, wrappedHeight } from "./style";
import type { PlanCell, SheetPlan } from "./types";

const GUIDE_WIDTHS = [28, 62, 30, 12];
const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

const HOW_TO = [
  "Each key area has its own sheet. For every specific behaviour, read the five descriptions and pick the Current level (where the council is today) and the Target level (where it aims to be) in the yellow cells.",
  "Record the evidence for the current level, who owns the behaviour and when to review it. Everything you type stays as text: nothing you enter is treated as a formula.",
  "The Summary, Gaps and Data sheets update by themselves in any copy of Excel or LibreOffice; no add-in is needed to answer or to read the results.",
  "Typical level: the average current score of the assessed behaviours, rounded down. Assured level: the lowest current score, a level that every assessed behaviour meets (as in weakest-link schemes).",
  "Gaps lists every behaviour with the shortfall to its target (never negative), what the next level looks like, and a priority rank (largest gap first). Sort and filter it freely.",
  "Data is a table with one row per behaviour, ready for a PivotTable (Insert > PivotTable).",
];

/**
 * Whose text the toolkit is, and that it is a draft where its source says so (every page of the 2018 export is
 * marked DRAFT), so that nobody mistakes the workbook for a later edition.
 */
export function provenanceLine(toolkit: Toolkit): string {
  const draft = /\bDRAFT\b/.test(toolkit.source)
    ? " Every page of the source is marked DRAFT: this is the draft text, not a later edition."
    : "";
  return `Toolkit text: ${toolkit.publisher}, ${toolkit.title}.${draft}`;
}

export function guideSheet(
  toolkit: Toolkit,
  sheetNames: Record<string, string>,
  council: string | undefined,
  assessmentDate: string | undefined,
  toolkitLabel: string,
): SheetPlan {
  const sheet = new SheetBuilder("guide", "guide", sheetNames.guide ?? SHEET_NAMES.guide, GUIDE_WIDTHS);
  const council_ = cellAddress(GUIDE.councilCell.row, GUIDE.councilCell.column);
  const date = cellAddress(GUIDE.dateCell.row, GUIDE.dateCell.column);
  const provenance = provenanceLine(toolkit);
  sheet
    .block(1, 1, [["NPS Toolkit for Excel: procurement self-assessment"]])
    .style("A1", TITLE)
    .block(2, 1, [[toolkit.title]])
    .style("A2", SUBTITLE)
    .block(3, 1, [[provenance]])
    .style("A3", { ...SUBTITLE, ...WRAPPED_TEXT })
    .merge("A3:D3")
    .rowHeight(3, wrappedHeight([{ text: provenance, width: sum(GUIDE_WIDTHS) }]))
    .block(GUIDE.councilCell.row, 1, [
      ["Council", council ?? null],
      ["Assessment date", assessmentDate ? isoDateToSerial(assessmentDate) : null],
      ["Toolkit", toolkitLabel],
    ])
    .style("A4:A6", { bold: true })
    .style(`${council_}:${date}`, INPUT)
    .style(council_, { numberFormat: TEXT_FORMAT })
    .style(date, { numberFormat: DATE_FORMAT, horizontal: "left" })
    .validate({
      type: "date",
      range: date,
      minimum: isoDateToSerial(EARLIEST_DATE),
      allowBlank: true,
      prompt: { title: "Assessment date", message: "The date of this self-assessment (dd/mm/yyyy)." },
      error: DATE_ENTRY_ERROR,
    });

  const howRow = 8;
  sheet.block(howRow, 1, [["How to use this workbook"], ...HOW_TO.map((_, i) => [`${i + 1}.`])]);
  sheet.block(
    howRow + 1,
    2,
    HOW_TO.map((text) => [text]),
  );
  sheet.style(cellAddress(howRow, 1), { bold: true, fontSize: 13 });
  sheet.style(rangeAddress(howRow + 1, 1, howRow + HOW_TO.length, 2), { ...WRAPPED_TEXT });
  HOW_TO.forEach((_, i) =>
    sheet.merge(rangeAddress(howRow + 1 + i, 2, howRow + 1 + i, 4)).rowHeight(howRow + 1 + i, 48),
  );

  const levelsRow = howRow + HOW_TO.length + 2;
  sheet.block(levelsRow, 1, [["Level", "Score"], ...toolkit.levels.map((level, i): PlanCell[] => [level, i + 1])]);
  sheet.style(rangeAddress(levelsRow, 1, levelsRow, 2), HEADER);
  sheet.style(rangeAddress(levelsRow + 1, 1, levelsRow + toolkit.levels.length, 2), {
    border: "thin",
    horizontal: "left",
  });

  const areasRow = levelsRow + toolkit.levels.length + 2;
  const areas: PlanCell[][] = toolkit.themes.flatMap((theme) =>
    theme.keyAreas.map((area): PlanCell[] => [
      theme.name,
      area.name,
      sheetNames[`keyArea:${area.id}`] ?? area.sheetName,
      area.behaviours.length,
    ]),
  );
  sheet.block(areasRow, 1, [["Theme", "Key area", "Sheet", "Behaviours"], ...areas]);
  areas.forEach((cells, i) =>
    sheet.rowHeight(
      areasRow + 1 + i,
      wrappedHeight(cells.slice(0, 3).map((text, c) => ({ text: String(text), width: GUIDE_WIDTHS[c] }))),
    ),
  );
  sheet.style(rangeAddress(areasRow, 1, areasRow, 4), HEADER);
  sheet.style(rangeAddress(areasRow + 1, 1, areasRow + areas.length, 4), { ...WRAPPED_TEXT, border: "thin" });

  sheet.plan.protection = { allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false };
  sheet.plan.print = { orientation: "portrait", fitToWidth: true };
  return sheet.plan;
}
