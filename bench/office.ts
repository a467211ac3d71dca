/**
 * Office.js round trips of a build and an upgrade, measured with the real office.js client library
 * (its requests captured in Node, then applied to the in-memory Excel fake so that reads get
 * answers): syncs, and the bytes of each request exactly as the client serialises it.
 */
import { canonicalToolkit } from "../src/core/toolkit/canonical";
import { scaleToolkit } from "../test/support/scale";
import type { Toolkit } from "../src/core/toolkit/schema";
import { sampleAnswers } from "../src/core/answers/sample";
import { consolidate } from "../src/core/consolidate/consolidate";
import type { Consolidation } from "../src/core/consolidate/types";
import { measureGroupShrink, measureRoundTrips, type CountingWorkbook, type RoundTrips } from "./round-trips";
import { REQUEST_LIMIT_BYTES } from "../src/office/request-size";
import { FakeExcel } from "../test/fakes/excel-fake";
import { examinedReturn } from "../test/core/consolidate/fixtures";
import { realClientOver } from "../test/support/office-real";
import { fixed, type BenchResult, type BenchSection } from "./section";

const now = new Date("2026-11-25T09:00:00Z");

/** The real client in front of a new fake, counting each request it sends. */
function countingClient(): CountingWorkbook {
  const client = realClientOver(new FakeExcel());
  return {
    run: client.run,
    get syncs() {
      return client.requests.map((r) => ({
        // Property sets, method calls and loads: the client's instantiations are not counted.
        operations: r.body.Actions.filter((a) => a.ActionType !== 1).length,
        requestBytes: r.bytes,
        responseBytes: r.responseBytes ?? 0,
      }));
    },
  };
}

const measure = (toolkit: Toolkit, options: { signOff: boolean }) =>
  measureRoundTrips(toolkit, countingClient(), now, options);

/** `count` returns answering every behaviour (a few distinct answer sets), consolidated. */
function consolidationOf(toolkit: Toolkit, count: number): Consolidation {
  const returns = Array.from({ length: count }, (_, i) =>
    examinedReturn(
      i,
      { council: `Council ${String(i + 1).padStart(4, "0")}` },
      { answers: sampleAnswers(toolkit, "2026-03-01", (i % 8) + 1).behaviours },
    ),
  );
  return consolidate(returns, toolkit, { includeErrors: false, finalOnly: false });
}

/** A re-consolidation of 40 returns into the workbook that holds the group sheets of 400. */
export async function groupShrink(): Promise<RoundTrips> {
  const toolkit = canonicalToolkit();
  return measureGroupShrink(countingClient(), {
    toolkit,
    larger: consolidationOf(toolkit, 400),
    smaller: consolidationOf(toolkit, 40),
    now,
  });
}

const asJson = (trips: RoundTrips) => ({ ...trips, realClient: true });
/** Sign-off's own write must stay small: it writes five cells, never the sheets. */
const SIGN_OFF_WRITE_TARGET_BYTES = 32 * 1024;
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en-GB")} KB`;
const describe = (t: RoundTrips) =>
  `${t.syncs} syncs, ${t.operations.toLocaleString("en-GB")} operations, largest request ${kb(t.largestRequestBytes)}` +
  (t.largestResponseBytes !== undefined ? `, largest answer ${kb(t.largestResponseBytes)}` : "");

async function officeRoundTrips(): Promise<BenchResult> {
  const canonical = await measure(canonicalToolkit(), { signOff: true });
  // The checker does not know a scaled toolkit, so its workbook cannot be signed off: no sign-off figure for it.
  const x10 = await measure(scaleToolkit(canonicalToolkit(), 10), { signOff: false });
  const signOff = canonical.signOff!;
  const shrink = await groupShrink();
  const line = (label: string, r: typeof canonical) =>
    `${label.padEnd(22)} key areas ${String(r.keyAreas).padStart(3)}  build: ${describe(r.build)}  upgrade: ${describe(r.upgrade)}  check: ${describe(r.check)}`;
  return {
    lines: [
      line("canonical toolkit", canonical),
      `${"".padEnd(22)} sign-off: ${describe(signOff)}, its write ${kb(signOff.writeRequestBytes)} (${signOff.writeRequestBytes.toLocaleString("en-GB")} bytes)`,
      line("toolkit × 10", x10),
      `${"group 400 → 40 returns".padEnd(22)} re-consolidation into the same workbook: ${describe(shrink)}`,
      `growth for 10× the key areas: build operations ${fixed(x10.build.operations / canonical.build.operations, 2)}x, upgrade operations ${fixed(x10.upgrade.operations / canonical.upgrade.operations, 2)}x`,
    ],
    json: {
      office: {
        requestLimitBytes: REQUEST_LIMIT_BYTES,
        canonical: {
          build: asJson(canonical.build),
          upgrade: asJson(canonical.upgrade),
          check: asJson(canonical.check),
          signOff: asJson(signOff),
        },
        x10: {
          build: asJson(x10.build),
          upgrade: asJson(x10.upgrade),
          check: asJson(x10.check),
        },
        group: { shrink: asJson(shrink) },
      },
    },
  };
}

export const officeSection: BenchSection = {
  title: `Office.js round trips (the real office.js client's requests; targets: build 2 syncs, upgrade 3, check 1 and sign-off 2 for the canonical toolkit, every request and answer ≤ ${kb(REQUEST_LIMIT_BYTES)}, sign-off's write ≤ ${kb(SIGN_OFF_WRITE_TARGET_BYTES)})`,
  run: officeRoundTrips,
};
