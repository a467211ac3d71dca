/**
 * Group Data as CSV for Power BI and other tools: UTF-8 with a byte order mark (so Excel reads it as UTF-8),
 * RFC 4180 quoting and CRLF line ends. Excel opens a CSV by reading every field as if typed, so a field
 * starting with =, +, -, @, a tab or a carriage return would become a formula: as OWASP's CSV injection
 * advice says, such a field gets a leading apostrophe (Excel then shows it, a small price for never running
 * a formula from a return). Numbers are written as numbers; dates as YYYY-MM-DD.
 */
import { GROUP_DATA } from "../plan/layout";
import type { GroupDataRow, GroupValue } from "./group-rows";

const BYTE_ORDER_MARK = "\uFEFF";
const READ_AS_FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: neutralised if a spreadsheet would read it as a formula, quoted when RFC 4180 needs it. */
export function csvField(value: GroupValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = READ_AS_FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines of fields as a CSV file's text. */
export function csvText(lines: readonly (readonly GroupValue[])[]): string {
  return `${BYTE_ORDER_MARK}${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export function groupDataCsv(rows: GroupDataRow[]): string {
  return csvText([GROUP_DATA.headers, ...rows.map((row) => GROUP_DATA.row<GroupValue>(row))]);
}
