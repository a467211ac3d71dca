/// <reference types="office-js" />
/** The fake's chart rules (test/fakes/excel/charts.ts): if these fail, the chart tests prove nothing. */
import { FakeExcel, FakeOfficeError } from "./excel-fake";

const rejectsWith = async (promise: Promise<unknown>, code: string) => {
  await expect(promise).rejects.toBeInstanceOf(FakeOfficeError);
  await expect(promise).rejects.toMatchObject({ code });
};

function sheetWithData() {
  const fake = new FakeExcel();
  fake.seedCell(fake.sheet("Sheet1"), "A1", "North");
  fake.seedCell(fake.sheet("Sheet1"), "B1", 3);
  fake.seedCell(fake.sheet("Sheet1"), "C2", 4);
  const context = fake.newContext();
  return { fake, context, sheet: context.workbook.worksheets.getItem("Sheet1") };
}

test("a chart is added at sync, one series per column of its source, readable only after load and sync", async () => {
  const { fake, context, sheet } = sheetWithData();
  const chart = sheet.charts.add("RadarMarkers", sheet.getRange("B1:C3"), "Columns");
  expect(fake.sheet("Sheet1").charts).toHaveLength(0);
  chart.load("name");
  chart.series.load("items/name");
  expect(() => chart.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  await context.sync();
  expect(chart.name).toBe("Chart 1");
  expect(chart.series.items.map((s) => s.name)).toEqual(["Series1", "Series2"]);
  expect(fake.sheet("Sheet1").charts[0].series.map((s) => s.values?.rect)).toEqual([
    { top: 1, left: 2, bottom: 3, right: 2 },
    { top: 1, left: 3, bottom: 3, right: 3 },
  ]);
});

test("Excel's guess of series direction (Auto, the default) is refused: code must say what it means", async () => {
  const { context, sheet } = sheetWithData();
  sheet.charts.add("RadarMarkers", sheet.getRange("B1:C3"));
  await rejectsWith(context.sync(), "InvalidArgument");
});

test("a protected sheet refuses a new chart unless its protection allows editing objects", async () => {
  const { fake, context, sheet } = sheetWithData();
  sheet.protection.protect();
  await context.sync();
  sheet.charts.add("RadarMarkers", sheet.getRange("B1:B3"), "Columns");
  await rejectsWith(context.sync(), "InvalidOperation");
  sheet.protection.unprotect();
  sheet.protection.protect({ allowEditObjects: true });
  sheet.charts.add("RadarMarkers", sheet.getRange("B1:B3"), "Columns");
  await context.sync();
  expect(fake.sheet("Sheet1").charts).toHaveLength(1);
});

test("series data is one row or column of a Range, and a series past the last is not found", async () => {
  const { context, sheet } = sheetWithData();
  const chart = sheet.charts.add("RadarMarkers", sheet.getRange("B1:B3"), "Columns");
  await context.sync();
  chart.series.getItemAt(0).setValues(sheet.getRange("B1:C3"));
  await rejectsWith(context.sync(), "InvalidArgument");
  chart.series.getItemAt(1).name = "None";
  await rejectsWith(context.sync(), "ItemNotFound");
});

test("an unknown chart type or colour is refused rather than guessed", async () => {
  const { context, sheet } = sheetWithData();
  sheet.charts.add("Spider", sheet.getRange("B1:B3"), "Columns");
  await rejectsWith(context.sync(), "InvalidArgument");
  const chart = sheet.charts.add("Radar", sheet.getRange("B1:B3"), "Columns");
  chart.series.getItemAt(0).format.line.color = "green";
  await rejectsWith(context.sync(), "InvalidArgument");
});

test('columns with no number in them (empty, or formulas giving "") make no series; series are then added by name', async () => {
  const { fake, context, sheet } = sheetWithData();
  sheet.getRange("E1:F3").formulas = [
    ['=IF(B1="","",B1)', '=IF(C1="","",C1)'],
    ['=IF(B2="","",B2)', '=IF(C2="","",C2)'],
    ['=IF(B3="","",B3)', '=IF(C3="","",C3)'],
  ];
  const fromFormulas = sheet.charts.add("RadarMarkers", sheet.getRange("E1:F3"), "Columns");
  const fromEmpty = sheet.charts.add("RadarMarkers", sheet.getRange("H1"), "Columns");
  await context.sync();
  expect(fake.sheet("Sheet1").charts.map((c) => c.series.length)).toEqual([0, 0]);
  fromEmpty.series.getItemAt(0).name = "Guessed";
  await rejectsWith(context.sync(), "ItemNotFound");
  const added = fromFormulas.series.add("Current");
  added.setValues(sheet.getRange("E1:E3"));
  await context.sync();
  expect(fake.sheet("Sheet1").charts[0].series).toMatchObject([
    { name: "Current", values: { rect: { top: 1, left: 5, bottom: 3, right: 5 } } },
  ]);
});
