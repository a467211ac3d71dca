/**
 * The real office.js client (npm @microsoft/office-js, run in jsdom) silently drops a property its
 * proxies do not define. Writing the Summary's chart through it and reading the request it would
 * send shows that every chart member the writer sets really travels to Excel.
 */
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import type { SheetPlan, WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { cellAddress, parseRange } from "../../src/core/util/a1";
import { queueWorkbookPlan } from "../support/queue-plan";
import { realContextCapturing, type WireRequest } from "../support/office-real";
import { DETAILS, NOW } from "../office/fixtures";

/** The names of every action on the chart the request adds, or on anything reached through it. */
function chartActionNames(body: WireRequest): string[] {
  const paths = Object.values(body.ObjectPaths);
  const byId = new Map(paths.map((p) => [p.Id, p]));
  const chart = paths.find((p) => p.Name === "Add" && byId.get(p.ParentObjectPathId ?? -1)?.Name === "Charts");
  if (!chart) throw new Error("The request adds no chart");
  const underChart = (id: number): boolean => {
    for (let path = byId.get(id); path; path = byId.get(path.ParentObjectPathId ?? -1)) if (path === chart) return true;
    return false;
  };
  // ActionType 1 only instantiates an object path; 3 calls a method, 4 sets a property.
  return body.Actions.filter((a) => a.ActionType !== 1 && underChart(a.ObjectPathId)).map((a) => a.Name);
}

test("every chart member the writer sets is one the real client sends", async () => {
  const plan = buildWorkbookPlan(canonicalToolkit(), { behaviours: {} }, { ...DETAILS, now: NOW });
  const summary = plan.sheets.find((s) => s.role === "summary") as SheetPlan;
  const onlySummary: WorkbookPlan = { ...plan, sheets: [summary], names: [], activeSheetKey: summary.key };
  const { context, requests } = realContextCapturing();
  await queueWorkbookPlan(context, onlySummary, { existing: new Map(), existingNames: new Set(), excelApi19: true });
  await context.sync();
  expect(requests).toHaveLength(1);
  const chart = summary.charts![0];
  const perSeries = [
    "SetValues",
    "SetXAxisValues",
    "Color",
    "MarkerStyle",
    "MarkerBackgroundColor",
    "MarkerForegroundColor",
  ];
  const expected = [
    ...["Name", "Text", "Visible", "Position", "Visible", "Minimum", "Maximum", "MajorUnit", "SetPosition"],
    ...chart.series.flatMap(() => perSeries),
  ];
  expect(chartActionNames(requests[0].body).sort()).toEqual(expected.sort());
  const add = Object.values(requests[0].body.ObjectPaths).find(
    (p) => p.Name === "Add" && p.ArgumentInfo?.Arguments?.[0] === "RadarMarkers",
  );
  expect(add?.ArgumentInfo?.Arguments?.[2]).toBe("Columns");
});

test("the chart is made from one empty cell and each series is added by name, none taken from Excel's guess", async () => {
  const plan = buildWorkbookPlan(canonicalToolkit(), { behaviours: {} }, { ...DETAILS, now: NOW });
  const summary = plan.sheets.find((s) => s.role === "summary") as SheetPlan;
  const onlySummary: WorkbookPlan = { ...plan, sheets: [summary], names: [], activeSheetKey: summary.key };
  const { context, requests } = realContextCapturing();
  await queueWorkbookPlan(context, onlySummary, { existing: new Map(), existingNames: new Set(), excelApi19: true });
  await context.sync();
  const paths = Object.values(requests[0].body.ObjectPaths);
  const byId = new Map(paths.map((p) => [p.Id, p]));
  const chartAdd = paths.find((p) => p.Name === "Add" && byId.get(p.ParentObjectPathId ?? -1)?.Name === "Charts");
  const sourceId = chartAdd?.ArgumentInfo?.ReferencedObjectPathIds?.[1];
  const source = byId.get(sourceId ?? -1);
  const chart = summary.charts![0];
  const { top, left } = parseRange(chart.position);
  expect(source).toMatchObject({ Name: "GetRange", ArgumentInfo: { Arguments: [cellAddress(top, left)] } });
  const seriesAdded = paths.filter((p) => p.Name === "Add" && byId.get(p.ParentObjectPathId ?? -1)?.Name === "Series");
  expect(seriesAdded.map((p) => p.ArgumentInfo?.Arguments?.[0])).toEqual(chart.series.map((s) => s.name));
  expect(paths.some((p) => p.Name === "GetItemAt")).toBe(false);
});
