/**
 * Just enough XML reading for the checks in xlsx-checks.ts. The parts are machine-written
 * OOXML, so matching elements by local name is reliable, and it keeps the harness free of
 * an XML parser dependency the product does not otherwise need.
 */

export interface XmlElement {
  attrs: Record<string, string>;
  /** Raw inner XML (still escaped), or "" for a self-closing element. */
  inner: string;
}

// Attribute values may legally hold ">" so the opening tag is matched value by value.
const ATTRS = `(\\s(?:[^>"']|"[^"]*"|'[^']*')*?)?`;

/** Every element with this local name (any namespace prefix). Not for elements nested in themselves. */
export function elements(xml: string, localName: string): XmlElement[] {
  const name = `(?:[\\w.-]+:)?${localName}`;
  const pattern = new RegExp(`<${name}${ATTRS}(?:/>|>([\\s\\S]*?)</${name}>)`, "g");
  return [...xml.matchAll(pattern)].map((m) => ({ attrs: parseAttrs(m[1] ?? ""), inner: m[2] ?? "" }));
}

/** The decoded text of the first element with this local name, if any. */
export function childText(xml: string, localName: string): string | undefined {
  const found = elements(xml, localName)[0];
  return found === undefined ? undefined : decodeXml(found.inner);
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  }
  return attrs;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] !== "#") return NAMED_ENTITIES[entity] ?? whole;
    const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}
