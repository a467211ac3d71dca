/**
 * Group Summary: key areas and themes down, returns across, by formulas over Group Data, so the figures
 * follow any correction made there. Rows are found by comparing with `=` (never COUNTIF or MATCH, which read
 * `*`, `?`, `~` and `>` in text as patterns) and by the return's number, and survive sorting the table.
 * Functions only from Excel 2010's set, nothing volatile, no whole-column references.
 */
import { levelArray } from "../plan/formulas";
import { GROUP_DATA, GROUP_SUMMARY } from "../plan/layout";
import { SheetBuilder } from "../plan/sheet-builder";
import { AVERAGE_FORMAT, COLOURS, HEADER, SUBTITLE, TWO_LINE_HEADER_HEIGHT, wrappedHeight } from "../plan/style";
import { NOT_ASSESSED } from "../plan/summary-sheet";
import type { PlanCell, SheetPlan } from "../plan/types";
import type { Toolkit } from "../toolkit/schema";
import { absoluteRange, cellAddress, columnLetter, formulaString, quoteSheet, rangeAddress } from "../util/a1";
import { GROUPING_CHOICES, type CouncilGrouping } from "../plan/council-groups";
import { consolidateWords } from "../words/consolidate";
import { peerWords } from "../words/peers";
import { workbookWords } from "../words/workbook";
import { cellsOver, MINIMUM_RETURNS, peerGroups, type PeerGroup } from "./peer-groups";
import type { UsedReturn } from "./types";

type StatisticKey = (typeof GROUP_SUMMARY.statistics)[number]["key"];
const words = workbookWords.groupSummary;
const SCOPE = workbookWords.scope;
const STATISTICS = GROUP_SUMMARY.statistics.map((statistic) => statistic.header);
/** The statistics on the level scale, which the typical levels block repeats as levels. */
const SCORE_STATISTICS = GROUP_SUMMARY.statistics.filter((statistic) => statistic.score);
/** Low scores red, high green; for the spread, small green and large red. */
const SCORE_COLOURS: [string, string, string] = ["#F8696B", "#FFEB84", "#63BE7B"];
const SPREAD_COLOURS: [string, string, string] = ["#63BE7B", "#FFEB84", "#F8696B"];

interface SummaryRow {
  label: string;
  scope: (typeof SCOPE)[keyof typeof SCOPE];
  /** Which Group Data column the row's label is compared with; none for the overall row. */
  match?: "keyArea" | "theme";
}

function summaryRows(toolkit: Toolkit): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const theme of toolkit.themes) {
    for (const area of theme.keyAreas) rows.push({ label: area.name, scope: SCOPE.keyArea, match: "keyArea" });
    rows.push({ label: theme.name, scope: SCOPE.theme, match: "theme" });
  }
  rows.push({ label: workbookWords.allKeyAreas, scope: SCOPE.overall });
  return rows;
}

/** A return's column heading: its number, council and respondent (or role), all as text; only its number when anonymised. */
export function returnLabel(used: UsedReturn, { anonymised }: { anonymised: boolean }): string {
  if (anonymised) return words.anonymousReturn(used.number);
  const who = used.identity.respondent || used.identity.role;
  return words.returnLabel(used.number, used.identity.council || words.noCouncil, who);
}

/** Where the Group Data columns are, as absolute ranges over its body. */
function groupDataRanges(groupDataName: string, rowCount: number) {
  const sheet = quoteSheet(groupDataName);
  const last = GROUP_DATA.firstRow + rowCount - 1;
  const range = (column: number) => `${sheet}!${absoluteRange(GROUP_DATA.firstRow, column, last, column)}`;
  const C = GROUP_DATA.columns;
  return {
    returnNumber: range(C.returnNumber),
    keyArea: range(C.keyArea),
    theme: range(C.theme),
    currentScore: range(C.currentScore),
    previousScore: range(C.previousScore),
    change: range(C.change),
  };
}

type GroupDataRanges = ReturnType<typeof groupDataRanges>;
/** The Group Data figures a block of return averages is over: this year's scores, last year's, or the change. */
type AveragedFigure = "currentScore" | "previousScore" | "change";

/**
 * A return's average of a figure (its current score unless said) over the row's behaviours: SUMPRODUCT of the
 * matches with the figures (it takes text and blanks as 0) over the count of numeric ones, so blanks and "Not a
 * level" never count, and a return with none is blank, not 0. Excel coerces a blank to 0 there only inside a range
 * of more than one cell; Group Data always holds a whole toolkit per return, so its ranges never are a single cell.
 * The return's number is read from the block's first header row (`returnNumberRow`).
 */
function averageFormula({
  row,
  rowNumber,
  column,
  ranges,
  figure = "currentScore",
  returnNumberRow = GROUP_SUMMARY.returnNumberRow,
}: {
  row: SummaryRow;
  rowNumber: number;
  column: number;
  ranges: GroupDataRanges;
  figure?: AveragedFigure;
  returnNumberRow?: number;
}): string {
  const returnCell = `${columnLetter(column)}$${returnNumberRow}`;
  const conditions = [`(${ranges.returnNumber}=${returnCell})`];
  if (row.match) conditions.push(`(${ranges[row.match]}=$${columnLetter(GROUP_SUMMARY.columns.label)}${rowNumber})`);
  const matches = conditions.join("*");
  const count = `SUMPRODUCT(${matches}*ISNUMBER(${ranges[figure]}))`;
  return `IF(${count}=0,"",SUMPRODUCT(${matches},${ranges[figure]})/${count})`;
}

/** Each statistic over the cells `over`, blank when none of them holds a number. */
const STATISTIC_FORMULAS: Record<StatisticKey, (over: string) => string> = {
  mean: (over) => `AVERAGE(${over})`,
  lowest: (over) => `MIN(${over})`,
  highest: (over) => `MAX(${over})`,
  spread: (over) => `MAX(${over})-MIN(${over})`,
};

/**
 * The statistics over `over`: blank when none of its cells holds a number; when anonymised, not shown
 * (peerWords.suppressed) when fewer than MINIMUM_RETURNS do.
 */
const statisticFormulas = (over: string, { anonymised }: { anonymised: boolean }): PlanCell[] =>
  GROUP_SUMMARY.statistics.map(({ key }) => ({
    formula: anonymised
      ? `IF(COUNT(${over})<${MINIMUM_RETURNS},${formulaString(peerWords.suppressed)},${STATISTIC_FORMULAS[key](over)})`
      : `IF(COUNT(${over})=0,"",${STATISTIC_FORMULAS[key](over)})`,
  }));

/** The level of a score cell; a figure not shown stays not shown. */
const levelOf = (cell: string, levels: readonly string[], { anonymised }: { anonymised: boolean }) =>
  `IF(ISNUMBER(${cell}),INDEX(${levelArray(levels)},INT(${cell})),${
    anonymised
      ? `IF(${cell}=${formulaString(peerWords.suppressed)},${cell},${formulaString(NOT_ASSESSED)})`
      : formulaString(NOT_ASSESSED)
  })`;

export interface GroupSummaryInput {
  toolkit: Toolkit;
  returns: UsedReturn[];
  groupDataRowCount: number;
  sheetNames: { groupSummary: string; groupData: string; consolidationLog: string };
  /** One line saying what was consolidated, for under the title. */
  description: string;
  /** Returns named by number only, and figures drawn from fewer than MINIMUM_RETURNS returns not shown. */
  anonymised?: boolean;
}

export function groupSummarySheet(input: GroupSummaryInput): SheetPlan {
  const { toolkit, returns } = input;
  const anonymised = input.anonymised ?? false;
  const rows = summaryRows(toolkit);
  const groupings = (Object.keys(GROUPING_CHOICES) as CouncilGrouping[]).map((grouping) => ({
    grouping,
    groups: peerGroups(returns, grouping),
  }));
  const peerColumns = Math.max(...groupings.map(({ groups }) => groups.length)) * STATISTICS.length;
  const first = GROUP_SUMMARY.columns.firstReturn;
  const lastReturn = first + returns.length - 1;
  /** The column of a statistic, after the returns'. */
  const statisticColumn = (key: StatisticKey) =>
    lastReturn + 1 + GROUP_SUMMARY.statistics.findIndex((s) => s.key === key);
  const lastColumn = lastReturn + STATISTICS.length;
  const widths = [
    GROUP_SUMMARY.widths.label,
    GROUP_SUMMARY.widths.scope,
    ...returns.map(() => GROUP_SUMMARY.widths.return),
    ...STATISTICS.map(() => GROUP_SUMMARY.widths.statistic),
  ];
  while (widths.length < first - 1 + peerColumns) widths.push(GROUP_SUMMARY.widths.statistic);
  const sheet = new SheetBuilder("groupSummary", "groupSummary", input.sheetNames.groupSummary, widths);
  const ranges = groupDataRanges(input.sheetNames.groupData, input.groupDataRowCount);
  const labels = returns.map((used) => returnLabel(used, { anonymised }));
  const withPrevious = returns.some(hasPreviousAnswers);

  sheet
    .title(words.title)
    .block(2, 1, [
      [input.description],
      [
        words.explained(input.sheetNames.groupData, input.sheetNames.consolidationLog) +
          (withPrevious ? consolidateWords.progress.described : ""),
      ],
      ...(anonymised ? [[peerWords.suppressedNote(MINIMUM_RETURNS)]] : []),
    ])
    .style(anonymised ? "A2:A4" : "A2:A3", SUBTITLE);

  // Block 1: average current scores, with the group's statistics.
  const numbersTop = GROUP_SUMMARY.firstRow;
  const numbersBottom = numbersTop + rows.length - 1;
  const header = (returnNumberRow: number, headers: (string | null)[]) => {
    sheet
      .block(returnNumberRow, 1, [
        [workbookWords.columns.returnNumber, null, ...returns.map((r) => r.number), ...STATISTICS.map(() => null)],
      ])
      .block(returnNumberRow + 1, 1, [[GROUP_SUMMARY.labelHeader, GROUP_SUMMARY.scopeHeader, ...labels, ...headers]])
      .style(rangeAddress(returnNumberRow, 1, returnNumberRow + 1, lastColumn), HEADER)
      .style(rangeAddress(returnNumberRow, first, returnNumberRow, lastColumn), { horizontal: "center" })
      .rowHeight(returnNumberRow + 1, TWO_LINE_HEADER_HEIGHT * 1.5);
  };
  header(GROUP_SUMMARY.returnNumberRow, STATISTICS);
  sheet.block(
    numbersTop,
    1,
    rows.map((row, i) => {
      const rowNumber = numbersTop + i;
      const over = `${cellAddress(rowNumber, first)}:${cellAddress(rowNumber, lastReturn)}`;
      return [
        row.label,
        row.scope,
        ...returns.map((_, r) => ({ formula: averageFormula({ row, rowNumber, column: first + r, ranges }) })),
        ...statisticFormulas(over, { anonymised }),
      ];
    }),
  );

  // Block 2: typical levels, from block 1.
  const levelsTitleRow = numbersBottom + 2;
  const levelsNumberRow = levelsTitleRow + 1;
  const levelsTop = levelsNumberRow + 2;
  const levelStatistics = SCORE_STATISTICS.map((statistic) => statistic.header);
  sheet.block(levelsTitleRow, 1, [[words.levelsTitle]]);
  sheet.style(cellAddress(levelsTitleRow, 1), { bold: true, fontColor: COLOURS.titleText });
  header(levelsNumberRow, [...levelStatistics, null]);
  sheet.block(
    levelsTop,
    1,
    rows.map((row, i): PlanCell[] => [
      row.label,
      row.scope,
      ...[...returns.map((_, r) => first + r), ...SCORE_STATISTICS.map(({ key }) => statisticColumn(key))].map(
        (column): PlanCell => ({
          formula: levelOf(cellAddress(numbersTop + i, column), toolkit.levels, { anonymised }),
        }),
      ),
      null,
    ]),
  );

  const body = (top: number, bottom: number) => rangeAddress(top, 1, bottom, lastColumn);
  const levelsBottom = levelsTop + rows.length - 1;
  sheet
    .style(body(numbersTop, numbersBottom), { border: "thin", vertical: "center" })
    .style(body(levelsTop, levelsBottom), { border: "thin", vertical: "center" })
    .style(rangeAddress(numbersTop, first, numbersBottom, lastColumn), {
      numberFormat: AVERAGE_FORMAT,
      horizontal: "center",
    })
    .style(rangeAddress(levelsTop, first, levelsBottom, lastColumn), { horizontal: "center" })
    .style(rangeAddress(numbersTop, 1, numbersBottom, 1), { wrap: true })
    .style(rangeAddress(levelsTop, 1, levelsBottom, 1), { wrap: true });
  rows.forEach((row, i) => {
    // Excel does not autofit the height of a row whose cells are formulas: long key area names wrap onto two lines.
    const height = wrappedHeight([{ text: row.label, width: GROUP_SUMMARY.widths.label }]);
    for (const top of [numbersTop, levelsTop]) sheet.rowHeight(top + i, height);
    if (row.scope === SCOPE.keyArea) return;
    for (const top of [numbersTop, levelsTop])
      sheet.style(rangeAddress(top + i, 1, top + i, lastColumn), { bold: true, fill: COLOURS.themeRowFill });
  });
  sheet
    .conditional({
      type: "colorScale",
      range: rangeAddress(numbersTop, first, numbersBottom, statisticColumn("highest")),
      colors: SCORE_COLOURS,
    })
    .conditional({
      type: "colorScale",
      range: rangeAddress(numbersTop, statisticColumn("spread"), numbersBottom, statisticColumn("spread")),
      colors: SPREAD_COLOURS,
    });
  let top = levelsBottom + 2;
  if (withPrevious)
    for (const figure of ["previousScore", "change"] as const)
      top = averagesBlock({ sheet, rows, top, returns: returns.length, ranges, figure, anonymised, header }) + 2;
  for (const { grouping, groups } of groupings) {
    const block = { sheet, rows, top, numbersTop, anonymised };
    top = peerBlock(block, grouping, groups) + 2;
  }
  sheet.plan.freeze = { rows: GROUP_SUMMARY.headerRow, columns: GROUP_SUMMARY.columns.scope };
  sheet.plan.protection = { allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false };
  sheet.printLandscape(GROUP_SUMMARY.headerRow, { fitToWidth: false });
  return sheet.plan;
}

interface PeerBlock {
  sheet: SheetBuilder;
  rows: SummaryRow[];
  /** The block's title row. */
  top: number;
  /** The first row of the returns' averages, which the groups' statistics are over. */
  numbersTop: number;
  anonymised: boolean;
}

/** A group's heading cells: its name, its number of returns ("Fewer than 5" when anonymised and too few). */
function groupHeading(group: PeerGroup, { anonymised }: { anonymised: boolean }): { name: PlanCell; count: PlanCell } {
  const tooFew = anonymised && group.positions.length < MINIMUM_RETURNS;
  return { name: group.name, count: tooFew ? peerWords.fewerThan(MINIMUM_RETURNS) : group.positions.length };
}

/**
 * The group's statistics per council type (or region): the same rows as above, and for each group with
 * returns its name, its number of returns, and the mean, lowest, highest and spread of its returns'
 * averages, by formulas over those averages. Returns the block's last row.
 */
function peerBlock(block: PeerBlock, grouping: CouncilGrouping, groups: PeerGroup[]): number {
  const { sheet, rows, top, numbersTop, anonymised } = block;
  const first = GROUP_SUMMARY.columns.firstReturn;
  const width = STATISTICS.length;
  const lastColumn = first - 1 + groups.length * width;
  const headings = groups.map((group) => groupHeading(group, { anonymised }));
  const spread = (cells: (group: number) => PlanCell[]) => groups.flatMap((_, g) => cells(g));
  const padded = (cell: PlanCell): PlanCell[] => [cell, ...STATISTICS.slice(1).map(() => null)];
  const bodyTop = top + 4;
  const bodyBottom = bodyTop + rows.length - 1;
  sheet
    .block(top, 1, [[peerWords.groupsTitle[grouping]]])
    .style(cellAddress(top, 1), { bold: true, fontColor: COLOURS.titleText })
    .block(top + 1, 1, [
      [peerWords.groupHeader, null, ...spread((g) => padded(headings[g].name))],
      [peerWords.returnsInGroup, null, ...spread((g) => padded(headings[g].count))],
      [GROUP_SUMMARY.labelHeader, GROUP_SUMMARY.scopeHeader, ...spread(() => [...STATISTICS])],
    ])
    .style(rangeAddress(top + 1, 1, top + 3, lastColumn), HEADER)
    .style(rangeAddress(top + 1, first, top + 2, lastColumn), { horizontal: "center" })
    .rowHeight(top + 1, TWO_LINE_HEADER_HEIGHT);
  groups.forEach((_, g) => {
    const from = first + g * width;
    for (const row of [top + 1, top + 2]) sheet.merge(rangeAddress(row, from, row, from + width - 1));
  });
  sheet.block(
    bodyTop,
    1,
    rows.map((row, i): PlanCell[] => [
      row.label,
      row.scope,
      ...groups.flatMap((group) => {
        const tooFew = anonymised && group.positions.length < MINIMUM_RETURNS;
        if (tooFew) return STATISTICS.map((): PlanCell => peerWords.suppressed);
        const columns = group.positions.map((position) => first + position);
        return statisticFormulas(cellsOver(numbersTop + i, columns, cellAddress), { anonymised });
      }),
    ]),
  );
  styleFigureRows({ sheet, rows, top: bodyTop, lastColumn });
  return bodyBottom;
}

/** Whether a return was started from a previous one: it has previous levels to compare with. */
const hasPreviousAnswers = (used: UsedReturn) => Object.keys(used.previousLevels ?? {}).length > 0;

/**
 * A block's rows of figures: bordered, averages to one decimal place, labels wrapped onto as many lines as they
 * need (Excel does not autofit a row of formulas), theme and overall rows bold on the theme fill.
 */
function styleFigureRows({
  sheet,
  rows,
  top,
  lastColumn,
}: {
  sheet: SheetBuilder;
  rows: SummaryRow[];
  top: number;
  lastColumn: number;
}): void {
  const bottom = top + rows.length - 1;
  const first = GROUP_SUMMARY.columns.firstReturn;
  sheet
    .style(rangeAddress(top, 1, bottom, lastColumn), { border: "thin", vertical: "center" })
    .style(rangeAddress(top, first, bottom, lastColumn), { numberFormat: AVERAGE_FORMAT, horizontal: "center" })
    .style(rangeAddress(top, 1, bottom, 1), { wrap: true });
  rows.forEach((row, i) => {
    sheet.rowHeight(top + i, wrappedHeight([{ text: row.label, width: GROUP_SUMMARY.widths.label }]));
    if (row.scope !== SCOPE.keyArea)
      sheet.style(rangeAddress(top + i, 1, top + i, lastColumn), { bold: true, fill: COLOURS.themeRowFill });
  });
}

interface AveragesBlock {
  sheet: SheetBuilder;
  rows: SummaryRow[];
  /** The block's title row. */
  top: number;
  /** How many returns there are, one column each. */
  returns: number;
  ranges: GroupDataRanges;
  /** Last year's scores, or the change since. */
  figure: Exclude<AveragedFigure, "currentScore">;
  anonymised: boolean;
  /** Draws the returns' two header rows (their numbers, then their labels) from a row, as above. */
  header: (returnNumberRow: number, headers: (string | null)[]) => void;
}

const AVERAGES_TITLES: Record<AveragesBlock["figure"], string> = {
  previousScore: consolidateWords.progress.previousTitle,
  change: consolidateWords.progress.changeTitle,
};

/**
 * Each return's previous average current score (or its change since), by key area, theme and overall, as the first
 * block shows this year's: by formulas over Group Data's previous score (or change) column, blank for a return
 * started from no previous one, then the group's statistics over the returns that have one (when anonymised, not
 * shown when fewer than MINIMUM_RETURNS have). The change is the mean of the behaviours' changes, as each return's
 * own Summary counts it: a behaviour answered only one of the two years is left out. Returns the block's last row.
 */
function averagesBlock(block: AveragesBlock): number {
  const { sheet, rows, top, figure, anonymised, ranges } = block;
  const first = GROUP_SUMMARY.columns.firstReturn;
  const lastReturn = first + block.returns - 1;
  const returnNumberRow = top + 1;
  const bodyTop = top + 3;
  sheet
    .block(top, 1, [[AVERAGES_TITLES[figure]]])
    .style(cellAddress(top, 1), { bold: true, fontColor: COLOURS.titleText });
  block.header(returnNumberRow, STATISTICS);
  sheet.block(
    bodyTop,
    1,
    rows.map((row, i): PlanCell[] => {
      const rowNumber = bodyTop + i;
      const columns = Array.from({ length: block.returns }, (_, r) => first + r);
      return [
        row.label,
        row.scope,
        ...columns.map((column) => ({
          formula: averageFormula({ row, rowNumber, column, ranges, figure, returnNumberRow }),
        })),
        ...statisticFormulas(`${cellAddress(rowNumber, first)}:${cellAddress(rowNumber, lastReturn)}`, { anonymised }),
      ];
    }),
  );
  styleFigureRows({ sheet, rows, top: bodyTop, lastColumn: lastReturn + STATISTICS.length });
  const bodyBottom = bodyTop + rows.length - 1;
  // The returns and the group's mean, lowest and highest, low red and high green; the spread as it is.
  sheet.conditional({
    type: "colorScale",
    range: rangeAddress(bodyTop, first, bodyBottom, lastReturn + STATISTICS.length - 1),
    colors: SCORE_COLOURS,
  });
  return bodyBottom;
}
