import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { UsageError } from "./command";

/**
 * The absolute path of a file the user asked to write, once it is safe to write there: the name ends in
 * `extension` (.xlsx unless said), its folder exists, and it does not replace a file unless `force`. Throws
 * UsageError otherwise.
 */
export function checkTarget(file: string, force: boolean, extension = ".xlsx"): string {
  const target = path.resolve(file);
  if (path.extname(target).toLowerCase() !== extension)
    throw new UsageError(`The file name must end in ${extension} (got "${file}").`);
  const folder = path.dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`The folder "${folder}" does not exist.`);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new UsageError(`"${file}" is a folder, not a file.`);
    if (!force) throw new UsageError(`"${file}" already exists. Use --force to replace it.`);
  }
  return target;
}

/** The same file under another spelling (a relative path, a link, a case-insensitive disc) is the same file. */
export function isSameFile(a: string, b: string): boolean {
  if (a === b) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

/** A file the operating system would not let us write, said in one line without the temporary file's name. */
export class WriteError extends Error {}

/** Plain words for the operating system's reasons a write fails (Node's error codes, as in `man 3 errno`). */
const WRITE_PROBLEMS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "the operating system does not allow it (is the file open in Excel?)",
  EBUSY: "the file is in use (is it open in Excel?)",
  EROFS: "the disk is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  ENAMETOOLONG: "the file name is too long",
  ENOENT: "the folder cannot be written to, or has gone",
  ENOTDIR: "part of the path is not a folder",
  EISDIR: "it is a folder",
};

/**
 * Writes `bytes` to `target` whole or not at all: beside it first, then renamed over it, so a failure never leaves
 * half a workbook behind. A failure is a WriteError naming `shownAs` (the name the user typed) and the reason.
 */
export function writeWhole(target: string, bytes: Uint8Array, shownAs: string): void {
  const partial = `${target}.partial-${process.pid}`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, target);
  } catch (problem) {
    const code = (problem as NodeJS.ErrnoException).code;
    if (!code) throw problem;
    throw new WriteError(
      `Could not write "${shownAs}": ${WRITE_PROBLEMS[code] ?? "the operating system refused"} (${code}).`,
    );
  } finally {
    // existsSync rather than rmSync's force: a name too long to write is too long to remove, too.
    if (existsSync(partial)) rmSync(partial);
  }
}
