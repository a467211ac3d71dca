/**
 * The Data sheet's table and the Summary's chart, against the plan. Finance teams build PivotTables
 * and formulas such as NPS_Data[Gap] on the table: renamed, it breaks them; its range cut or grown,
 * they count the wrong rows. The radar chart draws the key areas' averages: pointed at other cells,
 * it draws other figures (an error); deleted, the figures still stand on the sheet (a warning).
 */
import type { ChartPlan, TablePlan } from "../plan/types";
import { normaliseReference } from "../snapshot/references";
import type { SnapshotChart, SnapshotTable, WorkbookSnapshot } from "../snapshot/types";
import { chartReference, parseRange } from "../util/a1";
import type { ComparedSheet } from "./compare-plan";
import { finding } from "./findings";
import type { Finding, FindingSheet } from "./types";
import { findingWords } from "../words/findings";

const topLeft = (range: string) => range.split(":")[0];
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether a table stands where the plan put it. The action plan's table grows and shrinks as people add and delete
 * actions: only its header row and columns are the add-in's.
 */
function sameRange(table: TablePlan, where: FindingSheet, range: string): boolean {
  if (range.replace(/\$/g, "").toUpperCase() === table.range.toUpperCase()) return true;
  if (where.role !== "actions") return false;
  const [planned, found] = [parseRange(table.range), parseRange(range.replace(/\$/g, ""))];
  return planned.top === found.top && planned.left === found.left && planned.right === found.right;
}

function tableFindings(table: TablePlan, where: FindingSheet, found: readonly SnapshotTable[]): Finding[] {
  const same = found.find((t) => sameName(t.name, table.name));
  if (!same) {
    const onSheet = found.filter((t) => sameName(t.sheet, where.name)).map((t) => t.name);
    return [
      finding({
        rule: "structure.table-missing",
        sheet: where,
        cell: topLeft(table.range),
        message: findingWords.structure.tableMissing(table.name),
        expected: table.name,
        found: onSheet.length > 0 ? onSheet.join(", ") : findingWords.structure.noTable,
        repairable: true,
      }),
    ];
  }
  if (same.range === undefined || sameRange(table, where, same.range)) return [];
  return [
    finding({
      rule: "structure.table-range-changed",
      sheet: where,
      cell: topLeft(table.range),
      message: findingWords.structure.tableRangeChanged(table.name),
      expected: table.range,
      found: same.range,
      repairable: true,
    }),
  ];
}

const sameReference = (a: string, b: string) =>
  normaliseReference(a).toLowerCase() === normaliseReference(b).toLowerCase();

function chartFindings(chart: ChartPlan, where: FindingSheet, found: readonly SnapshotChart[]): Finding[] {
  const onSheet = found.filter((c) => sameName(c.sheet, where.name));
  if (onSheet.length === 0)
    return [
      finding({
        rule: "structure.chart-missing",
        sheet: where,
        cell: topLeft(chart.position),
        message: findingWords.structure.chartMissing(chart.title),
        expected: chart.title,
        found: findingWords.structure.noChart,
        repairable: true,
      }),
    ];
  const expected = chart.series.map((s) => ({
    values: chartReference(where.name, s.values),
    categories: chartReference(where.name, chart.categories),
  }));
  const drawsPlanned = (c: SnapshotChart) =>
    c.series === undefined ||
    (c.series.length === expected.length &&
      c.series.every(
        (s, i) => sameReference(s.values, expected[i].values) && sameReference(s.categories, expected[i].categories),
      ));
  if (onSheet.some(drawsPlanned)) return [];
  const drawn = onSheet[0].series ?? [];
  return [
    finding({
      rule: "structure.chart-data-changed",
      sheet: where,
      cell: topLeft(chart.position),
      message: findingWords.structure.chartDataChanged(chart.title),
      expected: expected.map((s) => s.values).join(", "),
      found: drawn.map((s) => s.values).join(", ") || findingWords.structure.noSeries,
      repairable: true,
    }),
  ];
}

/** The plan's tables and charts on the sheets compared, where the reader read them. */
export function checkTablesAndCharts(snapshot: WorkbookSnapshot, sheets: readonly ComparedSheet[]): Finding[] {
  const findings: Finding[] = [];
  for (const { plan, where } of sheets) {
    if (snapshot.tables)
      for (const table of plan.tables) findings.push(...tableFindings(table, where, snapshot.tables));
    if (snapshot.charts)
      for (const chart of plan.charts ?? []) findings.push(...chartFindings(chart, where, snapshot.charts));
  }
  return findings;
}
