/**
 * Reads the charts of an .xlsx package back as plain images, sheet by sheet: the writer-versus-plan
 * comparison and the LibreOffice re-save test both use it. It follows the package's relationships
 * (workbook → worksheet → drawing → chart) rather than assuming part names, because LibreOffice
 * renames parts when it saves.
 */
import * as path from "path";
import JSZip from "jszip";
import { cellAddress } from "../../src/core/util/a1";
import type { ChartImage, ChartSeriesImage } from "../support/plan-formats";
import { childText, decodeXml, elements } from "../support/ooxml";

async function text(zip: JSZip, part: string): Promise<string | undefined> {
  return zip.file(part)?.async("string");
}

/** Resolves a relationship target against the part that holds the relationship. */
function resolveTarget(fromPart: string, target: string): string {
  return target.startsWith("/")
    ? target.slice(1)
    : path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

/** The targets of a part's relationships whose type ends with `/type`. */
async function related(zip: JSZip, part: string, type: string): Promise<Record<string, string>> {
  const relsPart = `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
  const rels = (await text(zip, relsPart)) ?? "";
  return Object.fromEntries(
    elements(rels, "Relationship")
      .filter((r) => r.attrs.Type.endsWith(`/${type}`))
      .map((r) => [r.attrs.Id, resolveTarget(part, r.attrs.Target)]),
  );
}

/**
 * A chart formula reference ("'It''s Summary'!$A$48:$A$56", or unquoted where the name allows) as
 * "<sheet name>|<A1 range>".
 */
export function splitChartReference(formula: string): string {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(formula.trim());
  if (!match) return `UNPARSED ${formula}`;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  return `${sheet}|${match[3].replace(/\$/g, "")}`;
}

const attr = (xml: string, element: string, name: string) => elements(xml, element)[0]?.attrs[name] ?? "";

function seriesImage(ser: string): ChartSeriesImage {
  const reference = (element: string) =>
    splitChartReference(childText(elements(ser, element)[0]?.inner ?? "", "f") ?? "");
  const tx = elements(ser, "tx")[0]?.inner ?? "";
  const name = childText(tx, "v") ?? `ref ${childText(tx, "f") ?? ""}`;
  const line = elements(elements(ser, "spPr")[0]?.inner ?? "", "ln")[0]?.inner ?? "";
  return {
    name,
    categories: reference("cat"),
    values: reference("val"),
    color: `#${attr(line, "srgbClr", "val").toUpperCase()}`,
  };
}

function positionOf(anchor: string): string {
  const corner = (tag: string) => {
    const xml = elements(anchor, tag)[0]?.inner ?? "";
    const n = (name: string) => Number(childText(xml, name) ?? NaN);
    return { col: n("col"), colOff: n("colOff"), row: n("row"), rowOff: n("rowOff") };
  };
  const from = corner("from");
  const to = corner("to");
  // A "to" marker at offset 0 ends at the top-left corner of that cell: the cell before is the last covered.
  const lastRow = to.rowOff > 0 ? to.row + 1 : to.row;
  const lastColumn = to.colOff > 0 ? to.col + 1 : to.col;
  return `${cellAddress(from.row + 1, from.col + 1)}:${cellAddress(lastRow, lastColumn)}`;
}

function chartImage(chartXml: string, anchor: string): ChartImage {
  const plotArea = elements(chartXml, "plotArea")[0]?.inner ?? "";
  const kind = /<(?:\w+:)?(\w+)Chart\b/.exec(plotArea)?.[1] ?? "none";
  const series = elements(plotArea, "ser").map((s) => s.inner);
  const valAx = elements(plotArea, "valAx")[0]?.inner ?? "";
  const title = elements(chartXml, "title")[0]?.inner ?? "";
  const cNvPr = elements(anchor, "cNvPr")[0]?.attrs ?? {};
  return {
    type: kind,
    name: cNvPr.name ?? "",
    title: elements(title, "t")
      .map((t) => decodeXml(t.inner))
      .join(""),
    altTitle: cNvPr.title ?? "",
    altDescription: cNvPr.descr ?? "",
    series: series.map(seriesImage),
    axis: `${attr(valAx, "min", "val")}..${attr(valAx, "max", "val")} step ${attr(valAx, "majorUnit", "val")}`,
    position: positionOf(anchor),
  };
}

/** Every chart of every worksheet, by sheet name (sheets without charts are left out). */
export async function chartsOfPackage(bytes: Uint8Array): Promise<Record<string, ChartImage[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookPart = "xl/workbook.xml";
  const sheetParts = await related(zip, workbookPart, "worksheet");
  const charts: Record<string, ChartImage[]> = {};
  for (const sheet of elements((await text(zip, workbookPart)) ?? "", "sheet")) {
    const sheetPart = sheetParts[sheet.attrs["r:id"]];
    if (!sheetPart) continue;
    for (const drawingPart of Object.values(await related(zip, sheetPart, "drawing"))) {
      const drawing = (await text(zip, drawingPart)) ?? "";
      const chartParts = await related(zip, drawingPart, "chart");
      for (const anchor of elements(drawing, "twoCellAnchor")) {
        const id = /<(?:\w+:)?chart\b[^>]*\br:id="([^"]+)"/.exec(anchor.inner)?.[1];
        const chartPart = id ? chartParts[id] : undefined;
        if (!chartPart) continue;
        (charts[sheet.attrs.name] ??= []).push(chartImage((await text(zip, chartPart)) ?? "", anchor.inner));
      }
    }
  }
  return charts;
}
