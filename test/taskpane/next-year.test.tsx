/** @jest-environment jsdom */
/**
 * "Start next year's assessment" in Excel, end to end over the in-memory Excel: the real host reads the open
 * workbook's assessment, the real maker builds next year's .xlsx in the page, and the bytes handed to
 * Excel.createWorkbook (or, where Excel cannot open them, to the download) are read back with the .xlsx reader.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { setImmediate as nodeSetImmediate } from "timers";
import { TextDecoder, TextEncoder } from "util";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import type { Answers } from "../../src/core/plan/answer-types";
import { KEY_AREA, keyAreaSheetKey } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { cellAddress } from "../../src/core/util/a1";
import type { MadeNextYear, PaneFeatures } from "../../src/taskpane/features";
import { nextYearMaker } from "../../src/taskpane/next-year-maker";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { FakeExcel, FakeOfficeError } from "../fakes/excel-fake";
import { hostFor, writePlanWithAnswers } from "../office/fixtures";

const toolkit = canonicalToolkit();
const area = toolkit.themes[0].keyAreas[0];
const [first, second] = area.behaviours;
/** The pane's today: next year's date starts as 31/03/2026. */
const today = new Date(2026, 2, 31, 9, 0, 0);
import { structuredCloneHere, unusedFeatures } from "./pane-fixtures";

const lastYear: Answers = {
  council: "Anytown Borough Council",
  assessmentDate: "2025-03-01",
  respondent: "Sam Jones",
  behaviours: {
    [first.id]: { current: "Developing", target: "Mature", evidence: "Board minutes, May 2024" },
    [second.id]: { current: "Leader", target: "Leader" },
  },
};

// The Excel fake schedules its syncs with Node's setImmediate, the core's SHA-256 and the .xlsx reader use
// TextEncoder and TextDecoder, and the fixtures copy a workbook written before with structuredClone (every browser the
// pane runs in has them): jest's jsdom environment leaves them out.
beforeAll(() =>
  Object.assign(globalThis, {
    setImmediate: nodeSetImmediate,
    TextEncoder,
    TextDecoder,
    structuredClone: structuredCloneHere,
  }),
);
afterAll(() => {
  for (const name of ["setImmediate", "TextEncoder", "TextDecoder", "structuredClone"])
    delete (globalThis as Record<string, unknown>)[name];
});

/** Last year's return open in Excel, as "Anytown 2025.xlsx". */
async function lastYearOpen(): Promise<FakeExcel> {
  const fake = new FakeExcel({ fileName: "Anytown 2025.xlsx" });
  await writePlanWithAnswers(fake, toolkit, lastYear, { council: lastYear.council, assessmentDate: "2025-03-01" });
  return fake;
}

/** The pane over `fake`, on its Assessment tab once the workbook's assessment is read; downloads are kept. */
async function paneOver(host: ReturnType<typeof hostFor>) {
  const downloads: MadeNextYear[] = [];
  const features: PaneFeatures = {
    ...unusedFeatures,
    nextYear: { ...nextYearMaker, download: async (made) => void downloads.push(made) },
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} features={features} now={today} />
    </FluentProvider>,
  );
  // The fake reads the workbook in earnest: give it more than findBy's one second on a busy machine.
  const unfold = await screen.findByRole("button", { name: "Start next year's assessment…" }, { timeout: 20_000 });
  // Folded until asked for; unfolded, its first field has focus.
  expect(screen.queryByRole("checkbox", { name: "Draft actions from the gaps" })).toBeNull();
  fireEvent.click(unfold);
  const date = await screen.findByRole("textbox", { name: /date of the new assessment/i });
  await waitFor(() => expect(document.activeElement).toBe(date));
  const button = screen.getByRole("button", { name: "Start next year's assessment" });
  return { button, downloads };
}

/** Next year's workbook as the .xlsx reader reads it, with its answers as the core reads them. */
async function readNextYear(bytes: Uint8Array) {
  const snapshot = await readSnapshotFromBuffer(bytes);
  const found = readAssessment(snapshot, toolkit);
  if (!found) throw new Error("next year's workbook holds no assessment");
  const sheet = snapshot.sheets.find((s) => s.name === found.roles[keyAreaSheetKey(area.id)]);
  const cell = (column: number) => sheet?.cells[cellAddress(KEY_AREA.firstBehaviourRow, column)]?.value;
  return { found, cell };
}

const saidAtTheTop = async (title: string) => {
  expect(await screen.findByText(title, {}, { timeout: 30_000 })).toBeTruthy();
  await waitFor(() => expect(document.activeElement?.id).toBe("action-message"), { timeout: 10_000 });
};

test("opens next year's workbook in Excel: last year's levels in the Previous columns, the council carried, the levels picked again when asked; this workbook unchanged", async () => {
  const fake = await lastYearOpen();
  const { button } = await paneOver(hostFor(fake));
  const before = fake.snapshotState();
  expect((screen.getByRole("textbox", { name: /date of the new assessment/i }) as HTMLInputElement).value).toBe(
    "31/03/2026",
  );
  fireEvent.click(
    screen.getByRole("checkbox", { name: "Fill this year's levels with last year's as a starting point" }),
  );
  fireEvent.click(button);
  await saidAtTheTop("Next year's assessment opened in a new workbook.");
  expect(
    screen.getByText(/^Started from Anytown 2025\.xlsx: 2 behaviours' answers shown in the Previous columns/),
  ).toBeTruthy();

  expect(fake.createdWorkbooks).toHaveLength(1);
  const { found, cell } = await readNextYear(fake.createdWorkbooks[0]);
  expect(found.answers.council).toBe("Anytown Borough Council");
  expect(found.answers.respondent).toBe("Sam Jones");
  expect(found.info.assessmentDate).toBe("2026-03-31");
  expect(found.answers.previous?.source).toMatchObject({ file: "Anytown 2025.xlsx", assessmentDate: "2025-03-01" });
  expect(found.answers.previous?.behaviours[first.id]).toEqual({
    current: "Developing",
    target: "Mature",
    evidence: "Board minutes, May 2024",
  });
  expect(found.answers.previous?.behaviours[second.id]).toEqual({ current: "Leader", target: "Leader" });
  // In the key area's Previous columns, where the workbook shows them.
  expect(cell(KEY_AREA.columns.previousCurrent)).toBe("Developing");
  expect(cell(KEY_AREA.columns.previousTarget)).toBe("Mature");
  // Carried as a starting point; this year's evidence starts blank.
  expect(found.answers.behaviours[first.id]).toMatchObject({ current: "Developing", target: "Mature" });
  expect(found.answers.behaviours[first.id].evidence).toBeUndefined();
  // Last year's workbook is read, never written.
  expect(fake.snapshotState()).toEqual(before);
}, 120_000);

test("where Excel cannot open it, next year's workbook is downloaded and the pane says why; actions drafted from the gaps when asked", async () => {
  const fake = await lastYearOpen();
  const host = hostFor(fake);
  const refusing = new (host.constructor as typeof import("../../src/office/excel-host").ExcelWorkbookHost)({
    run: fake.run,
    isSetSupported: () => true,
    toolkit,
    now: () => today,
    createWorkbook: () =>
      Promise.reject(
        new FakeOfficeError("GeneralException", "This operation is not allowed due to the extension hardening policy."),
      ),
  });
  const { button, downloads } = await paneOver(refusing);
  fireEvent.click(
    screen.getByRole("checkbox", { name: "Fill this year's levels with last year's as a starting point" }),
  );
  fireEvent.click(screen.getByRole("checkbox", { name: "Draft actions from the gaps" }));
  fireEvent.click(button);
  await saidAtTheTop("Next year's assessment downloaded.");
  expect(
    screen.getByText(/Excel could not open it as a new workbook, so it was downloaded instead\. .*extension hardening/),
  ).toBeTruthy();
  expect(downloads.map((made) => made.fileName)).toEqual([
    "NPS assessment - Anytown Borough Council - 2026-03-31.xlsx",
  ]);
  expect(
    screen.getByText(/Open “NPS assessment - Anytown Borough Council - 2026-03-31\.xlsx” from your downloads folder/),
  ).toBeTruthy();
  const { found } = await readNextYear(downloads[0].bytes);
  expect(found.answers.previous?.behaviours[first.id]).toMatchObject({ current: "Developing", target: "Mature" });
  // Levels picked again, so the one behaviour below its target gets the one drafted action.
  expect(screen.getByText(/^Drafted 1 action on the Actions sheet/)).toBeTruthy();
  expect(found.answers.actions?.map((action) => action.behaviourId)).toEqual([first.id]);
  expect(fake.createdWorkbooks).toEqual([]);
}, 120_000);

test("last year's return dated after the new assessment is refused in the command line's words, dates as the pane shows them; a bad date is the field's error", async () => {
  const fake = await lastYearOpen();
  const { button } = await paneOver(hostFor(fake));
  const date = screen.getByRole("textbox", { name: /date of the new assessment/i });
  fireEvent.change(date, { target: { value: "31/02/2026" } });
  fireEvent.click(button);
  expect(await screen.findByText(/^Enter a real date/)).toBeTruthy();
  await waitFor(() => expect(document.activeElement).toBe(date));
  fireEvent.change(date, { target: { value: "01/01/2025" } });
  fireEvent.click(button);
  expect(
    await screen.findByText(
      "Anytown 2025.xlsx is dated 01/03/2025, after this assessment's date (01/01/2025): it cannot be the previous return.",
      {},
      { timeout: 30_000 },
    ),
  ).toBeTruthy();
  expect(screen.getByText(/next year's assessment date must be on or after last year's/)).toBeTruthy();
  await waitFor(() => expect(document.activeElement?.id).toBe("action-message"));
  expect(fake.createdWorkbooks).toEqual([]);
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}, 120_000);
