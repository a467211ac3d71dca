/** The five predefined XML entities, both ways, for the parts the writer edits as text. */

export const decodeXml = (text: string): string =>
  text.replace(
    /&(apos|quot|lt|gt|amp);/g,
    (_, name: string) => ({ apos: "'", quot: '"', lt: "<", gt: ">", amp: "&" })[name] as string,
  );

export const encodeXml = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/'/g, "&apos;")
    .replace(/"/g, "&quot;");

/**
 * Text for a cell or shared string, as ExcelJS writes it (utils.xmlEncode): the five entities escaped, and
 * the control characters XML 1.0 cannot hold (and DEL) dropped, so rows written beside ExcelJS's read alike.
 */
export const encodeCellText = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  encodeXml(text.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, ""));
