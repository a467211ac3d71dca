import { parseXml } from "./sax";

/**
 * OOXML writes characters XML cannot carry as "_xHHHH_" (ECMA-376 §22.9.2.19); ExcelJS decodes them
 * in shared strings (and only there), and so does this reader, so both give the same text.
 */
const decodeEscapes = (text: string): string =>
  text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The strings of xl/sharedStrings.xml, by index. A rich-text string is its runs' text joined; the
 * phonetic guide (rPh) is not part of the text. An item with no text element at all is undefined,
 * and its cells are left out, as ExcelJS leaves them out.
 */
export function readSharedStrings(part: Uint8Array | undefined): (string | undefined)[] {
  if (!part) return [];
  const strings: (string | undefined)[] = [];
  let text: string | undefined;
  let inText = false;
  let inPhonetic = false;
  parseXml(part, {
    open(name) {
      if (name === "si") text = undefined;
      else if (name === "rPh") inPhonetic = true;
      else if (name === "t" && !inPhonetic) {
        inText = true;
        text ??= "";
      }
    },
    text(chunk) {
      if (inText) text += chunk;
    },
    close(name) {
      if (name === "si") strings.push(text === undefined ? undefined : decodeEscapes(text));
      else if (name === "rPh") inPhonetic = false;
      else if (name === "t") inText = false;
    },
  });
  return strings;
}
