/**
 * nps-toolkit consolidate --actions-csv: Group Actions as CSV beside the group workbook, written with it all or
 * none, and anonymised with the group.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import type { ActionAnswer } from "../../src/core/plan/answer-types";
import { GROUP_ACTIONS } from "../../src/core/plan/layout";
import { answersOf, returnPlan, TODAY, writeReturn } from "../core/consolidate/fixtures";
import { tempDir } from "../support/fixtures";
import { runCli } from "./run-cli";

const withActions = (council: string, actions: ActionAnswer[]) =>
  returnPlan({ ...answersOf(council, "2026-03-01", { "SL-ECSM-01": "Developing" }), actions });

async function twoReturns(): Promise<{ dir: string; files: string[] }> {
  const dir = tempDir("nps-consolidate-actions-");
  const files = [
    await writeReturn(
      dir,
      "anytown.xlsx",
      withActions("Anytown Council", [
        { behaviourId: "SL-ECSM-01", action: "=1+1", owner: "Sam Lead", dueDate: "2027-03-31", status: "Done" },
      ]),
    ),
    await writeReturn(
      dir,
      "otherton.xlsx",
      withActions("Otherton Council", [{ behaviourId: "SL-WWP-01", action: "Train buyers", note: "Half done" }]),
    ),
  ];
  return { dir, files };
}

const csvLines = (file: string) =>
  readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

test("--actions-csv writes one line per action of every return, beside the workbook", async () => {
  const { dir, files } = await twoReturns();
  const actions = path.join(dir, "actions.csv");
  const result = await runCli("consolidate", ...files, "-o", path.join(dir, "group.xlsx"), "--actions-csv", actions);
  expect(result).toMatchObject({ code: 0, out: expect.stringContaining(`group.xlsx and ${actions}`) });
  expect(csvLines(actions)).toEqual([
    GROUP_ACTIONS.headers.join(","),
    expect.stringMatching(/^1,Anytown Council,,SL-ECSM-01,.*,"'=1\+1",Sam Lead,2027-03-31,Done,$/),
    expect.stringMatching(/^2,Otherton Council,,SL-WWP-01,.*,Train buyers,,,,Half done$/),
  ]);
}, 60_000);

test("with --anonymise the actions CSV keeps return numbers, behaviours, dates and statuses only", async () => {
  const { dir, files } = await twoReturns();
  const actions = path.join(dir, "actions.csv");
  const args = ["-o", path.join(dir, "shared.xlsx"), "--anonymise", "--key", path.join(dir, "key.csv")];
  const result = await runCli("consolidate", ...files, ...args, "--actions-csv", actions, "--today", TODAY);
  expect(result.code).toBe(0);
  const text = readFileSync(actions, "utf8");
  for (const withheld of ["Anytown", "Otherton", "Sam Lead", "=1+1", "Train buyers", "Half done"])
    expect(text).not.toContain(withheld);
  expect(csvLines(actions).slice(1)).toEqual([
    expect.stringMatching(/^1,,,SL-ECSM-01,.*,,,2027-03-31,Done,$/),
    expect.stringMatching(/^2,,,SL-WWP-01,.*,,,,,$/),
  ]);
}, 60_000);

test("all or none: an actions CSV that exists stops every output; one not named .csv is wrong usage", async () => {
  const { dir, files } = await twoReturns();
  const actions = path.join(dir, "actions.csv");
  writeFileSync(actions, "mine");
  const group = path.join(dir, "group.xlsx");
  const refused = await runCli("consolidate", ...files, "-o", group, "--actions-csv", actions);
  expect(refused).toMatchObject({ code: 2, err: expect.stringMatching(/already exists\. Use --force/) });
  expect(existsSync(group)).toBe(false);
  expect(readFileSync(actions, "utf8")).toBe("mine");
  const wrongName = await runCli("consolidate", ...files, "-o", group, "--actions-csv", path.join(dir, "a.txt"));
  expect(wrongName).toMatchObject({ code: 2, err: expect.stringMatching(/must end in \.csv/) });
  const same = await runCli(
    "consolidate",
    ...files,
    "-o",
    group,
    "--csv",
    actions,
    "--actions-csv",
    actions,
    "--force",
  );
  expect(same).toMatchObject({ code: 2, err: expect.stringMatching(/different file for each output/) });
}, 60_000);
