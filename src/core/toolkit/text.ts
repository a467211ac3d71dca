import type { RichText } from "./schema";

/**
 * Toolkit rich text as one cell's text: paragraphs on their own lines, numbered items as
 * "1. …", bulleted items as "• …". Excel shows the line breaks in wrapped cells.
 */
export function richTextToCell(text: RichText): string {
  return text
    .map((block) =>
      block.type === "paragraph"
        ? block.text
        : block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `• ${item}`)).join("\n"),
    )
    .join("\n");
}
