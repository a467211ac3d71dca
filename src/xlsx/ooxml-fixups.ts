import JSZip from "jszip";

/**
 * ExcelJS writes a font's children in its own order, but the Open XML schema (and Excel's "repair"
 * check) wants them in sequence. Reordering them after writing keeps the file valid without
 * patching ExcelJS internals (which the browser bundle does not expose).
 */
const FONT_CHILD_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];

function reorderFontChildren(font: string): string {
  const children = font.match(/<[a-zA-Z]+\b[^>]*\/>/g) ?? [];
  const rank = (child: string) => FONT_CHILD_ORDER.indexOf(/^<([a-zA-Z]+)/.exec(child)?.[1] ?? "");
  return [...children].sort((a, b) => rank(a) - rank(b)).join("");
}

export function fixStylesXml(xml: string): string {
  return xml.replace(/<font>((?:<[a-zA-Z]+\b[^>]*\/>)*)<\/font>/g, (_, children: string) => `<font>${reorderFontChildren(children)}</font>`);
}

export async function fixOoxml(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = zip.file("xl/styles.xml");
  if (styles) zip.file("xl/styles.xml", fixStylesXml(await styles.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
