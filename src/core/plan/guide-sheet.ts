import type { SignOffRecord } from "./answer-types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress, rangeAddress } from "../util/a1";
import { DATE_ENTRY_ERROR, EARLIEST_DATE, isIsoDate, isoDateToSerial } from "../util/dates";
import { peerWords } from "../words/peers";
import { workbookWords } from "../words/workbook";
import { GROUPING_CHOICES, type CouncilGrouping } from "./council-groups";
import { GUIDE, GUIDE_INPUTS, GUIDE_PICKERS, SHEET_NAMES } from "./layout";
import { printLayoutFor } from "./print";
import { SheetBuilder } from "./sheet-builder";
import {
  DATE_FORMAT,
  HEADER,
  INPUT,
  rowHeightForFont,
  SUBTITLE,
  TEXT_FORMAT,
  WRAPPED_TEXT,
  wrappedHeight,
} from "./style";

const HOW_TO_HEADING = { bold: true, fontSize: 13 };
import type { PlanCell, SheetPlan, SheetProtection } from "./types";

const words = workbookWords.guide;
const GUIDE_WIDTHS = [28, 62, 30, 12];
const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

const HOW_TO = words.howTo;

/** What the Guide shows about the assessment, beyond the toolkit's own text. */
export interface GuideDetails {
  council?: string;
  /** ISO date, YYYY-MM-DD. */
  assessmentDate?: string;
  respondent?: string;
  role?: string;
  councilType?: string;
  region?: string;
  signOff?: SignOffRecord;
}

const at = (cell: { row: number; column: number }) => cellAddress(cell.row, cell.column);

/** The Guide's protection (Sign off lifts and restores it to write the two sign-off cells). */
export const GUIDE_PROTECTION: SheetProtection = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: false,
  allowAutoFilter: false,
};

/** A date cell's value: a serial number for an ISO date; anything else (a recorded sign-off edited by hand) as text. */
const dateOrBlank = (iso: string | undefined) => (iso ? (isIsoDate(iso) ? isoDateToSerial(iso) : iso) : null);

/**
 * Whose text the toolkit is, and that it is a draft where its source says so (every page of the 2018 export is
 * marked DRAFT), so that nobody mistakes the workbook for a later edition.
 */
export function provenanceLine(toolkit: Toolkit): string {
  return words.provenance({
    publisher: toolkit.publisher,
    title: toolkit.title,
    draft: /\bDRAFT\b/.test(toolkit.source),
  });
}

export function guideSheet(
  toolkit: Toolkit,
  sheetNames: Record<string, string>,
  details: GuideDetails,
  toolkitLabel: string,
): SheetPlan {
  const sheet = new SheetBuilder("guide", "guide", sheetNames.guide ?? SHEET_NAMES.guide, GUIDE_WIDTHS);
  const provenance = provenanceLine(toolkit);
  sheet
    .title(words.title)
    .block(2, 1, [[toolkit.title]])
    .style("A2", SUBTITLE)
    .block(3, 1, [[provenance]])
    .style("A3", { ...SUBTITLE, ...WRAPPED_TEXT })
    .merge("A3:D3")
    .rowHeight(3, wrappedHeight([{ text: provenance, width: sum(GUIDE_WIDTHS) }]));
  detailRows(sheet, details, toolkitLabel);
  const howRow = GUIDE.regionCell.row + 2;
  sheet.block(howRow, 1, [[words.howToHeading], ...HOW_TO.map((_, i) => [words.howToNumber(i + 1)])]);
  sheet.block(
    howRow + 1,
    2,
    HOW_TO.map((text) => [text]),
  );
  sheet.style(cellAddress(howRow, 1), HOW_TO_HEADING).rowHeight(howRow, rowHeightForFont(HOW_TO_HEADING.fontSize));
  sheet.style(rangeAddress(howRow + 1, 1, howRow + HOW_TO.length, 2), { ...WRAPPED_TEXT });
  const howWidth = sum(GUIDE_WIDTHS.slice(1));
  HOW_TO.forEach((text, i) =>
    sheet
      .merge(rangeAddress(howRow + 1 + i, 2, howRow + 1 + i, 4))
      .rowHeight(howRow + 1 + i, Math.max(48, wrappedHeight([{ text, width: howWidth }]))),
  );

  const levelsRow = howRow + HOW_TO.length + 2;
  sheet.block(levelsRow, 1, [[...words.levelsHeader], ...toolkit.levels.map((level, i): PlanCell[] => [level, i + 1])]);
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
  sheet.block(areasRow, 1, [[...words.areasHeader], ...areas]);
  areas.forEach((cells, i) =>
    sheet.rowHeight(
      areasRow + 1 + i,
      wrappedHeight(cells.slice(0, 3).map((text, c) => ({ text: String(text), width: GUIDE_WIDTHS[c] }))),
    ),
  );
  sheet.style(rangeAddress(areasRow, 1, areasRow, 4), HEADER);
  sheet.style(rangeAddress(areasRow + 1, 1, areasRow + areas.length, 4), { ...WRAPPED_TEXT, border: "thin" });

  sheet.plan.protection = { ...GUIDE_PROTECTION };
  sheet.plan.print = { orientation: "portrait", fitToWidth: true, ...printLayoutFor("portrait", GUIDE_WIDTHS) };
  return sheet.plan;
}

/** The label and value of each Guide detail, by the cell the value sits in (its label is to its left). */
function detailCells(
  details: GuideDetails,
  toolkitLabel: string,
): [{ row: number; column: number }, string, PlanCell][] {
  return [
    [GUIDE.councilCell, words.details.council, details.council ?? null],
    [GUIDE.dateCell, words.details.assessmentDate, dateOrBlank(details.assessmentDate)],
    [GUIDE.respondentCell, words.details.respondent, details.respondent ?? null],
    [GUIDE.roleCell, words.details.role, details.role ?? null],
    [GUIDE.toolkitCell, words.details.toolkit, toolkitLabel],
    [GUIDE.signedOffByCell, words.details.signedOffBy, details.signOff?.by ?? null],
    [GUIDE.signedOffOnCell, words.details.signedOffOn, dateOrBlank(details.signOff?.on)],
    [GUIDE.councilTypeCell, peerWords.label.councilType, details.councilType ?? null],
    [GUIDE.regionCell, peerWords.label.region, details.region ?? null],
  ];
}

/** Council, date, respondent and role to type in; the toolkit; who signed the answers off and when. */
function detailRows(sheet: SheetBuilder, details: GuideDetails, toolkitLabel: string): void {
  const rows = detailCells(details, toolkitLabel);
  const first = Math.min(...rows.map(([cell]) => cell.row));
  const last = Math.max(...rows.map(([cell]) => cell.row));
  const lines: PlanCell[][] = Array.from({ length: last - first + 1 }, () => [null, null]);
  for (const [cell, label, value] of rows) lines[cell.row - first] = [label, value];
  sheet.block(first, GUIDE.councilCell.column - 1, lines).style(rangeAddress(first, 1, last, 1), { bold: true });
  for (const cell of GUIDE_INPUTS) sheet.style(at(cell), INPUT);
  for (const cell of [GUIDE.councilCell, GUIDE.respondentCell, GUIDE.roleCell, ...Object.values(GUIDE_PICKERS)])
    sheet.style(at(cell), { numberFormat: TEXT_FORMAT });
  for (const grouping of Object.keys(GUIDE_PICKERS) as CouncilGrouping[]) picker(sheet, grouping);
  const date = at(GUIDE.dateCell);
  sheet.style(date, { numberFormat: DATE_FORMAT, horizontal: "left" }).validate({
    type: "date",
    range: date,
    minimum: isoDateToSerial(EARLIEST_DATE),
    allowBlank: true,
    prompt: { title: words.datePrompt.title, message: words.datePrompt.message },
    error: DATE_ENTRY_ERROR,
  });
  // Locked, and not yellow: Sign off writes these, with the fingerprint that makes them count.
  sheet
    .style(`${at(GUIDE.signedOffByCell)}:${at(GUIDE.signedOffOnCell)}`, { border: "thin", vertical: "top" })
    .style(at(GUIDE.signedOffByCell), { numberFormat: TEXT_FORMAT })
    .style(at(GUIDE.signedOffOnCell), { numberFormat: DATE_FORMAT, horizontal: "left" })
    .block(GUIDE.signedOffByCell.row, GUIDE.signedOffByCell.column + 1, [[SIGN_OFF_NOTE]])
    .style(cellAddress(GUIDE.signedOffByCell.row, GUIDE.signedOffByCell.column + 1), { ...SUBTITLE, ...WRAPPED_TEXT })
    .merge(rangeAddress(GUIDE.signedOffByCell.row, GUIDE.signedOffByCell.column + 1, GUIDE.signedOffOnCell.row, 4));
}

/** A list of the council types or regions that stops other entries. */
function picker(sheet: SheetBuilder, grouping: CouncilGrouping): void {
  const choices = GROUPING_CHOICES[grouping];
  sheet.validate({
    type: "list",
    range: at(GUIDE_PICKERS[grouping]),
    values: [...choices],
    allowBlank: true,
    prompt: { title: peerWords.label[grouping], message: peerWords.prompt[grouping] },
    error: { title: peerWords.notListedTitle[grouping], message: peerWords.notListedError(choices) },
  });
}

const SIGN_OFF_NOTE = words.signOffNote(HOW_TO.length);
