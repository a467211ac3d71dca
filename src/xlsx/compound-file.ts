/**
 * Telling apart the Office files that are not zips but OLE compound files ([MS-CFB]): an Excel
 * 97–2003 workbook (a "Workbook" or "Book" stream), and any Office file protected with a password to
 * open, which Office stores as an "EncryptedPackage" stream in a compound file ([MS-OFFCRYPTO] 2.3.4.4).
 * Only the directory is read, by following its sector chain through the FAT, with every loop bounded
 * by the file's own size. Pure byte arithmetic, so it runs in the browser as in Node.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER_BYTES = 512;
const DIRECTORY_ENTRY_BYTES = 128;
/** Sector numbers at or above this mark the end of a chain or an unused sector ([MS-CFB] 2.1). */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;

export type CompoundFileKind = "encrypted" | "old-xls" | "other" | "unreadable";

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

class Sectors {
  private readonly view: DataView;
  readonly size: number;
  readonly count: number;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(0x1e, true);
    if (shift !== 9 && shift !== 12) throw new Error("sector size");
    this.size = 1 << shift;
    this.count = Math.floor((bytes.length - HEADER_BYTES) / this.size);
  }

  uint32(offset: number): number {
    return this.view.getUint32(offset, true);
  }

  /** The byte offset of a sector; throws when it lies outside the file. */
  offset(sector: number): number {
    if (sector >= this.count) throw new Error("sector outside the file");
    return HEADER_BYTES + sector * this.size;
  }

  slice(sector: number): Uint8Array {
    const start = this.offset(sector);
    return this.bytes.subarray(start, start + this.size);
  }
}

/** The FAT's sector numbers: 109 in the header, the rest in a chain of DIFAT sectors. */
function fatSectors(sectors: Sectors): number[] {
  const found: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) found.push(sectors.uint32(0x4c + i * 4));
  const perDifat = sectors.size / 4 - 1;
  let next = sectors.uint32(0x44);
  for (let hops = 0; next < MAX_REGULAR_SECTOR; hops++) {
    if (hops > sectors.count) throw new Error("DIFAT chain loops");
    const start = sectors.offset(next);
    for (let i = 0; i < perDifat; i++) found.push(sectors.uint32(start + i * 4));
    next = sectors.uint32(start + perDifat * 4);
  }
  return found.filter((sector) => sector < MAX_REGULAR_SECTOR);
}

function directoryNames(sectors: Sectors): string[] {
  const fat = fatSectors(sectors);
  const nextSector = (sector: number) => {
    const perFat = sectors.size / 4;
    const fatSector = fat[Math.floor(sector / perFat)];
    if (fatSector === undefined) throw new Error("sector beyond the FAT");
    return sectors.uint32(sectors.offset(fatSector) + (sector % perFat) * 4);
  };
  const names: string[] = [];
  const decoder = new TextDecoder("utf-16le");
  let sector = sectors.uint32(0x30);
  for (let hops = 0; sector < MAX_REGULAR_SECTOR; hops++) {
    if (hops > sectors.count) throw new Error("directory chain loops");
    const block = sectors.slice(sector);
    for (let at = 0; at + DIRECTORY_ENTRY_BYTES <= block.length; at += DIRECTORY_ENTRY_BYTES) {
      const nameBytes = block[at + 0x40] | (block[at + 0x41] << 8);
      const type = block[at + 0x42];
      // Type 0 is an unused entry; a name is at most 32 UTF-16 characters, its terminating null included.
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(decoder.decode(block.subarray(at, at + nameBytes - 2)));
    }
    sector = nextSector(sector);
  }
  return names;
}

/** What a compound file holds, as far as reading a workbook is concerned. */
export function compoundFileKind(bytes: Uint8Array): CompoundFileKind {
  let names: string[];
  try {
    if (bytes.length < HEADER_BYTES) return "unreadable";
    names = directoryNames(new Sectors(bytes));
  } catch {
    return "unreadable";
  }
  if (names.includes("EncryptedPackage")) return "encrypted";
  if (names.includes("Workbook") || names.includes("Book")) return "old-xls";
  return "other";
}
