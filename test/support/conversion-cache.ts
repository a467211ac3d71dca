/**
 * LibreOffice's conversions, kept for the rest of the jest run: several test files recalculate the same workbook
 * (the sample assessment, say), and each conversion costs LibreOffice seconds. A result is kept in the run's
 * temporary folder (test/support/temp-root.ts) under a hash of what LibreOffice computes from: the conversion asked
 * for and the workbook's parts. Two things in a generated workbook change from one writing to the next without
 * changing a single computed value, so they are left out of the hash: the file's created and modified times
 * (docProps/core.xml) and the random ids ExcelJS gives conditional formats (x14:id). The zip's own timestamps are
 * not hashed either (only the parts' names and contents). The folder goes with the run, so every run converts afresh.
 */
import { createHash } from "crypto";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { RUN_ROOT_VARIABLE } from "./temp-root";

const FOLDER = "libreoffice-conversions";
const LOG = "log.txt";

/** Where this run keeps conversions; undefined outside a jest run (the pictures script converts afresh). */
function cacheFolder(): string | undefined {
  const root = process.env[RUN_ROOT_VARIABLE];
  if (!root) return undefined;
  const folder = path.join(root, FOLDER);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** The hash of what LibreOffice's output depends on: the conversion, and every part of the workbook. */
export async function conversionKey({ input, convertTo }: { input: string; convertTo: string }): Promise<string> {
  const bytes = readFileSync(input);
  const hash = createHash("sha256").update(`${convertTo}\0`);
  const zip = await JSZip.loadAsync(bytes).catch(() => undefined);
  if (!zip) return hash.update(bytes).digest("hex"); // not a zip (a CSV, say): its bytes are its content
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    const content = /\.(xml|rels)$/.test(name)
      ? Buffer.from(withoutChangingIds(name, await entry.async("string")))
      : await entry.async("nodebuffer");
    hash.update(`${name}\0${content.length}\0`).update(content);
  }
  return hash.digest("hex");
}

/** The part's XML without the times and ids that differ between two writings of the same workbook. */
export function withoutChangingIds(name: string, xml: string): string {
  const timesGone =
    name === "docProps/core.xml" ? xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, "") : xml;
  const guid = "\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}";
  return timesGone
    .replace(new RegExp(`<x14:id>${guid}</x14:id>`, "g"), "<x14:id/>")
    .replace(new RegExp(`(<x14:cfRule\\b[^>]*\\bid=")${guid}"`, "g"), '$1"');
}

/** Copies this run's earlier result for `key` to `output`; false when there is none. */
export function reuseConversion({ key, extension, output }: ConversionFile): boolean {
  const folder = cacheFolder();
  const kept = folder && path.join(folder, `${key}.${extension}`);
  if (!kept || !existsSync(kept)) return false;
  // LibreOffice makes its output folder when it converts; a reused result must too.
  mkdirSync(path.dirname(output), { recursive: true });
  copyFileSync(kept, output);
  appendFileSync(path.join(folder, LOG), "reused\n");
  return true;
}

/** Keeps LibreOffice's `output` for the rest of the run (written aside, then renamed: another worker may read it). */
export function keepConversion({ key, extension, output }: ConversionFile): void {
  const folder = cacheFolder();
  if (!folder) return;
  const kept = path.join(folder, `${key}.${extension}`);
  const aside = `${kept}.${process.pid}.part`;
  copyFileSync(output, aside);
  renameSync(aside, kept);
  appendFileSync(path.join(folder, LOG), "converted\n");
}

export interface ConversionFile {
  key: string;
  extension: string;
  output: string;
}

/** How many conversions this run ran and how many it reused, for the end of the run; undefined if none. */
export function conversionCounts(root: string): { converted: number; reused: number } | undefined {
  const folder = path.join(root, FOLDER);
  if (!existsSync(folder) || !readdirSync(folder).includes(LOG)) return undefined;
  const lines = readFileSync(path.join(folder, LOG), "utf8").split("\n");
  return {
    converted: lines.filter((line) => line === "converted").length,
    reused: lines.filter((line) => line === "reused").length,
  };
}
