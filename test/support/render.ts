/**
 * Pictures of a workbook as LibreOffice Calc draws it: the workbook goes to PDF (one page per sheet,
 * formulas recalculated on load), then one page to an image with poppler's pdftoppm. Tests read the
 * pixels; the same page can be kept as a PNG for the documentation.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { convertAllWithLibreOffice } from "./libreoffice";
import { runBounded } from "./process";

export interface RgbImage {
  width: number;
  height: number;
  /** Three bytes a pixel, row by row. */
  data: Uint8Array;
}

const TIMEOUT_MS = 120_000;
// Each sheet on one page of its own size, so a sheet is one picture whatever its print setup.
const PDF_ONE_PAGE_PER_SHEET = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';

async function run(command: string, args: string[]): Promise<string> {
  const result = await runBounded(command, args, TIMEOUT_MS);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.code}):\n${result.stderr}`);
  return result.stdout;
}

/** The 1-based page of a PDF whose text contains `text` (pdftotext ends each page with a form feed). */
async function pageWith(pdf: string, text: string): Promise<number> {
  const pages = (await run("pdftotext", ["-layout", pdf, "-"])).split("\f");
  const index = pages.findIndex((page) => page.includes(text));
  if (index < 0) throw new Error(`No page of ${pdf} contains ${JSON.stringify(text)}`);
  return index + 1;
}

/** Parses a binary PPM (P6, 8-bit), the format pdftoppm writes by default. */
export function parsePpm(bytes: Uint8Array): RgbImage {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(Buffer.from(bytes.subarray(0, 64)).toString("latin1"));
  if (!header) throw new Error("Not an 8-bit binary PPM");
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), data: bytes.subarray(whole.length) };
}

/** The whole workbook as LibreOffice prints it, formulas recalculated: one PDF page per visible sheet, in order. */
export async function printSheets(xlsxPath: string, outDir: string): Promise<string> {
  return (await printAllSheets([xlsxPath], outDir))[0];
}

/** As printSheets, for several workbooks in one LibreOffice run (their file names must differ). */
function printAllSheets(xlsxPaths: string[], outDir: string): Promise<string[]> {
  return convertAllWithLibreOffice(xlsxPaths, {
    extension: "pdf",
    convertTo: PDF_ONE_PAGE_PER_SHEET,
    outDir,
    timeoutMs: TIMEOUT_MS,
  });
}

export interface RenderedPage {
  image: RgbImage;
  pdf: string;
  page: number;
}

export interface RenderOptions {
  dpi?: number;
  /** Also writes `<png>.png` when given (one workbook only: every page would go to the same file). */
  png?: string;
}

/**
 * Renders, for each workbook, the page of the sheet that shows `pageText` (for example its title) at `dpi`, into
 * `outDir`: the workbooks are printed in one LibreOffice run, so their file names must differ.
 */
export async function renderSheets(
  xlsxPaths: string[],
  pageText: string,
  outDir: string,
  options: RenderOptions = {},
): Promise<RenderedPage[]> {
  if (options.png && xlsxPaths.length > 1) throw new Error("renderSheets: a PNG is written for one workbook only");
  const pdfs = await printAllSheets(xlsxPaths, outDir);
  return Promise.all(pdfs.map((pdf) => renderPage(pdf, pageText, outDir, options)));
}

async function renderPage(
  pdf: string,
  pageText: string,
  outDir: string,
  options: RenderOptions,
): Promise<RenderedPage> {
  const page = await pageWith(pdf, pageText);
  const dpi = String(options.dpi ?? 72);
  const prefix = path.join(outDir, `${path.basename(pdf, ".pdf")}-page`);
  await run("pdftoppm", ["-f", String(page), "-l", String(page), "-r", dpi, "-singlefile", pdf, prefix]);
  if (options.png) {
    await run("pdftoppm", ["-f", String(page), "-l", String(page), "-r", dpi, "-singlefile", "-png", pdf, options.png]);
    if (!existsSync(`${options.png}.png`)) throw new Error(`pdftoppm wrote no ${options.png}.png`);
  }
  return { image: parsePpm(new Uint8Array(readFileSync(`${prefix}.ppm`))), pdf, page };
}

/** How many pixels are within `tolerance` (sum of channel differences) of a "#RRGGBB" colour. */
export function countColour(image: RgbImage, hex: string, tolerance = 60): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i + 2 < image.data.length; i += 3) {
    const distance = Math.abs(image.data[i] - r) + Math.abs(image.data[i + 1] - g) + Math.abs(image.data[i + 2] - b);
    if (distance <= tolerance) count++;
  }
  return count;
}
