/**
 * What every generated figure should show, worked out from the answers, and the figures a workbook
 * saved that differ. The generator saves no results; a file saved without recalculating (manual
 * calculation, a tool that writes cells but computes nothing) or edited outside Excel can hold
 * results that are not what its answers give, and LibreOffice shows them as they are.
 *
 * This is not a formula engine: it knows what each of the product's own formulas means (plan/
 * formulas.ts, summary-sheet.ts, gaps-sheet.ts, data-sheet.ts) and computes that, reading the cells
 * the formula reads. test/core/check/figures-libreoffice.test.ts holds it to LibreOffice's results for
 * every formula of the Summary, Gaps and Data sheets and every score on the key area sheets.
 */
import { KEY_AREA, DATA, GAPS, GUIDE, NOT_A_LEVEL, SUMMARY } from "../plan/layout";
import { levelText } from "../plan/level-text";
import { plannedCells } from "../plan/planned-cells";
import { NOT_ASSESSED } from "../plan/summary-sheet";
import { isFormula, type SheetPlan, type WorkbookPlan } from "../plan/types";
import type { SnapshotCell, SnapshotSheet, WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress, parseCell } from "../util/a1";
import { actionsBlockFigures } from "./action-figures";
import type { ComparedSheet } from "./compare-plan";
import { finding, isErrorValue } from "./findings";
import type { Finding } from "./types";
import { findingWords } from "../words/findings";
import { workbookWords } from "../words/workbook";

/** A formula's result: a number, text ("" for the blank the formulas give), or TRUE/FALSE. */
export type Figure = number | string | boolean;
type Value = SnapshotCell["value"];

const C = KEY_AREA.columns;

/** Text as Excel's & makes it: a number in General format (15 significant digits), TRUE/FALSE, "" for empty. */
function asText(value: Value): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  return value;
}

/** The score formula (formulas.ts scoreOf): 1–5, "" when blank, "Not a level" for anything else. */
function scoreOf(value: Value, levels: readonly string[]): number | string {
  if (isErrorValue(value)) return NOT_A_LEVEL;
  const text = levelText(asText(value)).toLowerCase();
  if (text === "") return "";
  const index = levels.findIndex((level) => level.toLowerCase() === text);
  return index < 0 ? NOT_A_LEVEL : index + 1;
}

const isNumber = (figure: Figure | Value | undefined): figure is number => typeof figure === "number";

/** formulas.ts gapOf. */
const gapOf = (current: Figure, target: Figure): Figure =>
  isNumber(current) && isNumber(target) ? Math.max(0, target - current) : "";

/** formulas.ts changeOf. */
const changeOf = (current: Figure, previous: Figure): Figure =>
  isNumber(current) && isNumber(previous) ? current - previous : "";

/** One behaviour row of a key area sheet as its formulas compute it. */
interface BehaviourRow {
  id: string;
  row: number;
  current: Figure;
  target: Figure;
  gap: Figure;
  previous: Figure;
  change: Figure;
}

interface KeyAreaFigures {
  sheet: SnapshotSheet;
  rows: BehaviourRow[];
}

const cellValue = (sheet: SnapshotSheet, row: number, column: number): Value =>
  sheet.cells[cellAddress(row, column)]?.value ?? null;

/** The behaviour rows the Summary's ranges cover: the planned rows, where the formulas' absolute ranges point. */
function keyAreaFigures(plan: SheetPlan, sheet: SnapshotSheet, levels: readonly string[]): KeyAreaFigures {
  const rows: BehaviourRow[] = [];
  const planned = plannedCells(plan);
  for (const row of [...planned.keys()].filter((r) => r >= KEY_AREA.firstBehaviourRow).sort((a, b) => a - b)) {
    const current = scoreOf(cellValue(sheet, row, C.current), levels);
    const target = scoreOf(cellValue(sheet, row, C.target), levels);
    const previous = scoreOf(cellValue(sheet, row, C.previousCurrent), levels);
    rows.push({
      id: asText(cellValue(sheet, row, C.id)),
      row,
      current,
      target,
      gap: gapOf(current, target),
      previous,
      change: changeOf(current, previous),
    });
  }
  return { sheet, rows };
}

/** MATCH(id, ids, 0): the first row whose ID equals it, without regard to case. */
function lookup(area: KeyAreaFigures, id: Value): BehaviourRow | undefined {
  const wanted = asText(id).toLowerCase();
  return area.rows.find((row) => row.id.toLowerCase() === wanted);
}

const average = (numbers: number[]) => numbers.reduce((sum, n) => sum + n, 0) / numbers.length;

/** The figures of one Summary row over some key areas (summary-sheet.ts summaryRow). */
function summaryFigures(
  areas: KeyAreaFigures[],
  levels: readonly string[],
  averageTarget: (both: number) => Figure,
): Record<keyof typeof SUMMARY.columns, Figure | undefined> {
  const rows = areas.flatMap((a) => a.rows);
  const currents = rows.map((r) => r.current).filter(isNumber);
  const gaps = rows.map((r) => r.gap).filter(isNumber);
  const previous = rows.map((r) => r.previous).filter(isNumber);
  const changes = rows.map((r) => r.change).filter(isNumber);
  const invalid = rows.flatMap((r) => [r.current, r.target]).filter((s) => s === NOT_A_LEVEL).length;
  const averageCurrent = currents.length === 0 ? "" : average(currents);
  const weakest = currents.length === 0 ? "" : Math.min(...currents);
  return {
    label: undefined,
    scope: undefined,
    behaviours: areas.reduce((n, a) => n + a.rows.filter((r) => r.id !== "").length, 0),
    assessed: currents.length,
    invalid,
    averageCurrent,
    averageTarget: averageTarget(gaps.length),
    averageGap: gaps.length === 0 ? "" : average(gaps),
    weakestCurrent: weakest,
    typicalLevel: averageCurrent === "" ? NOT_ASSESSED : levels[Math.floor(averageCurrent) - 1],
    assuredLevel: weakest === "" ? NOT_ASSESSED : levels[weakest - 1],
    bothLevels: gaps.length,
    previousAverageCurrent: previous.length === 0 ? "" : average(previous),
    change: changes.length === 0 ? "" : average(changes),
  };
}

type SummaryRowFigures = ReturnType<typeof summaryFigures>;

/** Every Summary row's figures, in the rows the generator lays them out in. */
function summaryRows(toolkit: Toolkit, areas: Map<string, KeyAreaFigures>): Map<number, SummaryRowFigures> {
  const byRow = new Map<number, SummaryRowFigures>();
  let row = SUMMARY.firstRow;
  const keyAreaRow = (area: KeyAreaFigures) =>
    summaryFigures([area], toolkit.levels, (both) => {
      const sum = area.rows.reduce((s, r) => s + (isNumber(r.gap) && isNumber(r.target) ? r.target : 0), 0);
      return both === 0 ? "" : sum / both;
    });
  // A theme or overall row weights each key area row's average target by its count, as its formula does.
  const combined = (inScope: KeyAreaFigures[], keyAreaRows: SummaryRowFigures[]) =>
    summaryFigures(inScope, toolkit.levels, (both) => {
      const sum = keyAreaRows.reduce(
        (s, r) => s + (isNumber(r.averageTarget) && isNumber(r.bothLevels) ? r.averageTarget * r.bothLevels : 0),
        0,
      );
      return both === 0 ? "" : sum / both;
    });
  const all: KeyAreaFigures[] = [];
  const allRows: SummaryRowFigures[] = [];
  for (const theme of toolkit.themes) {
    const inTheme = theme.keyAreas.map((k) => areas.get(k.id)!);
    const themeRows = inTheme.map(keyAreaRow);
    themeRows.forEach((figures) => byRow.set(row++, figures));
    byRow.set(row++, combined(inTheme, themeRows));
    all.push(...inTheme);
    allRows.push(...themeRows);
  }
  byRow.set(row, combined(all, allRows));
  return byRow;
}

/** "Council: …" at the top of the Summary. */
function councilLine(council: Value): string {
  if (isErrorValue(council)) return "Council: check the council name on the Guide sheet";
  const text = asText(council);
  return text === "" ? "Council: not yet entered on the Guide sheet" : `Council: ${text}`;
}

/** formulas.ts valueOrBlank. */
const valueOrBlank = (value: Value): Figure => (isErrorValue(value) || value === null || value === "" ? "" : value);

/** What a Gaps or Data row's lookups give for the behaviour whose ID the row holds. */
function behaviourFigures(area: KeyAreaFigures | undefined, id: Value, levels: readonly string[]) {
  const found = area && lookup(area, id);
  const score = (figure: Figure | undefined): Figure => (isNumber(figure) ? figure : "");
  const current = score(found?.current);
  const target = score(found?.target);
  const previous = score(found?.previous);
  const level = (figure: Figure, scoreFigure: Figure | undefined) =>
    isNumber(figure) ? levels[figure - 1] : scoreFigure === NOT_A_LEVEL ? NOT_A_LEVEL : "";
  const input = (column: number): Value => (found && area ? cellValue(area.sheet, found.row, column) : null);
  return {
    found,
    current,
    target,
    gap: gapOf(current, target),
    previous,
    change: changeOf(current, previous),
    currentLevel: level(current, found?.current),
    targetLevel: level(target, found?.target),
    previousLevel: level(previous, found?.previous),
    text: (column: number): Figure => (isErrorValue(input(column)) ? "" : asText(input(column))),
    number: (column: number): Figure => {
      const value = input(column);
      return typeof value === "number" ? value : "";
    },
    descriptor: (figure: Figure): Figure =>
      isNumber(figure) && figure < levels.length && found && area
        ? asText(cellValue(area.sheet, found.row, C.descriptors + figure))
        : "",
  };
}

/** The Gaps statuses, as its Status formula shows them. */
const STATUS = workbookWords.gaps.status;

/** Gaps status (gaps-sheet.ts statusFormula). */
function status(figures: ReturnType<typeof behaviourFigures>): string {
  const { current, target } = figures;
  if (figures.currentLevel === NOT_A_LEVEL || figures.targetLevel === NOT_A_LEVEL) return STATUS.checkLevel;
  if (!isNumber(current)) return STATUS.notAssessed;
  if (!isNumber(target)) return STATUS.noTarget;
  return current > target ? STATUS.above : current === target ? STATUS.met : STATUS.below;
}

/** Where each behaviour's answers live, by behaviour ID: its key area's figures. */
type AreaOfBehaviour = Map<string, KeyAreaFigures>;

/** The Gaps sheet's figures by actual address. */
function gapsFigures(compared: ComparedSheet, areaOf: AreaOfBehaviour, levels: readonly string[]): Map<string, Figure> {
  const G = GAPS.columns;
  const figures = new Map<string, Figure>();
  const rows: { row: number; gap: Figure; current: Figure; order: Value }[] = [];
  for (const row of compared.rows.values()) {
    const id = cellValue(compared.actual, row, G.id);
    const f = behaviourFigures(areaOf.get(asText(id).toLowerCase()), id, levels);
    const set = (column: number, figure: Figure) => figures.set(cellAddress(row, column), figure);
    set(G.currentLevel, f.currentLevel);
    set(G.targetLevel, f.targetLevel);
    set(G.currentScore, f.current);
    set(G.targetScore, f.target);
    set(G.gap, f.gap);
    set(G.status, status(f));
    set(
      G.nextLevel,
      isNumber(f.current) ? (f.current < levels.length ? levels[f.current] : workbookWords.gaps.topLevelReached) : "",
    );
    set(G.nextDescriptor, f.descriptor(f.current));
    set(G.previousLevel, f.previousLevel);
    set(G.previousScore, f.previous);
    set(G.change, f.change);
    rows.push({ row, gap: f.gap, current: f.current, order: cellValue(compared.actual, row, G.order) });
  }
  // Priority (gaps-sheet.ts priority): 1 + rows with a larger gap + equal gaps with a lower current score + equal both, earlier.
  for (const r of rows) {
    const { gap, current, order } = r;
    const ranked = isNumber(gap) && gap > 0 && isNumber(current);
    const ahead = (o: (typeof rows)[number]) =>
      isNumber(o.gap) &&
      (o.gap > (gap as number) ||
        (o.gap === gap &&
          isNumber(o.current) &&
          (o.current < (current as number) ||
            (o.current === current && isNumber(o.order) && isNumber(order) && o.order < order))));
    figures.set(cellAddress(r.row, G.priority), ranked ? 1 + rows.filter(ahead).length : "");
  }
  return figures;
}

/** The Data sheet's figures by actual address. */
function dataFigures(
  compared: ComparedSheet,
  areaOf: AreaOfBehaviour,
  guide: SnapshotSheet | undefined,
  levels: readonly string[],
): Map<string, Figure> {
  const D = DATA.columns;
  const figures = new Map<string, Figure>();
  const council = valueOrBlank(guide ? cellValue(guide, GUIDE.councilCell.row, GUIDE.councilCell.column) : null);
  const date = valueOrBlank(guide ? cellValue(guide, GUIDE.dateCell.row, GUIDE.dateCell.column) : null);
  for (const row of compared.rows.values()) {
    const id = cellValue(compared.actual, row, D.id);
    const f = behaviourFigures(areaOf.get(asText(id).toLowerCase()), id, levels);
    const set = (column: number, figure: Figure) => figures.set(cellAddress(row, column), figure);
    set(D.council, council);
    set(D.assessmentDate, date);
    set(D.currentLevel, f.currentLevel);
    set(D.currentScore, f.current);
    set(D.targetLevel, f.targetLevel);
    set(D.targetScore, f.target);
    set(D.gap, f.gap);
    set(D.evidence, f.text(C.evidence));
    set(D.owner, f.text(C.owner));
    set(D.reviewDate, f.number(C.reviewDate));
    set(D.previousLevel, f.previousLevel);
    set(D.previousScore, f.previous);
    set(D.change, f.change);
  }
  return figures;
}

/** The Summary sheet's figures by address: the table, the council line and the chart data mirroring the table. */
function summarySheetFigures(
  plan: SheetPlan,
  toolkit: Toolkit,
  areas: Map<string, KeyAreaFigures>,
  guide: SnapshotSheet | undefined,
): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  for (const [row, rowFigures] of summaryRows(toolkit, areas))
    for (const [key, column] of Object.entries(SUMMARY.columns)) {
      const figure = rowFigures[key as keyof typeof SUMMARY.columns];
      if (figure !== undefined) figures.set(cellAddress(row, column), figure);
    }
  figures.set("A2", councilLine(guide ? cellValue(guide, GUIDE.councilCell.row, GUIDE.councilCell.column) : null));
  // The chart data's cells mirror the table ("=F7"): what the mirrored cell shows, a figure or a label.
  const planned = plannedCells(plan);
  const plannedAt = (address: string) => {
    const { row, column } = parseCell(address);
    const cell = planned.get(row)?.get(column);
    return cell === undefined || isFormula(cell) ? undefined : cell;
  };
  for (const [row, cells] of planned)
    for (const [column, cell] of cells)
      if (isFormula(cell) && /^[A-Z]{1,3}\d+$/.test(cell.formula))
        figures.set(cellAddress(row, column), figures.get(cell.formula) ?? plannedAt(cell.formula) ?? "");
  return figures;
}

/**
 * Every figure the generated formulas should show, by plan key and then actual address: the key area
 * sheets' scores and gaps, the Summary, Gaps and Data. undefined when a sheet the figures read is
 * missing or has moved columns (the structure findings say so, and no figure can be worked out).
 */
export function expectedFigures(
  plan: WorkbookPlan,
  compared: readonly ComparedSheet[],
  snapshot: WorkbookSnapshot,
  toolkit: Toolkit,
): Map<string, Map<string, Figure>> | undefined {
  const byKey = new Map(compared.map((c) => [c.plan.key, c]));
  const areas = new Map<string, KeyAreaFigures>();
  const figures = new Map<string, Map<string, Figure>>();
  for (const sheet of plan.sheets.filter((s) => s.role === "keyArea")) {
    const found = byKey.get(sheet.key);
    if (!found || !found.columnsIntact || !sheet.keyAreaId) return undefined;
    const area = keyAreaFigures(sheet, found.actual, toolkit.levels);
    areas.set(sheet.keyAreaId, area);
    const own = new Map<string, Figure>();
    for (const r of area.rows) {
      own.set(cellAddress(r.row, C.currentScore), r.current);
      own.set(cellAddress(r.row, C.targetScore), r.target);
      own.set(cellAddress(r.row, C.gap), r.gap);
      own.set(cellAddress(r.row, C.previousScore), r.previous);
      own.set(cellAddress(r.row, C.change), r.change);
    }
    figures.set(sheet.key, own);
  }
  const areaOf: AreaOfBehaviour = new Map();
  for (const theme of toolkit.themes)
    for (const keyArea of theme.keyAreas)
      for (const behaviour of keyArea.behaviours) areaOf.set(behaviour.id.toLowerCase(), areas.get(keyArea.id)!);
  const guide = snapshot.sheets.find((s) => s.name === plan.sheets.find((p) => p.role === "guide")?.name);
  const summary = byKey.get("summary");
  if (summary) {
    const own = summarySheetFigures(summary.plan, toolkit, areas, guide);
    for (const [address, figure] of actionsBlockFigures(summary.plan, summary.actual, byKey.get("actions")?.actual))
      own.set(address, figure);
    figures.set("summary", own);
  }
  const gaps = byKey.get("gaps");
  if (gaps?.columnsIntact) figures.set("gaps", gapsFigures(gaps, areaOf, toolkit.levels));
  const data = byKey.get("data");
  if (data?.columnsIntact) figures.set("data", dataFigures(data, areaOf, guide, toolkit.levels));
  return figures;
}

/** Whether a saved result is the figure (numbers to a relative 1e-9: spreadsheets sum in other orders). */
export function sameFigure(expected: Figure, saved: Value): boolean {
  if (typeof expected === "number" && typeof saved === "number")
    return Math.abs(expected - saved) <= 1e-9 * Math.max(1, Math.abs(expected));
  return expected === saved;
}

const said = (figure: Figure | Value) => (figure === "" || figure === null ? findingWords.blank : asText(figure));

/**
 * A finding for every generated formula whose saved result is not what the answers give. Cells with
 * no saved result (as the generator writes them) and cells already reported (`reported`, by
 * "sheet!cell": a changed formula, an error value) are left alone.
 */
export function checkFigures(
  plan: WorkbookPlan,
  compared: readonly ComparedSheet[],
  snapshot: WorkbookSnapshot,
  toolkit: Toolkit,
  reported: ReadonlySet<string>,
): Finding[] {
  const expected = expectedFigures(plan, compared, snapshot, toolkit);
  if (!expected) return [];
  const findings: Finding[] = [];
  for (const sheet of compared) {
    const figures = expected.get(sheet.plan.key);
    if (!figures) continue;
    for (const [address, figure] of figures) {
      const cell = sheet.actual.cells[address];
      if (!cell || cell.formula === undefined || cell.value === null) continue;
      if (reported.has(`${sheet.actual.name}!${address}`) || sameFigure(figure, cell.value)) continue;
      findings.push(
        finding({
          rule: "formula.saved-value-differs",
          sheet: sheet.where,
          cell: address,
          message: findingWords.formula.savedValueDiffers(said(cell.value), said(figure)),
          expected: said(figure),
          found: said(cell.value),
          repairable: true,
        }),
      );
    }
  }
  return findings;
}
