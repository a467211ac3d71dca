/**
 * `nps-toolkit new --council-type … --region …`: the values go into the Guide's two pickers (B11, B12) spelt as the
 * lists spell them, and read back as the council's type and region; a value not on the list is refused with the
 * list, and no file is written.
 */
import { existsSync } from "fs";
import { readFile } from "fs/promises";
import * as path from "path";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { COUNCIL_TYPES, REGIONS } from "../../src/core/plan/council-groups";
import { GUIDE } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { cellAddress } from "../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { tempDir } from "../support/fixtures";
import { runCli } from "./run-cli";

const dir = tempDir("nps-cli-groups-");

test("the council type and region go into the Guide's pickers as the lists spell them", async () => {
  const file = path.join(dir, "anytown.xlsx");
  const run = await runCli(
    "new",
    file,
    "--council",
    "Anytown",
    "--council-type",
    " london  BOROUGH ",
    "--region",
    "south west",
  );
  expect(run).toMatchObject({ code: 0 });
  const snapshot = await readSnapshotFromBuffer(new Uint8Array(await readFile(file)));
  const guide = snapshot.sheets.find((s) => s.name === "Guide")!;
  const cell = (at: { row: number; column: number }) => guide.cells[cellAddress(at.row, at.column)]?.value;
  expect(cell(GUIDE.councilTypeCell)).toBe("London borough");
  expect(cell(GUIDE.regionCell)).toBe("South West");
  const found = readAssessment(snapshot, canonicalToolkit())!;
  expect(found.info).toMatchObject({ council: "Anytown", councilType: "London borough", region: "South West" });
});

test.each([
  ["--council-type", "Parish", COUNCIL_TYPES],
  ["--region", "Scotland", REGIONS],
])("%s %s, not on the list, is refused with the list, and nothing is written", async (option, value, list) => {
  const file = path.join(dir, `refused ${value}.xlsx`);
  const run = await runCli("new", file, option, value);
  expect(run.code).toBe(2);
  expect(run.err).toContain(`${option} must be one of the Guide's choices: ${list.join(", ")} (got "${value}").`);
  expect(existsSync(file)).toBe(false);
});
