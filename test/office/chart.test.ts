/// <reference types="office-js" />
/** The Office writer draws the Summary's radar chart from the plan, and redraws it once on repair. */
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { SUMMARY_CHART } from "../../src/core/plan/summary-chart";
import type { ChartPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { parseRange } from "../../src/core/util/a1";
import { FakeExcel } from "../fakes/excel-fake";
import { cellKey } from "../fakes/excel/state";
import { DETAILS, hostFor, NOW, noProgress } from "./fixtures";
import { expectFakeMatchesPlan } from "./fake-formats";

const toolkit = canonicalToolkit();
const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW });
const summaryPlan = plan.sheets.find((s) => s.role === "summary")!;
const chartPlan = summaryPlan.charts![0] as ChartPlan;

async function built(api = "1.9"): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await hostFor(fake, toolkit, { api }).buildOrUpgrade(DETAILS, noProgress);
  return fake;
}

test("a build draws one radar chart on Summary from the chart data, 0 to 5, where the plan puts it", async () => {
  const fake = await built();
  const summary = fake.sheet(summaryPlan.name);
  expect(summary.charts).toHaveLength(1);
  const [chart] = summary.charts;
  expect(chart).toMatchObject({
    name: SUMMARY_CHART.name,
    type: "RadarMarkers",
    title: { text: chartPlan.title, visible: true },
    legend: { position: "Bottom", visible: true },
    valueAxis: { minimum: 0, maximum: toolkit.levels.length, majorUnit: 1 },
    position: parseRange(chartPlan.position),
  });
  expect(chart.series.map((s) => [s.name, s.values?.rect, s.xValues?.rect, s.lineColor])).toEqual(
    chartPlan.series.map((s) => [s.name, parseRange(s.values), parseRange(chartPlan.categories), s.color]),
  );
  expect(chart.series.every((s) => s.values?.sheetId === summary.id && s.xValues?.sheetId === summary.id)).toBe(true);
});

test("the chart's cells are all still empty in a new workbook, and the chart has exactly its three named series", async () => {
  const fake = await built();
  const summary = fake.sheet(summaryPlan.name);
  // The fake does not calculate: each chart cell is a formula with no number, as a new workbook's cells give "".
  const sourceCells = [chartPlan.categories, ...chartPlan.series.map((s) => s.values)].flatMap((address) => {
    const { top, left, bottom, right } = parseRange(address);
    return Array.from({ length: (bottom - top + 1) * (right - left + 1) }, (_, i) =>
      summary.cells.get(cellKey(top + Math.floor(i / (right - left + 1)), left + (i % (right - left + 1)))),
    );
  });
  expect(sourceCells.length).toBeGreaterThan(0);
  expect(sourceCells.every((cell) => cell?.kind === "formula" && cell.computed === undefined)).toBe(true);
  const [chart] = summary.charts;
  expect(chart.series.map((s) => [s.name, s.values?.rect, s.xValues?.rect])).toEqual([
    [SUMMARY_CHART.current, parseRange(chartPlan.series[0].values), parseRange(chartPlan.categories)],
    [SUMMARY_CHART.target, parseRange(chartPlan.series[1].values), parseRange(chartPlan.categories)],
    [SUMMARY_CHART.previous, parseRange(chartPlan.series[2].values), parseRange(chartPlan.categories)],
  ]);
});

test("the plan leaves the cell the chart is made from empty, so Excel has no series to guess from it", () => {
  const { top, left } = parseRange(chartPlan.position);
  const written = summaryPlan.blocks.some((block) => {
    const at = parseRange(block.at);
    const rows = block.cells.length;
    const columns = block.cells[0]?.length ?? 0;
    return top >= at.top && top < at.top + rows && left >= at.left && left < at.left + columns;
  });
  expect(written).toBe(false);
});

test("on ExcelApi 1.8 (no print setup) the chart is drawn all the same", async () => {
  const fake = await built("1.8");
  await expectFakeMatchesPlan(fake, plan, { excelApi19: false });
  expect(fake.sheet(summaryPlan.name).charts).toHaveLength(1);
});

test("the plan comparison notices a missing chart and a changed axis", async () => {
  const fake = await built();
  await expectFakeMatchesPlan(fake, plan);
  const summary = fake.sheet(summaryPlan.name);
  const [chart] = summary.charts;
  chart.valueAxis.maximum = 4;
  await expect(expectFakeMatchesPlan(fake, plan)).rejects.toThrow();
  chart.valueAxis.maximum = toolkit.levels.length;
  summary.charts = [];
  await expect(expectFakeMatchesPlan(fake, plan)).rejects.toThrow();
});

test("a repair redraws our chart once and keeps a chart the user added to Summary", async () => {
  const fake = await built();
  const summary = fake.sheet(summaryPlan.name);
  const users = { ...summary.charts[0], id: "{users-chart}", name: "My own chart", series: [] };
  summary.charts.push(users);
  const outcome = await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
  expect(outcome.action).toBe("repaired");
  expect(summary.charts.map((c) => c.name).sort()).toEqual(["My own chart", SUMMARY_CHART.name]);
  expect(summary.protection.protected).toBe(true);
});
