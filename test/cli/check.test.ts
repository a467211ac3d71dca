import { copyFile, writeFile } from "fs/promises";
import * as path from "path";
import { KEY_AREA } from "../../src/core/plan/layout";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { generatedAndResaved, planWith, TODAY } from "../core/check/fixtures";
import { tempDir } from "../support/fixtures";
import { runCli } from "./run-cli";

describe("nps-toolkit check", () => {
  test("exits 0 on a generated and on a LibreOffice-saved workbook", async () => {
    const { generated, resaved } = await generatedAndResaved();
    const result = await runCli("check", generated, resaved, "--today", TODAY);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain(`${generated}: 0 errors, 0 warnings`);
    expect(result.out).toContain(`${resaved}: 0 errors, 0 warnings`);
  });

  test("exits 1 on a tampered workbook and names the tampered cells, expected and found", async () => {
    const plan = planWith();
    const area = plan.sheets[1];
    const grid = area.blocks.find((b) => b.at === "A7")!;
    grid.cells[2][3] = "A descriptor we rewrote"; // D9
    grid.cells[3][KEY_AREA.columns.current - 1] = "Good"; // the second behaviour's current level
    const file = path.join(tempDir(), "tampered.xlsx");
    await writeFile(file, await writePlanToBuffer(plan));
    const result = await runCli("check", file, "--today", TODAY);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${file}: 2 errors, 0 warnings`);
    expect(result.out).toMatch(new RegExp(`error +${area.name} +D9 +content\\.descriptor-edited`));
    expect(result.out).toMatch(new RegExp(`error +${area.name} +${KEY_AREA.letters.current}10 +answer\\.not-a-level`));
    expect(result.out).toContain("found:    A descriptor we rewrote");
    // Repair writes the toolkit's text back but cannot guess a level: only the first is marked as repair's to fix.
    expect(result.out).toMatch(/found: +A descriptor we rewrote *\n +nps-toolkit repair fixes this\n/);
    expect(result.out.match(/nps-toolkit repair fixes this/g)).toHaveLength(1);
  });

  test("--json gives every finding with its rule, sheet, cell, severity, expected and found", async () => {
    const plan = planWith();
    plan.sheets[1].blocks.find((b) => b.at === "A7")!.cells[3][KEY_AREA.columns.current - 1] = "Good";
    const file = path.join(tempDir(), "tampered.xlsx");
    await writeFile(file, await writePlanToBuffer(plan));
    const result = await runCli("check", file, "--json", "--today", TODAY);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.files[0]).toMatchObject({ file, readable: true, toolkit: { id: "nps-2018", version: "1.0.0" } });
    expect(report.files[0].counts.error).toBe(1);
    expect(report.files[0].findings).toContainEqual({
      rule: "answer.not-a-level",
      severity: "error",
      sheet: { role: "keyArea", key: plan.sheets[1].key, name: plan.sheets[1].name },
      cell: `${KEY_AREA.letters.current}10`,
      keyArea: { id: "SL-ECSM", name: "Engaging Councillors and Senior Managers" },
      // Row 10 holds the key area's second behaviour.
      behaviour: { id: "SL-ECSM-02", name: "Mission and Strategy" },
      message: expect.stringMatching(/not one of the five levels/),
      expected: "Minimum, Developing, Mature, Leader, Innovator",
      found: "Good",
      repairable: false,
    });
  });

  test("exits 2 when a file cannot be read, and still checks the others", async () => {
    const { generated } = await generatedAndResaved();
    const dir = tempDir();
    const notAWorkbook = path.join(dir, "notes.xlsx");
    await writeFile(notAWorkbook, "just some text");
    const copy = path.join(dir, "copy.xlsx");
    await copyFile(generated, copy);
    const result = await runCli("check", notAWorkbook, path.join(dir, "missing.xlsx"), copy, "--today", TODAY);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${notAWorkbook}: not checked. This file is not an Excel workbook (.xlsx)`);
    expect(result.err).toContain("missing.xlsx could not be read: there is no such file.");
    expect(result.out).toContain(`${copy}: 0 errors, 0 warnings`);
  });

  test("asks for a file, and for a real --today date", async () => {
    expect(await runCli("check")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Say which workbooks to check/),
    });
    expect(await runCli("check", "x.xlsx", "--today", "2026-02-30")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--today must be a real date/),
    });
  });
});
