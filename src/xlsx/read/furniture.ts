/**
 * The tables and charts of a workbook's sheets, from the package: each worksheet's relationships
 * lead to its table parts and its drawing, the drawing's to its charts (ECMA-376 Part 1 §18.5 and
 * §21.2). Only what the checker compares is kept: a table's name, range and columns, and each
 * chart series' references.
 */
import type { SnapshotChart, SnapshotTable } from "../../core/snapshot/types";
import { parseXml } from "./sax";
import type { SheetEntry } from "./workbook";

/** The parts this reads, besides the worksheets: relationships, tables and charts. */
export const FURNITURE_PART =
  /^xl\/(worksheets\/_rels\/[^/]+\.rels|tables\/[^/]+\.xml|drawings\/_rels\/[^/]+\.rels|charts\/[^/]+\.xml)$/i;

const relsOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");

/** A relationship's target as a part name, relative to the part's folder (or absolute from the package root). */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const path = from.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") path.pop();
    else if (step !== ".") path.push(step);
  }
  return path.join("/");
}

/** The parts a part's relationships of `type` (the last word of the type's URI) point at. */
function related(parts: Map<string, Uint8Array>, from: string, type: string): string[] {
  const rels = parts.get(relsOf(from));
  if (!rels) return [];
  const found: string[] = [];
  parseXml(rels, {
    open(name, attributes) {
      if (name === "Relationship" && attributes.Type?.endsWith(`/${type}`) && attributes.TargetMode !== "External")
        found.push(resolve(from, attributes.Target ?? ""));
    },
  });
  return found;
}

function readTable(part: Uint8Array, sheet: string): SnapshotTable {
  const table: SnapshotTable = { name: "", sheet, range: "", columns: [] };
  parseXml(part, {
    open(name, attributes) {
      if (name === "table") {
        table.name = attributes.displayName ?? attributes.name ?? "";
        table.range = attributes.ref ?? "";
      } else if (name === "tableColumn") table.columns.push(attributes.name ?? "");
    },
  });
  return table;
}

/** A chart part's series, each with its values' and categories' references (c:val and c:cat, §21.2.2). */
function readChart(part: Uint8Array, sheet: string): SnapshotChart {
  const series: { values: string; categories: string }[] = [];
  let within: "values" | "categories" | undefined;
  let reading = false;
  parseXml(part, {
    open(name) {
      const local = name.slice(name.indexOf(":") + 1);
      if (local === "ser") series.push({ values: "", categories: "" });
      else if (local === "val" || local === "yVal") within = "values";
      else if (local === "cat" || local === "xVal") within = "categories";
      else if (local === "f" && within && series.length > 0) reading = true;
    },
    text(chunk) {
      if (reading && within) series[series.length - 1][within] += chunk;
    },
    close(name) {
      const local = name.slice(name.indexOf(":") + 1);
      if (local === "f") reading = false;
      else if (["val", "yVal", "cat", "xVal"].includes(local)) within = undefined;
    },
  });
  return { sheet, series };
}

/** The tables and charts of `sheets`, from `parts` (which must hold those FURNITURE_PART names). */
export function readFurniture(
  parts: Map<string, Uint8Array>,
  sheets: readonly SheetEntry[],
): { tables: SnapshotTable[]; charts: SnapshotChart[] } {
  const tables: SnapshotTable[] = [];
  const charts: SnapshotChart[] = [];
  for (const sheet of sheets) {
    for (const part of related(parts, sheet.part, "table")) {
      const xml = parts.get(part);
      if (xml) tables.push(readTable(xml, sheet.name));
    }
    for (const drawing of related(parts, sheet.part, "drawing"))
      for (const part of related(parts, drawing, "chart")) {
        const xml = parts.get(part);
        if (xml) charts.push(readChart(xml, sheet.name));
      }
  }
  return { tables, charts };
}
