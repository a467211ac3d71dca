/**
 * Hostile files, built byte by byte in the tests: zips whose declared sizes lie, OLE compound files
 * of the kinds Office writes for .xls and for password-protected workbooks, minimal workbooks.
 */
import { constants, crc32, deflateRawSync } from "zlib";

export interface CraftedEntry {
  name: string;
  /** The bytes as stored: already deflated when `deflated` is true. */
  stored: Uint8Array;
  deflated: boolean;
  /** What the zip says the part unpacks to: a crafted file may understate it. */
  declaredSize: number;
  crc?: number;
}

export const text = (s: string) => new TextEncoder().encode(s);

export function storedEntry(name: string, content: string | Uint8Array): CraftedEntry {
  const bytes = typeof content === "string" ? text(content) : content;
  return { name, stored: bytes, deflated: false, declaredSize: bytes.length, crc: crc32(bytes) };
}

export function deflatedEntry(name: string, content: string | Uint8Array): CraftedEntry {
  const bytes = typeof content === "string" ? text(content) : content;
  return { name, stored: deflateRawSync(bytes), deflated: true, declaredSize: bytes.length, crc: crc32(bytes) };
}

/**
 * A deflate stream that inflates to `megabytes` MB of zeros from about 1 KB per MB: one flushed,
 * non-final block of 1 MB repeated (it refers to nothing before it), then an empty final block.
 */
export function zerosBomb(megabytes: number): Uint8Array {
  const oneMegabyte = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: megabytes }, () => oneMegabyte), finalEmptyBlock]);
}

/** A zip written field by field (APPNOTE.TXT 4.3), so every declared size is whatever the test says. */
export function craftZip(entries: CraftedEntry[], { zip64 = false } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const header = (signature: number, size: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(entry.deflated ? 8 : 0, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.deflated ? 8 : 0, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.stored));
    directory.push(central, name);
    offset += local.length + name.length + entry.stored.length;
  }
  const directoryBytes = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directoryBytes, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  const tail = zip64 ? zip64EndRecords(entries.length, directoryBytes, offset) : [];
  return new Uint8Array(Buffer.concat([...locals, ...directory, ...tail, end]));
}

/** The ZIP64 end record and its locator (APPNOTE.TXT 4.3.14–15), which carry the real figures. */
function zip64EndRecords(count: number, directoryBytes: number, directoryStart: number): Buffer[] {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4); // the size of the rest of the record
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directoryBytes), 40);
  record.writeBigUInt64LE(BigInt(directoryStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryStart + directoryBytes), 8);
  locator.writeUInt32LE(1, 16);
  return [record, locator];
}

const MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

/** The four parts a one-sheet workbook needs, with the worksheet XML given; ExcelJS reads it. */
export function minimalWorkbook(
  sheetData: string,
  { mainType = MAIN_TYPE, sheetName = "Sheet1", afterSheetData = "" } = {},
): CraftedEntry[] {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rels = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const relNs = "http://schemas.openxmlformats.org/package/2006/relationships";
  const relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return [
    storedEntry(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${mainType}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    storedEntry(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${relNs}"><Relationship Id="rId1" Type="${relType}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    storedEntry(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} ${rels}><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    storedEntry(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${relNs}"><Relationship Id="rId1" Type="${relType}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    deflatedEntry(
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetData}</sheetData>${afterSheetData}</worksheet>`,
    ),
  ];
}

/** `count` numeric cells, ten to a row. */
export function filledCells(count: number): string {
  const rows: string[] = [];
  for (let row = 1; row <= Math.ceil(count / 10); row++) {
    const cells: string[] = [];
    for (let column = 0; column < 10 && (row - 1) * 10 + column < count; column++)
      cells.push(`<c r="${String.fromCharCode(65 + column)}${row}"><v>${row}</v></c>`);
    rows.push(`<row r="${row}">${cells.join("")}</row>`);
  }
  return rows.join("");
}

/**
 * An OLE compound file ([MS-CFB]) with 512-byte sectors whose directory lists `streams` (empty
 * streams: only the directory is read). Sector 0 holds the FAT, the directory follows from sector 1.
 */
export function compoundFile(streams: string[]): Uint8Array {
  const SECTOR = 512;
  const entries = ["Root Entry", ...streams];
  const directorySectors = Math.ceil(entries.length / 4);
  const file = Buffer.alloc(SECTOR * (1 + 1 + directorySectors), 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18); // minor version
  file.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  file.writeUInt16LE(0xfffe, 0x1c); // little-endian
  file.writeUInt16LE(9, 0x1e); // sector shift
  file.writeUInt16LE(6, 0x20); // mini sector shift
  file.writeUInt32LE(1, 0x2c); // one FAT sector
  file.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  file.writeUInt32LE(0x1000, 0x38); // mini stream cut-off
  file.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  file.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) file.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = SECTOR; // sector 0
  for (let i = 0; i < SECTOR / 4; i++) file.writeUInt32LE(0xffffffff, fat + i * 4);
  file.writeUInt32LE(0xfffffffd, fat); // sector 0 is the FAT itself
  for (let s = 1; s <= directorySectors; s++)
    file.writeUInt32LE(s < directorySectors ? s + 1 : 0xfffffffe, fat + s * 4);
  entries.forEach((name, i) => {
    const at = SECTOR * 2 + i * 128;
    const utf16 = Buffer.from(`${name}\0`, "utf16le");
    utf16.copy(file, at);
    file.writeUInt16LE(utf16.length, at + 0x40);
    file.writeUInt8(i === 0 ? 5 : 2, at + 0x42); // root storage, then streams
    file.writeUInt32LE(0xffffffff, at + 0x44); // no siblings or children: only the names are read
    file.writeUInt32LE(0xffffffff, at + 0x48);
    file.writeUInt32LE(0xffffffff, at + 0x4c);
    file.writeUInt32LE(0xfffffffe, at + 0x74);
  });
  return new Uint8Array(file);
}
