/** Inflating a part once, counting every byte produced: by JSZip's stream, or by a native inflate where given. */
import JSZip from "jszip";
import { concat } from "../bytes";
import { readError, WorkbookReadError } from "../read-errors";
import { unpacksTooLarge, type ReadCounters, type ReadLimits } from "./limits";
import type { PartSink } from "./xml-scan";

/**
 * Inflates a raw DEFLATE stream (a zip part's data), producing at most `maxBytes`: returns undefined
 * when the part would inflate to more, having stopped there. A damaged stream throws.
 */
export type InflateRaw = (compressed: Uint8Array, maxBytes: number) => Uint8Array | undefined;

/** JSZip documents ZipObject#internalStream (stuk.github.io/jszip, "internalStream") but its typings leave it out. */
type StreamingEntry = JSZip.JSZipObject & {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
};

const NATIVE_SLICE_BYTES = 256 * 1024;

/** Inflates one part at once with a native inflate that stops at the bytes the limit has left. */
function inflatePartNatively(
  compressed: Uint8Array,
  { inflateRaw, counters, limits, sink }: InflateOptions & { inflateRaw: InflateRaw },
): Uint8Array {
  let inflated: Uint8Array | undefined;
  try {
    inflated = inflateRaw(compressed, limits.maxUnpackedBytes - counters.inflatedBytes + 1);
  } catch (error) {
    throw readError("damaged", error);
  }
  counters.inflatedBytes += inflated ? inflated.length : limits.maxUnpackedBytes + 1 - counters.inflatedBytes;
  if (!inflated || counters.inflatedBytes > limits.maxUnpackedBytes) throw unpacksTooLarge(limits);
  if (!sink) return inflated;
  // Scanned in slices, as JSZip's stream gives it, so a count over its limit stops the scan soon after.
  for (let at = 0; at < inflated.length || at === 0; at += NATIVE_SLICE_BYTES) {
    const end = Math.min(at + NATIVE_SLICE_BYTES, inflated.length);
    const over = sink.push(inflated.subarray(at, end), { last: end === inflated.length });
    if (over) throw over;
  }
  return inflated;
}

export interface InflateOptions {
  counters: ReadCounters;
  limits: ReadLimits;
  /** Takes the bytes as they inflate (the XML scanner, or a collector of a part read as text). */
  sink?: PartSink;
  /** The platform's native inflate, used for a deflated part whose compressed bytes are given; JSZip's otherwise. */
  inflateRaw?: InflateRaw;
  /** The part's compressed bytes when it is deflated (zip-directory.ts's deflatedParts). */
  compressed?: Uint8Array;
  /** Hand the part's inflated bytes back (a part the reader asked for); otherwise they are only counted. */
  keep?: boolean;
}

/**
 * Inflates one part, adding every byte produced to the counters, and stops inflating (the stream is
 * paused, not thrown through: JSZip's callbacks run from a timer) as soon as a limit is passed.
 * With `keep`, the part's inflated bytes are the result.
 */
export function inflatePart(
  entry: JSZip.JSZipObject,
  { counters, limits, sink, inflateRaw, compressed, keep = false }: InflateOptions,
): Promise<Uint8Array | undefined> {
  if (inflateRaw && compressed)
    return new Promise((resolve) => {
      const inflated = inflatePartNatively(compressed, { inflateRaw, counters, limits, sink });
      resolve(keep ? inflated : undefined);
    });
  const kept: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    let stopped = false;
    const stop = (problem: WorkbookReadError) => {
      stopped = true;
      stream.pause();
      reject(problem);
    };
    const stream = (entry as StreamingEntry).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (stopped) return;
        counters.inflatedBytes += chunk.length;
        if (counters.inflatedBytes > limits.maxUnpackedBytes) {
          stop(unpacksTooLarge(limits));
          return;
        }
        if (keep) kept.push(chunk);
        const over = sink?.push(chunk);
        if (over) stop(over);
      })
      .on("error", (error) => {
        if (!stopped) stop(readError("damaged", error));
      })
      .on("end", () => {
        if (stopped) return;
        const over = sink?.push(new Uint8Array(0), { last: true });
        if (over) stop(over);
        else resolve(keep ? concat(kept) : undefined);
      })
      .resume();
  });
}
