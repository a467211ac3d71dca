import { SaxesParser } from "saxes";
import { readError } from "../read-errors";

/** What a part's reader does with each element and each piece of text, in document order. */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/**
 * Parses one inflated part with saxes, a strict SAX parser. Names keep their prefix, as ExcelJS
 * reads them: SpreadsheetML's own elements are unprefixed, extensions (x14:…) are not ours.
 *
 * Text stays text: saxes expands only XML's five entities and character references, and a document
 * type declaration is refused outright rather than ignored, as no Office application writes one
 * and it is the way to smuggle in entities (the "billion laughs"). Malformed XML is a damaged part.
 */
export function parseXml(part: Uint8Array, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  parser.on("error", (error) => {
    throw readError("damaged", error);
  });
  parser.on("doctype", () => {
    throw readError("damaged", new Error("The part declares a document type, which no workbook needs."));
  });
  parser.on("opentag", (tag) => handlers.open(tag.name, tag.attributes as Record<string, string>));
  // Called as methods, so a handler may be a class with state of its own.
  if (handlers.text) {
    const text = (chunk: string) => handlers.text?.(chunk);
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (handlers.close) parser.on("closetag", (tag) => handlers.close?.(tag.name));
  parser.write(new TextDecoder("utf-8").decode(part)).close();
}

/** xsd:boolean, which allows "true"/"false" (LibreOffice writes them) as well as "1"/"0". */
export const xsdBoolean = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined ? fallback : value === "1" || value === "true";
