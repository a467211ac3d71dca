/**
 * What every browser the pane runs in has and jest's jsdom environment leaves out, for the test files marked
 * `@jest-environment jsdom`: the core's SHA-256 encodes text with TextEncoder, the .xlsx reader decodes
 * with TextDecoder, and the generators and test/office/fixtures.ts copy plans and workbooks with structuredClone.
 * Each is put in place before the file's tests and taken away after them.
 */
import { setImmediate as nodeSetImmediate } from "timers";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

/** Call at the top of a jsdom test file that reads or writes workbooks. */
export function withBrowserGlobals(): void {
  inPlaceForTheFile({
    TextEncoder: NodeTextEncoder,
    TextDecoder: NodeTextDecoder,
    structuredClone: structuredCloneHere,
  });
}

/**
 * For tests of the pane over the Excel fake, which also schedules its syncs with Node's setImmediate (not a browser
 * global). Call at the top of the test file.
 */
export function withFakeExcelGlobals(): void {
  withBrowserGlobals();
  inPlaceForTheFile({ setImmediate: nodeSetImmediate });
}

function inPlaceForTheFile(globals: Record<string, unknown>): void {
  beforeAll(() => Object.assign(globalThis, globals));
  afterAll(() => {
    for (const name of Object.keys(globals)) delete (globalThis as Record<string, unknown>)[name];
  });
}

/**
 * structuredClone, which jest's jsdom environment leaves out (every browser the pane runs in has it): a deep copy made
 * in the test's own realm. Node's (v8 serialize) would make Maps of Node's realm, which are not `instanceof Map` here,
 * so the Office fixtures would not keep a written workbook to copy (test/office/fixtures.ts) and every test would
 * write its workbook through the fake again. Copies what the tests hand it (plain objects, arrays, Maps, Sets, dates,
 * byte arrays, shared references and cycles kept); refuses a function or a symbol, as the browser's does.
 */
const structuredCloneHere = <T>(value: T): T => copyHere(value, new Map()) as T;

function copyHere(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value === "function" || typeof value === "symbol") {
    throw new DOMException(`${String(value)} could not be cloned.`, "DataCloneError");
  }
  if (value === null || typeof value !== "object") return value;
  if (copies.has(value)) return copies.get(value);
  if (ArrayBuffer.isView(value)) return remember(copies, value, (value as Uint8Array).slice());
  switch (Object.prototype.toString.call(value)) {
    case "[object Date]":
      return remember(copies, value, new Date((value as Date).getTime()));
    case "[object Map]": {
      const copy = remember(copies, value, new Map());
      for (const [key, item] of value as Map<unknown, unknown>) copy.set(copyHere(key, copies), copyHere(item, copies));
      return copy;
    }
    case "[object Set]": {
      const copy = remember(copies, value, new Set());
      for (const item of value as Set<unknown>) copy.add(copyHere(item, copies));
      return copy;
    }
    case "[object Array]": {
      const copy = remember(copies, value, [] as unknown[]);
      (value as unknown[]).forEach((item, index) => (copy[index] = copyHere(item, copies)));
      return copy;
    }
    default: {
      const copy = remember(copies, value, {} as Record<string, unknown>);
      for (const key of Object.keys(value)) copy[key] = copyHere((value as Record<string, unknown>)[key], copies);
      return copy;
    }
  }
}

function remember<T>(copies: Map<object, unknown>, original: object, copy: T): T {
  copies.set(original, copy);
  return copy;
}
