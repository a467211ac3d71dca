/// <reference types="office-js" />
/** The fake's own rules: if these fail, the Office tests prove nothing. */
import { FakeExcel, FakeOfficeError } from "./excel-fake";
import { cellKey } from "./excel/state";
import type { FakeWorksheetFreezePanes } from "./excel/workbook";

const rejectsWith = async (promise: Promise<unknown>, code: string) => {
  await expect(promise).rejects.toBeInstanceOf(FakeOfficeError);
  await expect(promise).rejects.toMatchObject({ code });
};

/** Queues `act` on sheet "T" (and the table "Answers") in a fresh context, whose sync must fail with `code`. */
const refusedOnT = (fake: FakeExcel, code: string, act: (sheet: Excel.Worksheet, table: Excel.Table) => void) => {
  const context = fake.newContext();
  act(
    context.workbook.worksheets.getItem("T") as unknown as Excel.Worksheet,
    context.workbook.tables.getItemOrNullObject("Answers") as unknown as Excel.Table,
  );
  return rejectsWith(context.sync(), code);
};

describe("the fake Excel keeps Office's rules", () => {
  test("a property read before load and sync throws PropertyNotLoaded", async () => {
    const fake = new FakeExcel();
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    sheet.load("name");
    expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(sheet.name).toBe("Sheet1");
    expect(() => sheet.visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  test("Workbook.name is the open file's name, read after load and sync, and cannot be set", async () => {
    const fake = new FakeExcel({ fileName: "Anytown 2025.xlsx" });
    const context = fake.newContext();
    expect(() => context.workbook.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    context.workbook.load("name");
    await context.sync();
    expect(context.workbook.name).toBe("Anytown 2025.xlsx");
    expect(new FakeExcel().state.fileName).toBe("Book1");
  });

  test("Excel.createWorkbook opens an .xlsx file given as Base64, outside any batch; anything else is refused", async () => {
    const fake = new FakeExcel();
    // The start of a zip package ("PK\x03\x04"), as every .xlsx file starts.
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await fake.createWorkbook(xlsx.toString("base64"));
    expect(fake.createdWorkbooks.map((bytes) => Buffer.from(bytes))).toEqual([xlsx]);
    expect(fake.syncs).toEqual([]);
    await rejectsWith(fake.createWorkbook("not base64!"), "InvalidArgument");
    await rejectsWith(fake.createWorkbook(Buffer.from("a text file").toString("base64")), "InvalidArgument");
    expect(fake.createdWorkbooks).toHaveLength(1);
    // With no file, a blank workbook.
    await fake.createWorkbook();
    expect(fake.createdWorkbooks).toHaveLength(2);
  });

  test("isNullObject is only known after a sync; calls on a null object do nothing", async () => {
    const fake = new FakeExcel();
    const context = fake.newContext();
    const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    missing.delete();
    await context.sync();
    expect(missing.isNullObject).toBe(true);
  });

  test("writes are queued and applied only at sync, in order; syncs and operations are counted", async () => {
    const fake = new FakeExcel();
    const context = fake.newContext();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["a", 1]];
    context.workbook.worksheets.add("Second");
    expect(fake.cell("Sheet1", "A1")).toBeUndefined();
    expect(fake.hasSheet("Second")).toBe(false);
    await context.sync();
    expect(fake.cell("Sheet1", "A1")).toEqual({ kind: "text", text: "a", quotePrefix: false });
    expect(fake.hasSheet("Second")).toBe(true);
    expect(fake.syncs.map((s) => s.operations)).toEqual([2]);
  });

  test("a failing operation rejects the sync and drops the operations after it", async () => {
    const fake = new FakeExcel();
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [["before"]];
    sheet.getRange("A1:B2").values = [["too small"]];
    sheet.getRange("A3").values = [["after"]];
    await rejectsWith(context.sync(), "InvalidArgument");
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ text: "before" });
    expect(fake.cell("Sheet1", "A3")).toBeUndefined();
  });

  test.each([
    ["=SUM(1,2)", { kind: "formula", formula: "=SUM(1,2)" }],
    ["+Hackney", { kind: "formula", formula: "=+Hackney" }],
    ["-owner", { kind: "formula", formula: "=-owner" }],
    ["@home", { kind: "formula", formula: "=@home" }],
    ["2024", { kind: "number", number: 2024 }],
    ["-5", { kind: "number", number: -5 }],
    ["12/03/2025", { kind: "number", number: 45728 }],
    ["TRUE", { kind: "boolean", boolean: true }],
    ["#N/A", { kind: "error", error: "#N/A" }],
    ["'=SUM(1,2)", { kind: "text", text: "=SUM(1,2)", quotePrefix: true }],
    ["''quoted", { kind: "text", text: "'quoted", quotePrefix: true }],
    ["Plain words", { kind: "text", text: "Plain words", quotePrefix: false }],
  ])("the string %j written to a cell is stored as Excel would store it", async (input, stored) => {
    const fake = new FakeExcel();
    const context = fake.newContext();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[input]];
    await context.sync();
    expect(fake.cell("Sheet1", "A1")).toEqual(stored);
  });

  test("null leaves a cell as it is; an empty string empties it", async () => {
    const fake = new FakeExcel();
    fake.seedCell(fake.sheet("Sheet1"), "A1", "keep");
    fake.seedCell(fake.sheet("Sheet1"), "B1", "clear");
    const context = fake.newContext();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, ""]];
    await context.sync();
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ text: "keep" });
    expect(fake.cell("Sheet1", "B1")).toBeUndefined();
  });

  test.each([
    ["a name longer than 31 characters", "A sheet name that is far too long"],
    ["a forbidden character", "Gaps/Risks"],
    ["a name already used, in another case", "sheet1"],
    ["Excel's reserved name", "History"],
  ])("adding a sheet with %s throws at sync", async (_why, name) => {
    const context = new FakeExcel().newContext();
    context.workbook.worksheets.add(name);
    await expect(context.sync()).rejects.toBeInstanceOf(FakeOfficeError);
  });

  test("protect() on a protected sheet and unprotect() on an unprotected one throw", async () => {
    const fake = new FakeExcel();
    let context = fake.newContext();
    context.workbook.worksheets.getItem("Sheet1").protection.unprotect();
    await rejectsWith(context.sync(), "InvalidOperation");
    context = fake.newContext();
    const protection = context.workbook.worksheets.getItem("Sheet1").protection;
    protection.protect();
    protection.protect();
    await rejectsWith(context.sync(), "InvalidOperation");
    expect(fake.sheet("Sheet1").protection.protected).toBe(true);
  });

  test("a protected sheet refuses formats and locked cells but takes values in unlocked cells", async () => {
    const fake = new FakeExcel();
    let context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("B2").format.protection.locked = false;
    sheet.protection.protect();
    sheet.getRange("B2").values = [["typed"]];
    await context.sync();
    expect(fake.cell("Sheet1", "B2")).toMatchObject({ text: "typed" });
    context = fake.newContext();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
    await rejectsWith(context.sync(), "InvalidOperation");
    context = fake.newContext();
    context.workbook.worksheets.getItem("Sheet1").getRange("B2").format.font.bold = true;
    await rejectsWith(context.sync(), "InvalidOperation");
  });

  test("a table needs unique, non-blank headers and no merged cells", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "ID", B1: "id", A2: 1, B2: 2, D1: "One", E1: "", D2: 1 });
    let context = fake.newContext();
    context.workbook.worksheets.getItem("T").tables.add("A1:B2", true);
    await rejectsWith(context.sync(), "InvalidArgument");
    context = fake.newContext();
    context.workbook.worksheets.getItem("T").tables.add("D1:E2", true);
    await rejectsWith(context.sync(), "InvalidArgument");
  });

  test("merging across merges each row of the range on its own; without it, the range as one", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "a", B1: "b", A2: "c", B2: "d" });
    let context = fake.newContext();
    context.workbook.worksheets.getItem("T").getRange("A1:B2").merge(true);
    await context.sync();
    const rows = (r: { top: number; bottom: number; left: number; right: number }) => [
      r.top,
      r.bottom,
      r.left,
      r.right,
    ];
    expect(fake.sheet("T").merges.map(rows)).toEqual([
      [1, 1, 1, 2],
      [2, 2, 1, 2],
    ]);
    expect(fake.sheet("T").cells.has(cellKey(2, 1))).toBe(true);
    expect(fake.sheet("T").cells.has(cellKey(2, 2))).toBe(false);
    context = fake.newContext();
    context.workbook.worksheets.getItem("T").getRange("D1:E2").merge(false);
    await context.sync();
    expect(fake.sheet("T").merges.map(rows)).toContainEqual([1, 2, 4, 5]);
  });

  test("null in a 2-D array of formulas or number formats leaves that cell as it is", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "kept", B1: "old" });
    const context = fake.newContext();
    const range = context.workbook.worksheets.getItem("T").getRange("A1:B1");
    range.formulas = [[null, "new"]] as unknown as string[][];
    range.numberFormat = [["0.0", null]] as unknown as string[][];
    range.load("values,numberFormat");
    await context.sync();
    expect(range.values).toEqual([["kept", "new"]]);
    expect(range.numberFormat).toEqual([["0.0", "General"]]);
  });

  test("a formula written into an existing table column is filled down the column", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "Name", B1: "Score", A2: "a", A3: "b" });
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("T");
    sheet.tables.add(sheet.getRange("A1:B3"), true);
    sheet.getRange("B2:B3").formulas = [["=1"], ["=2"]];
    await context.sync();
    expect(fake.cell("T", "B3")).toEqual({ kind: "formula", formula: "=1" });
  });

  test("a formula filled down a new calculated column moves its relative rows; a column holding data is not filled", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "Name", B1: "Twice", C1: "Note", A2: 1, A3: 2, A4: 3, C2: "kept", C3: "kept" });
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("T");
    sheet.tables.add(sheet.getRange("A1:C4"), true);
    sheet.getRange("B2").formulas = [["=A2*2&\"A1\"&$A$2&'Sheet 9'!A2"]];
    sheet.getRange("C4").formulas = [["=A4"]];
    await context.sync();
    expect(fake.cell("T", "B4")).toEqual({ kind: "formula", formula: "=A4*2&\"A1\"&$A$2&'Sheet 9'!A4" });
    expect(fake.cell("T", "C2")).toMatchObject({ kind: "text", text: "kept" });
  });

  test("table rows are added at the end and deleted one by one; the table keeps its ID; a deleted one is gone", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "ID", B1: "Level", A2: "a", A3: "b", A4: "c", B4: "x" });
    let context = fake.newContext();
    const table = context.workbook.worksheets.getItem("T").tables.add("A1:B3", true);
    table.name = "Answers";
    await context.sync();
    const state = fake.sheet("T").tables[0];
    context = fake.newContext();
    context.workbook.tables.getItem("Answers").rows.add(undefined, [["d", "e"]]);
    await rejectsWith(context.sync(), "InvalidOperation"); // A4:B4 below the table are not empty
    fake.sheet("T").cells.clear();
    context = fake.newContext();
    const rows = context.workbook.tables.getItem("Answers").rows;
    rows.add(undefined, [
      ["d", "e"],
      ["f", "g"],
    ]);
    rows.getItemAt(0).delete();
    rows.load("count");
    await context.sync();
    expect(rows.count).toBe(3);
    expect(state.rect).toEqual({ top: 1, left: 1, bottom: 4, right: 2 });
    expect(fake.cell("T", "A2")).toBeUndefined(); // the cleared body row moved up
    expect(fake.cell("T", "A3")).toMatchObject({ text: "d" });
    expect(fake.cell("T", "B4")).toMatchObject({ text: "g" });
    context = fake.newContext();
    const doomed = context.workbook.tables.getItem(state.id);
    doomed.delete();
    doomed.style = "TableStyleLight1";
    await rejectsWith(context.sync(), "ItemNotFound");
    expect(fake.sheet("T").tables).toEqual([]);
  });

  test("rows added without values take the calculated columns' formulas; rows with values keep what was given, blanks blank", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "ID", B1: "Double", C1: "Note", A2: 1, A3: 2 });
    let context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("T");
    sheet.tables.add("A1:C3", true).name = "Sums";
    await context.sync();
    context = fake.newContext();
    // Written into the empty column, the formula becomes the calculated column (filled down the body).
    context.workbook.worksheets.getItem("T").getRange("B2").formulas = [["=A2*2"]];
    await context.sync();
    expect(fake.cell("T", "B3")).toEqual({ kind: "formula", formula: "=A3*2" });
    context = fake.newContext();
    context.workbook.tables.getItem("Sums").rows.add();
    await context.sync();
    expect(fake.cell("T", "B4")).toEqual({ kind: "formula", formula: "=A4*2" }); // filled, as Excel fills it
    expect(fake.cell("T", "C4")).toBeUndefined();
    context = fake.newContext();
    context.workbook.tables.getItem("Sums").rows.add(undefined, [
      [5, "", "typed"],
      [6, "=A6*2", "=1+1"],
    ]);
    await context.sync();
    expect(fake.cell("T", "B5")).toBeUndefined(); // a blank given stays blank (#6536)
    expect(fake.cell("T", "B6")).toEqual({ kind: "formula", formula: "=A6*2" });
    expect(fake.cell("T", "C6")).toEqual({ kind: "formula", formula: "=1+1" }); // parsed as typed
    expect(fake.sheet("T").tables[0].rect).toEqual({ top: 1, left: 1, bottom: 6, right: 3 });
    context = fake.newContext();
    context.workbook.tables.getItem("Sums").rows.add(undefined, [[7, ""]]);
    await rejectsWith(context.sync(), "InvalidArgument"); // a row narrower than the table
    expect(fake.sheet("T").tables[0].rect.bottom).toBe(6);
  });

  test("table columns are added at the end with a header and deleted from the end; the table keeps its ID", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "ID", A2: "a", A3: "b", C2: "beside" });
    let context = fake.newContext();
    context.workbook.worksheets.getItem("T").tables.add("A1:A3", true).name = "Answers";
    await context.sync();
    const state = fake.sheet("T").tables[0];
    const columns = () => fake.newContext().workbook.tables.getItem("Answers").columns;
    let added = columns();
    added.add(undefined, [["ID"], ["x"], ["y"]]);
    await rejectsWith(added.context.sync(), "InvalidArgument"); // a repeated header
    added = columns();
    added.add(0, [["Level"], ["x"], ["y"]]);
    await rejectsWith(added.context.sync(), "InvalidArgument"); // only at the end
    added = columns();
    added.add(undefined, [["Level"], ["x"], ["y"]]);
    added.add();
    await rejectsWith(added.context.sync(), "InvalidOperation"); // C2 beside the table is not empty
    expect(state.rect).toEqual({ top: 1, left: 1, bottom: 3, right: 2 }); // the first add went in
    expect(fake.cell("T", "B1")).toMatchObject({ text: "Level" });
    fake.sheet("T").cells.delete(cellKey(2, 3));
    added = columns();
    added.add();
    added.load("items/name");
    await added.context.sync();
    expect(added.items.map((c) => c.name)).toEqual(["ID", "Level", "Column1"]);
    context = fake.newContext();
    context.workbook.tables.getItem("Answers").columns.getItemAt(1).delete();
    await rejectsWith(context.sync(), "InvalidOperation"); // not the last column
    context = fake.newContext();
    context.workbook.tables.getItem("Answers").columns.getItemAt(2).delete();
    context.workbook.tables.getItem("Answers").columns.getItemAt(1).delete();
    await context.sync();
    expect(fake.sheet("T").tables).toEqual([state]);
    expect(state.rect).toEqual({ top: 1, left: 1, bottom: 3, right: 1 });
    expect(fake.cell("T", "B2")).toBeUndefined();
  });

  test("clearing formats over a whole table is refused; its contents may be cleared", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "ID", A2: "a" });
    let context = fake.newContext();
    context.workbook.worksheets.getItem("T").tables.add("A1:A2", true);
    await context.sync();
    context = fake.newContext();
    context.workbook.worksheets.getItem("T").getRange().clear("All");
    await rejectsWith(context.sync(), "InvalidOperation");
    context = fake.newContext();
    context.workbook.worksheets.getItem("T").getRange("A2").clear("All");
    await context.sync();
    expect(fake.sheet("T").tables).toHaveLength(1);
  });

  test("an AutoFilter needs an unprotected sheet and stays off tables", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "ID", A2: "a", C1: "x", C2: "y" });
    let context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("T");
    sheet.tables.add("A1:A2", true);
    sheet.autoFilter.apply(sheet.getRange("C1:C2"));
    await context.sync();
    expect(fake.sheet("T").autoFilter).toEqual({ top: 1, left: 3, bottom: 2, right: 3 });
    context = fake.newContext();
    context.workbook.worksheets.getItem("T").autoFilter.apply("A1:A2");
    await rejectsWith(context.sync(), "InvalidOperation");
    context = fake.newContext();
    context.workbook.worksheets.getItem("T").protection.protect();
    context.workbook.worksheets.getItem("T").autoFilter.apply("C1:C2");
    await rejectsWith(context.sync(), "InvalidOperation");
  });

  test("a block of whole table body rows deleted with the cells shifting up shrinks the table, which keeps its ID and name", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "ID", B1: "Level", A2: "a", A3: "b", A4: "c", A5: "d", B5: "x", D9: "mine" });
    let context = fake.newContext();
    const table = context.workbook.worksheets.getItem("T").tables.add("A1:B5", true);
    table.name = "Answers";
    await context.sync();
    const state = fake.sheet("T").tables[0];
    // Part of the table's columns, or its header, cannot go: Excel refuses to shift part of a table.
    for (const address of ["A3:A4", "A1:B2", "A4:B6"])
      await refusedOnT(fake, "InvalidOperation", (sheet) => sheet.getRange(address).delete("Up"));
    context = fake.newContext();
    context.workbook.worksheets.getItem("T").getRange("A3:B4").delete("Up");
    const rows = context.workbook.tables.getItem("Answers").rows.load("count");
    await context.sync();
    expect(rows.count).toBe(2);
    expect(fake.sheet("T").tables).toEqual([{ ...state, rect: { top: 1, left: 1, bottom: 3, right: 2 } }]);
    expect(fake.cell("T", "A3")).toMatchObject({ text: "d" });
    expect(fake.cell("T", "B3")).toMatchObject({ text: "x" });
    expect(fake.cell("T", "D9")).toMatchObject({ text: "mine" }); // other columns stay where they were
  });

  test("a filter hides rows: a filtered table refuses row deletes, hidden rows refuse writes, clearing shows them", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "ID", B1: "Level", A2: "a", B2: "x", A3: "b", B3: "y", A4: "c", B4: "x" });
    let context = fake.newContext();
    context.workbook.worksheets.getItem("T").tables.add("A1:B4", true).name = "Answers";
    await context.sync();
    fake.filterTable("Answers", { column: 1, values: ["x"] });
    expect(fake.sheet("T").tables[0].filter.hiddenRows).toEqual([3]);
    const refused: [string, (sheet: Excel.Worksheet, table: Excel.Table) => void][] = [
      ["InsertDeleteConflict", (_sheet, table) => table.rows.getItemAt(2).delete()],
      ["InsertDeleteConflict", (sheet) => sheet.getRange("A4:B4").delete("Up")],
      [
        "InvalidOperation",
        (sheet) =>
          void (sheet.getRange("A2:B4").values = [
            ["p", "q"],
            ["r", "s"],
            ["t", "u"],
          ]),
      ],
      ["InvalidOperation", (sheet) => sheet.getRange().clear("Contents")],
    ];
    for (const [code, act] of refused) await refusedOnT(fake, code, act);
    context = fake.newContext();
    const filtered = context.workbook.tables.getItem("Answers").autoFilter.load("isDataFiltered");
    await context.sync();
    expect(filtered.isDataFiltered).toBe(true);
    context = fake.newContext();
    const answers = context.workbook.tables.getItem("Answers");
    answers.clearFilters();
    answers.rows.getItemAt(2).delete();
    const after = answers.autoFilter.load("isDataFiltered");
    await context.sync();
    expect(after.isDataFiltered).toBe(false);
    expect(fake.sheet("T").tables[0].filter).toEqual({ columns: [], hiddenRows: [] });
    expect(fake.sheet("T").tables[0].rect.bottom).toBe(3);
  });

  test("a sheet's AutoFilter with criteria hides rows until it is removed", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("G", { A1: "ID", B1: "Status", A2: "a", B2: "Met", A3: "b", B3: "Below" });
    let context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("G");
    sheet.autoFilter.apply(sheet.getRange("A1:B3"));
    await context.sync();
    fake.filterSheet("G", { column: 1, values: ["Below"] });
    context = fake.newContext();
    context.workbook.worksheets.getItem("G").getRange("A2").values = [["z"]];
    await rejectsWith(context.sync(), "InvalidOperation");
    context = fake.newContext();
    const g = context.workbook.worksheets.getItem("G");
    const filter = g.autoFilter.load("enabled,isDataFiltered");
    await context.sync();
    expect([filter.enabled, filter.isDataFiltered]).toEqual([true, true]);
    context = fake.newContext();
    context.workbook.worksheets.getItem("G").autoFilter.remove();
    context.workbook.worksheets.getItem("G").getRange("A2").values = [["z"]];
    await context.sync();
    expect(fake.sheet("G").autoFilter).toBeNull();
    expect(fake.cell("G", "A2")).toMatchObject({ text: "z" });
  });

  test("renaming a sheet rewrites references to it; deleting it leaves #REF!", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("Summary", { A1: 1 });
    fake.seedSheet("Mine", { A1: { formula: "=Summary!A1*2" }, A2: { formula: "='My sums'!A1" } });
    let context = fake.newContext();
    context.workbook.names.add("Marker", "='Summary'!$A$1");
    context.workbook.worksheets.getItem("Summary").name = "My sums";
    await context.sync();
    expect(fake.cell("Mine", "A1")).toEqual({ kind: "formula", formula: "='My sums'!A1*2" });
    expect(fake.state.names[0].formula).toBe("='My sums'!$A$1");
    context = fake.newContext();
    context.workbook.worksheets.getItem("My sums").delete();
    await context.sync();
    expect(fake.cell("Mine", "A2")).toEqual({ kind: "formula", formula: "=#REF!" });
  });

  test("the active or last visible sheet cannot be hidden; a hidden sheet cannot be activated", async () => {
    const fake = new FakeExcel();
    let context = fake.newContext();
    context.workbook.worksheets.getItem("Sheet1").visibility = "VeryHidden";
    await rejectsWith(context.sync(), "InvalidOperation");
    fake.seedSheet("Hidden", {}, "VeryHidden");
    context = fake.newContext();
    context.workbook.worksheets.getItem("Hidden").activate();
    await rejectsWith(context.sync(), "InvalidOperation");
  });

  test("a range is selected only on the active sheet: activating first, in the same batch, works", async () => {
    const fake = new FakeExcel({ sheets: ["Sheet1", "Other"] });
    let context = fake.newContext();
    context.workbook.worksheets.getItem("Other").getRange("B2").select();
    await rejectsWith(context.sync(), "InvalidOperation");
    expect(fake.selection()).toBeNull();
    context = fake.newContext();
    const other = context.workbook.worksheets.getItem("Other");
    other.activate();
    other.getRange("B2").select();
    await context.sync();
    expect(fake.selection()).toEqual({ sheet: "Other", address: "B2" });
  });

  test("a proxy reached through a null object is a null object: its loads answer nothing, its calls do nothing", async () => {
    const fake = new FakeExcel({ sheets: ["Sheet1", "Doomed"] });
    let context = fake.newContext();
    context.workbook.names.add("Mark", "='Doomed'!$A$1");
    context.workbook.names.add("Kept", "=Sheet1!$B$2");
    await context.sync();
    context = fake.newContext();
    context.workbook.worksheets.getItem("Doomed").delete();
    await context.sync();
    context = fake.newContext();
    const names = context.workbook.names;
    const kept = names.getItemOrNullObject("Kept").getRangeOrNullObject().worksheet.load("name");
    const broken = names.getItemOrNullObject("Mark").getRangeOrNullObject();
    const missing = names.getItemOrNullObject("Nothing").getRangeOrNullObject().worksheet;
    const used = missing.getUsedRangeOrNullObject(true).load("values");
    const lock = broken.worksheet.getRange("A1").format.protection.load("locked");
    missing.getRange("A1").values = [["never"]];
    await context.sync();
    expect(kept.name).toBe("Sheet1");
    expect([broken.isNullObject, missing.isNullObject, used.isNullObject, lock.isNullObject]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(fake.cell("Sheet1", "A1")).toBeUndefined();
  });

  test("data validation keeps Excel's limits on inline lists and messages", async () => {
    const context = new FakeExcel().newContext();
    const validation = context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation;
    validation.rule = { list: { inCellDropDown: true, source: "x,".repeat(200) } };
    await rejectsWith(context.sync(), "InvalidArgument");
  });

  test("a request over the payload limit fails", async () => {
    const fake = new FakeExcel({ payloadLimitBytes: 1000 });
    const context = fake.newContext();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x".repeat(2000)]];
    await rejectsWith(context.sync(), "RequestPayloadSizeLimitExceeded");
  });

  test("run() sends what is still queued in one more counted sync, like Excel.run", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["late"]];
    });
    expect(fake.syncs).toHaveLength(1);
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ text: "late" });
  });
  test("setColumnProperties sets each column's width from its own entry, one entry per column, not on a protected sheet", async () => {
    const fake = new FakeExcel();
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("B:D").setColumnProperties([{ format: { columnWidth: 30 } }, {}, { format: { columnWidth: 90 } }]);
    await context.sync();
    expect([...fake.sheet("Sheet1").columnWidths]).toEqual([
      [2, 30],
      [4, 90],
    ]);
    sheet.getRange("B:D").setColumnProperties([{ format: { columnWidth: 30 } }]);
    await rejectsWith(context.sync(), "InvalidArgument");
    sheet.protection.protect();
    sheet.getRange("A:A").setColumnProperties([{ format: { columnWidth: 40 } }]);
    await rejectsWith(context.sync(), "InvalidOperation");
  });
  test("setCellProperties gives each cell its own entry's formats, one entry per cell, not on a protected sheet", async () => {
    const fake = new FakeExcel();
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const thin = { style: "Continuous", weight: "Thin" } as const;
    sheet
      .getRange("A1:B1")
      .setCellProperties([
        [
          { format: { font: { bold: true, color: "#1f4e79" }, fill: { color: "#D9E1F2" }, borders: { top: thin } } },
          {},
        ],
      ]);
    await context.sync();
    const formats = fake.sheet("Sheet1").formats;
    expect(formats.get(cellKey(1, 1))).toMatchObject({ bold: true, fontColor: "#1F4E79", fill: "#D9E1F2" });
    expect(formats.get(cellKey(1, 1))?.borders).toEqual({
      top: { style: "Continuous", weight: "Thin", color: "#000000" },
    });
    expect(formats.get(cellKey(1, 2))).toBeUndefined();
    sheet.getRange("A1:B1").setCellProperties([[{}]]);
    await rejectsWith(context.sync(), "InvalidArgument");
    sheet.getRange("A1").setCellProperties([[{ format: { horizontalAlignment: "Sideways" as "Left" } }]]);
    await rejectsWith(context.sync(), "InvalidArgument");
    sheet.protection.protect();
    sheet.getRange("A1").setCellProperties([[{ format: { wrapText: true } }]]);
    await rejectsWith(context.sync(), "InvalidOperation");
  });

  test("a number format given as one value applies to every cell of the range; an array must match its size", async () => {
    const fake = new FakeExcel();
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B2").numberFormat = "0.0" as unknown as string[][];
    await context.sync();
    for (const [row, column] of [
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ])
      expect(fake.sheet("Sheet1").formats.get(cellKey(row, column))?.numberFormat).toBe("0.0");
    sheet.getRange("A1:B2").numberFormat = [["0"]];
    await rejectsWith(context.sync(), "InvalidArgument");
  });

  test("getRanges clears each of its ranges as Range.clear does, under the same rules", async () => {
    const fake = new FakeExcel();
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:C3").values = [
      ["a", "b", "c"],
      ["d", "e", "f"],
      ["g", "h", "i"],
    ];
    await context.sync();
    sheet.getRanges("A1:A3, C1").clear("All");
    await context.sync();
    expect(fake.cell("Sheet1", "A2")).toBeUndefined();
    expect(fake.cell("Sheet1", "C1")).toBeUndefined();
    expect(fake.cell("Sheet1", "B1")).toMatchObject({ text: "b" });
    expect(fake.cell("Sheet1", "C2")).toMatchObject({ text: "f" });
    sheet.protection.protect();
    sheet.getRanges("B1, B2").clear("All");
    await rejectsWith(context.sync(), "InvalidOperation");
  });

  test("the frozen panes read back as a range at A1 (whole rows or whole columns when one way), a null object when none, refused on a hidden sheet", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("Other", { A1: "x" });
    const locationAfter = async (freeze: (panes: FakeWorksheetFreezePanes) => void) => {
      const context = fake.newContext();
      freeze(context.workbook.worksheets.getItem("Sheet1").freezePanes);
      const location = context.workbook.worksheets.getItem("Sheet1").freezePanes.getLocationOrNullObject();
      location.load("address");
      await context.sync();
      return location.isNullObject ? null : location.address;
    };
    expect(await locationAfter(() => undefined)).toBeNull();
    expect(await locationAfter((panes) => panes.freezeRows(2))).toBe("Sheet1!A1:XFD2");
    expect(await locationAfter((panes) => panes.freezeColumns(1))).toBe("Sheet1!A1:A1048576");
    expect(await locationAfter((panes) => panes.freezeAt("A1:B3"))).toBe("Sheet1!A1:B3");
    expect(await locationAfter((panes) => panes.unfreeze())).toBeNull();
    const context = fake.newContext();
    context.workbook.worksheets.getItem("Other").visibility = "Hidden";
    await context.sync();
    const hidden = fake.newContext();
    hidden.workbook.worksheets.getItem("Other").freezePanes.getLocationOrNullObject().load("address");
    await rejectsWith(hidden.sync(), "InvalidOperation");
  });

  test("a whole sheet's data validation type is None without rules, MixedCriteria with some; its rows' standard height true until one is sized", async () => {
    const fake = new FakeExcel();
    const read = async () => {
      const context = fake.newContext();
      const whole = context.workbook.worksheets.getItem("Sheet1").getRange();
      whole.load("dataValidation/type,format/useStandardHeight,conditionalFormats/items/type");
      await context.sync();
      return {
        type: whole.dataValidation.type,
        standard: whole.format.useStandardHeight,
        formats: whole.conditionalFormats.items.map((cf) => cf.type),
      };
    };
    expect(await read()).toEqual({ type: "None", standard: true, formats: [] });
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("C3").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
    sheet.getRange("5:5").format.rowHeight = 30;
    sheet.getRange("D4").conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
    await context.sync();
    expect(await read()).toEqual({ type: "MixedCriteria", standard: false, formats: ["Custom"] });
    const ranges = fake.newContext();
    const both = ranges.workbook.worksheets.getItem("Sheet1").getRange("C3").dataValidation;
    const none = ranges.workbook.worksheets.getItem("Sheet1").getRange("E3:F4").dataValidation;
    both.load("type");
    none.load("type");
    await ranges.sync();
    expect([both.type, none.type]).toEqual(["List", "None"]);
  });

  test("rows are not added to a table whose filter hides rows, until its filters are cleared", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("T", { A1: "ID", B1: "Name", A2: "a", B2: "b" });
    const made = fake.newContext();
    made.workbook.worksheets.getItem("T").tables.add("A1:B2", true).name = "Answers";
    await made.sync();
    fake.filterTable("Answers", { column: 0, values: ["no such value"] });
    await refusedOnT(fake, "InvalidOperation", (_, table) => void table.rows.add(undefined, [["c", "d"]]));
    const context = fake.newContext();
    const table = context.workbook.tables.getItem("Answers");
    table.clearFilters();
    table.rows.add(undefined, [["c", "d"]]);
    await context.sync();
    expect(fake.cell("T", "A3")).toMatchObject({ text: "c" });
  });
});
