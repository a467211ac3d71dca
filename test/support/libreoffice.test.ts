import { execFileSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { tempDir, writeWorkbook } from "./fixtures";
import { findErrorValues, readComputed, recalculate, recalculateAll } from "./libreoffice";
import * as processes from "./process";

/** Formula cells whose cached results are deliberately wrong: only a real recalculation fixes them. */
const staleWorkbook = () =>
  writeWorkbook((wb) => {
    const ws = wb.addWorksheet("Scores");
    ws.addRow([2, 3, 4]);
    ws.getCell("A2").value = { formula: "A1*B1", result: 999 };
    ws.getCell("B2").value = { formula: "SUM(A1:C1)", result: -1 };
    ws.getCell("C2").value = { formula: 'IF(A2=6,"right","stale")', result: "stale" };
    // A computed 0 must read back as 0 (ExcelJS's cell.value drops a cached 0; readComputed must not).
    ws.getCell("D2").value = { formula: "A1-A1", result: 5 };
    wb.addWorksheet("Other").getCell("A1").value = { formula: "Scores!A2+1", result: 0 };
  });

describe("recalculate", () => {
  it("replaces deliberately wrong cached results with computed ones", async () => {
    const input = await staleWorkbook();
    expect((await readComputed(input)).Scores).toMatchObject({ A2: 999, B2: -1, C2: "stale" });

    const output = await recalculate(input);

    expect(path.dirname(output)).not.toBe(path.dirname(input));
    const computed = await readComputed(output);
    expect(computed.Scores).toEqual({ A1: 2, B1: 3, C1: 4, A2: 6, B2: 9, C2: "right", D2: 0 });
    expect(computed.Other).toEqual({ A1: 7 });
  });

  it("runs conversions in parallel without their profiles colliding", async () => {
    const inputs = await Promise.all([staleWorkbook(), staleWorkbook()]);
    const outputs = await Promise.all(inputs.map((input) => recalculate(input, { fresh: true })));
    for (const output of outputs) expect((await readComputed(output)).Scores.A2).toBe(6);
  });

  it("hands back this run's earlier result for the same workbook written again, byte for byte", async () => {
    const first = await recalculate(await staleWorkbook());
    const again = await recalculate(await staleWorkbook());
    // LibreOffice stamps each file it saves with the time: a second conversion would not be the same bytes.
    expect(readFileSync(again).equals(readFileSync(first))).toBe(true);
    expect((await readComputed(again)).Scores.A2).toBe(6);
  });

  it("fails with LibreOffice's output when no workbook comes back", async () => {
    const notAWorkbook = path.join(tempDir(), "garbage.xlsx");
    writeFileSync(notAWorkbook, "this is not a zip file");
    await expect(recalculate(notAWorkbook)).rejects.toThrow(/LibreOffice produced no .*garbage\.xlsx[\s\S]*stderr/);
  });

  it("kills the whole LibreOffice process tree when the timeout passes", async () => {
    const failure = recalculate(await staleWorkbook(), { timeoutMs: 300, fresh: true });
    await expect(failure).rejects.toThrow(/timed out after 300 ms \(process group (\d+) killed\)/);
    const group = /process group (\d+)/.exec(String(await failure.catch((e: Error) => e.message)))![1];
    expect(await liveProcessesInGroup(group)).toEqual([]);
  });
});

describe("recalculateAll", () => {
  /** A workbook whose one formula computes `value`, its cached result wrong, in a folder of its own. */
  const scoreWorkbook = (value: number, name: string) =>
    writeWorkbook((wb) => {
      const ws = wb.addWorksheet("Scores");
      ws.getCell("A1").value = value;
      ws.getCell("B1").value = { formula: "A1*2", result: -1 };
    }, name);
  const doubled = async (output: string) => (await readComputed(output)).Scores.B1;
  /** The LibreOffice runs `action` starts, with the workbooks each was given. */
  async function libreOfficeRuns(action: () => Promise<unknown>): Promise<string[][]> {
    const spy = jest.spyOn(processes, "runBounded");
    try {
      await action();
      return spy.mock.calls.filter(([command]) => command === "soffice").map(([, args]) => args.filter(isWorkbook));
    } finally {
      spy.mockRestore();
    }
  }
  const isWorkbook = (arg: string) => arg.endsWith(".xlsx");

  it("recalculates several workbooks in one LibreOffice run, each as it would be alone, in the order given", async () => {
    const inputs = [await scoreWorkbook(3, "three.xlsx"), await scoreWorkbook(4, "four.xlsx")];
    let outputs: string[] = [];
    const runs = await libreOfficeRuns(async () => (outputs = await recalculateAll(inputs, { fresh: true })));
    expect(runs).toEqual([inputs]);
    expect(outputs.map((output) => path.basename(output))).toEqual(["three.xlsx", "four.xlsx"]);
    expect(await Promise.all(outputs.map(doubled))).toEqual([6, 8]);
  });

  it("converts only the workbooks this run has not converted already", async () => {
    const [before, after] = [await scoreWorkbook(5, "earlier.xlsx"), await scoreWorkbook(6, "later.xlsx")];
    await recalculate(before);
    let outputs: string[] = [];
    const runs = await libreOfficeRuns(async () => (outputs = await recalculateAll([before, after])));
    expect(runs).toEqual([[after]]);
    expect(await Promise.all(outputs.map(doubled))).toEqual([10, 12]);
  });

  it("fails naming the workbook LibreOffice could not convert", async () => {
    const good = await scoreWorkbook(7, "good.xlsx");
    const notAWorkbook = path.join(tempDir(), "garbage.xlsx");
    writeFileSync(notAWorkbook, "this is not a zip file");
    const failure = recalculateAll([good, notAWorkbook], { fresh: true });
    await expect(failure).rejects.toThrow(/LibreOffice produced no \S*garbage\.xlsx \(exit/);
  });

  it("refuses two workbooks of one name, whose copies would be one file", async () => {
    const inputs = [await scoreWorkbook(1, "same.xlsx"), await scoreWorkbook(2, "same.xlsx")];
    await expect(recalculateAll(inputs)).rejects.toThrow(/two inputs have one name/);
  });
});

/** Processes of the group that are still alive, allowing the kernel a moment to finish killing them. */
async function liveProcessesInGroup(group: string): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    const table = execFileSync("ps", ["-eo", "pgid=,pid=,stat=,comm="], { encoding: "utf8" });
    const live = table.split("\n").filter((line) => {
      const [pgid, , stat] = line.trim().split(/\s+/);
      return pgid === group && !stat.startsWith("Z");
    });
    if (live.length === 0 || attempt === 20) return live;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("findErrorValues", () => {
  it("finds the errors LibreOffice computes, and only those", async () => {
    const input = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet("Gaps");
      ws.getCell("A1").value = 0;
      // Cached results say all is well; LibreOffice must compute the errors itself.
      ws.getCell("B1").value = { formula: "1/A1", result: 1 };
      ws.getCell("B2").value = { formula: 'VLOOKUP("Nope",A1:A1,1,FALSE)', result: 1 };
      ws.getCell("B3").value = { formula: "NOSUCHFUNCTION(1)", result: 1 };
      ws.getCell("B4").value = { formula: "A1+1", result: 1 };
    });
    expect(findErrorValues(await readComputed(input))).toEqual([]);

    const computed = await readComputed(await recalculate(input));

    expect(findErrorValues(computed)).toEqual([
      { sheet: "Gaps", cell: "B1", value: "#DIV/0!" },
      { sheet: "Gaps", cell: "B2", value: "#N/A" },
      { sheet: "Gaps", cell: "B3", value: "#NAME?" },
    ]);
  });

  it("recognises every Excel error and LibreOffice's Err: codes", () => {
    const values = ["#REF!", "#NAME?", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:502"];
    const sheet = Object.fromEntries(values.map((v, i) => [`A${i + 1}`, v]));
    const computed = { S: { ...sheet, B1: "fine", B2: 3, B3: null, B4: "#REF" } };
    expect(findErrorValues(computed).map((e) => e.value)).toEqual(values);
  });
});
