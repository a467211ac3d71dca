/** The plan's radar chart on Summary: what it reads, where it sits, what it says. */
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { SUMMARY } from "../../../src/core/plan/layout";
import { locatePlanCell } from "../../../src/core/plan/locate";
import { isFormula, type ChartPlan, type PlanCell, type SheetPlan } from "../../../src/core/plan/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { cellAddress, cellsIn, parseCell, parseRange } from "../../../src/core/util/a1";

const toolkit = canonicalToolkit();
const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { now: new Date("2026-11-25T09:00:00Z") });
const summary = plan.sheets.find((s) => s.role === "summary") as SheetPlan;
const charts = summary.charts ?? [];
const chart = charts[0] as ChartPlan;
const keyAreas = toolkit.themes.flatMap((t) => t.keyAreas);

const cellAt = (address: string): PlanCell => {
  const { row, column } = parseCell(address);
  const found = locatePlanCell(summary, row, column);
  return found ? found.line[found.index] : null;
};
const formulaAt = (address: string) => {
  const cell = cellAt(address);
  return isFormula(cell) ? cell.formula : `not a formula: ${JSON.stringify(cell)}`;
};

test("only Summary has a chart, and it is one radar chart fixed at 0 to the top score", () => {
  expect(plan.sheets.filter((s) => (s.charts ?? []).length > 0).map((s) => s.key)).toEqual(["summary"]);
  expect(charts).toHaveLength(1);
  expect(chart.type).toBe("radar");
  expect(chart.axis).toEqual({ min: 0, max: toolkit.levels.length, majorUnit: 1 });
  expect(chart.series.map((s) => s.name)).toEqual(["Average current", "Average target", "Previous"]);
});

test("the chart data mirrors each key area's row of the summary table, in toolkit order", () => {
  const categories = cellsIn(chart.categories);
  expect(categories).toHaveLength(keyAreas.length);
  categories.forEach((address, i) => {
    const source = formulaAt(address);
    // The mirrored row holds this key area's name in the summary table.
    expect(cellAt(source)).toBe(keyAreas[i].name);
    const row = Number(source.replace(/^[A-Z]+/, ""));
    const [current, target, previous] = chart.series.map((s) => cellsIn(s.values)[i]);
    expect(cellAt(cellAddress(SUMMARY.headerRow, SUMMARY.columns.averageCurrent))).toBe("Average current");
    expect(cellAt(cellAddress(SUMMARY.headerRow, SUMMARY.columns.averageTarget))).toBe("Average target");
    expect(formulaAt(current)).toBe(cellAddress(row, SUMMARY.columns.averageCurrent));
    expect(formulaAt(target)).toBe(cellAddress(row, SUMMARY.columns.averageTarget));
    expect(formulaAt(previous)).toBe(cellAddress(row, SUMMARY.columns.previousAverageCurrent));
  });
});

test("the chart covers empty cells only, below the summary table and above its chart data", () => {
  const covered = cellsIn(chart.position);
  expect(covered.every((address) => cellAt(address) === null)).toBe(true);
  const { top, bottom } = parseRange(chart.position);
  const overall = summary.blocks.flatMap((b) =>
    b.cells.flatMap((line, i) => (line[0] === "All key areas" ? [parseCell(b.at).row + i] : [])),
  );
  expect(overall).toHaveLength(1);
  expect(top).toBeGreaterThan(overall[0]);
  expect(bottom).toBeLessThan(parseRange(chart.categories).top);
  expect(cellAt(cellAddress(top - 1, 1))).toBeNull();
});

test("the alt text says what the chart shows, in words a screen reader can read", () => {
  expect(chart.altText.title).toBe(chart.title);
  expect(chart.altText.description).toContain(`${keyAreas.length} key areas`);
  expect(chart.altText.description).toMatch(/0 at the centre to 5 at the edge/);
  expect(chart.altText.description).toMatch(/current.*target/);
});
