import type JSZip from "jszip";
import type { ChartPlan, SheetPlan } from "../core/plan/types";
import { chartReference, parseRange } from "../core/util/a1";
import { decodeXml, encodeXml } from "./xml-text";

/**
 * ExcelJS 4.4 cannot write charts, so the writer adds each planned chart to the finished package:
 * a chart part (DrawingML chart), a drawing part anchoring it to cells, their relationships and
 * content types, and the sheet's <drawing> element.
 */

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkg: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL_TYPE = {
  chart: `${NS.r}/chart`,
  drawing: `${NS.r}/drawing`,
};
const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** DrawingML line widths are in EMU: 12700 per point. */
const LINE_WIDTH_EMU = 2.25 * 12700;
const CATEGORY_AXIS_ID = 500100;
const VALUE_AXIS_ID = 500200;

/** Written by the .xlsx writer, compared by the checker (src/core/check/tables-charts.ts): one definition. */
export { chartReference };

const solid = (hex: string) => `<a:solidFill><a:srgbClr val="${hex.replace("#", "").toUpperCase()}"/></a:solidFill>`;

function titleXml(title: string): string {
  return (
    "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>" +
    `<a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1400" b="1"/><a:t>${encodeXml(title)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx><c:overlay val="0"/></c:title>'
  );
}

function seriesXml(sheetName: string, chart: ChartPlan, index: number): string {
  const series = chart.series[index];
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:v>${encodeXml(series.name)}</c:v></c:tx>` +
    `<c:spPr><a:ln w="${LINE_WIDTH_EMU}">${solid(series.color)}</a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solid(series.color)}<a:ln>${solid(series.color)}</a:ln></c:spPr></c:marker>` +
    `<c:cat><c:strRef><c:f>${encodeXml(chartReference(sheetName, chart.categories))}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${encodeXml(chartReference(sheetName, series.values))}</c:f></c:numRef></c:val>` +
    "</c:ser>"
  );
}

/** The chart part (xl/charts/chartN.xml) of a radar chart, in the schema's element order. */
export function radarChartXml(sheetName: string, chart: ChartPlan): string {
  const axes =
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>' +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/>` +
    `<c:max val="${chart.axis.max}"/><c:min val="${chart.axis.min}"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>' +
    '<c:majorTickMark val="cross"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>` +
    `<c:majorUnit val="${chart.axis.majorUnit}"/></c:valAx>`;
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    titleXml(chart.title) +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    '<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>' +
    chart.series.map((_, i) => seriesXml(sheetName, chart, i)).join("") +
    `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/></c:radarChart>` +
    axes +
    "</c:plotArea>" +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart></c:chartSpace>"
  );
}

/** A cell corner as a drawing marker (0-based column and row). */
const marker = (tag: "from" | "to", column: number, row: number) =>
  `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/**
 * The drawing part (xl/drawings/drawingN.xml): one two-cell anchor per chart, from the top-left
 * corner of the position's first cell to the bottom-right corner of its last, the alt text in cNvPr.
 */
export function drawingXml(charts: ChartPlan[]): string {
  const anchors = charts.map((chart, i) => {
    const { top, left, bottom, right } = parseRange(chart.position);
    return (
      '<xdr:twoCellAnchor editAs="oneCell">' +
      marker("from", left - 1, top - 1) +
      marker("to", right, bottom) +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>' +
      `<xdr:cNvPr id="${i + 2}" name="${encodeXml(chart.name)}" descr="${encodeXml(chart.altText.description)}" title="${encodeXml(chart.altText.title)}"/>` +
      "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    );
  });
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`
  );
}

function relationshipsXml(relationships: { id: string; type: string; target: string }[]): string {
  const items = relationships.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`);
  return XML_DECLARATION + `<Relationships xmlns="${NS.pkg}">${items.join("")}</Relationships>`;
}

/** Worksheet children that must come after <drawing> (CT_Worksheet's sequence, ECMA-376 Part 1, 18.3.1.99). */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Where the first child of the worksheet element named in `names` opens (nested elements do not count). */
function firstTopLevelChild(sheetXml: string, names: string[]): number | undefined {
  let depth = 0;
  for (const tag of sheetXml.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (tag[1] === "/") {
      depth--;
      continue;
    }
    if (depth === 1 && names.includes(tag[2].replace(/^\w+:/, ""))) return tag.index;
    if (tag[3] !== "/") depth++;
  }
  return undefined;
}

export function insertDrawingElement(sheetXml: string, relationshipId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("The sheet already has a drawing; charts would replace it");
  const at = firstTopLevelChild(sheetXml, AFTER_DRAWING) ?? sheetXml.lastIndexOf("</worksheet>");
  return `${sheetXml.slice(0, at)}<drawing r:id="${relationshipId}"/>${sheetXml.slice(at)}`;
}

async function readText(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`The package has no ${part}`);
  return file.async("string");
}

/** The worksheet part of each sheet name, from the workbook and its relationships. */
export async function worksheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readText(zip, "xl/workbook.xml");
  const rels = await readText(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"/g)) {
    const target = targets.get(m[2]);
    if (target) parts.set(decodeXml(m[1]), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** A relationship ID not yet used in a relationships part. */
function freeRelationshipId(relsXml: string): string {
  const used = new Set([...relsXml.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function addOverride(contentTypes: string, partName: string, contentType: string): string {
  return contentTypes.replace("</Types>", `<Override PartName="/${partName}" ContentType="${contentType}"/></Types>`);
}

/** Adds every planned chart of every sheet to the package ExcelJS wrote. */
export async function addChartParts(zip: JSZip, sheets: SheetPlan[]): Promise<void> {
  const withCharts = sheets.filter((s) => (s.charts ?? []).length > 0);
  if (withCharts.length === 0) return;
  const parts = await worksheetParts(zip);
  let contentTypes = await readText(zip, "[Content_Types].xml");
  let chartNumber = 0;
  for (const [i, sheet] of withCharts.entries()) {
    const charts = sheet.charts ?? [];
    const sheetPart = parts.get(sheet.name);
    if (!sheetPart) throw new Error(`The package has no worksheet named ${sheet.name}`);
    const drawingPart = `xl/drawings/drawing${i + 1}.xml`;
    const drawingRels = charts.map((chart) => {
      chartNumber++;
      const chartPart = `xl/charts/chart${chartNumber}.xml`;
      zip.file(chartPart, radarChartXml(sheet.name, chart));
      contentTypes = addOverride(contentTypes, chartPart, CONTENT_TYPE.chart);
      return `../charts/chart${chartNumber}.xml`;
    });
    zip.file(drawingPart, drawingXml(charts));
    zip.file(
      `xl/drawings/_rels/drawing${i + 1}.xml.rels`,
      relationshipsXml(drawingRels.map((target, n) => ({ id: `rId${n + 1}`, type: REL_TYPE.chart, target }))),
    );
    contentTypes = addOverride(contentTypes, drawingPart, CONTENT_TYPE.drawing);
    await linkDrawing(zip, sheetPart, `../drawings/drawing${i + 1}.xml`);
  }
  zip.file("[Content_Types].xml", contentTypes);
}

/** Points the worksheet at its drawing: a relationship, and the <drawing> element in schema order. */
async function linkDrawing(zip: JSZip, sheetPart: string, target: string): Promise<void> {
  const slash = sheetPart.lastIndexOf("/");
  const relsPart = `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`;
  const existing = zip.file(relsPart) ? await readText(zip, relsPart) : relationshipsXml([]);
  const id = freeRelationshipId(existing);
  zip.file(
    relsPart,
    existing.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${REL_TYPE.drawing}" Target="${target}"/></Relationships>`,
    ),
  );
  zip.file(sheetPart, insertDrawingElement(await readText(zip, sheetPart), id));
}
