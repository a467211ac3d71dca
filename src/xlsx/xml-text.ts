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
