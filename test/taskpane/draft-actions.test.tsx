/** @jest-environment jsdom */
/**
 * The pane's Draft actions from the gaps, with the real Excel host over the in-memory Excel: the button on the
 * Assessment tab writes the rows (into the table's blank rows first), the message at the top says how many (focus moves to it) and links to the sheet;
 * pressed again it adds nothing and says every gap has its action; an older workbook is told to upgrade first.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Answers } from "../../src/core/plan/answer-types";
import { ACTIONS_TABLE_NAME } from "../../src/core/plan/actions-sheet";
import { ACTIONS, SHEET_NAMES } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { cellAddress } from "../../src/core/util/a1";
import { cycleWords } from "../../src/core/words/cycle";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { FakeExcel } from "../fakes/excel-fake";
import { unusedFeatures, withFakeExcelGlobals } from "./pane-fixtures";
import { DETAILS, hostFor, nextVersion, NOW, writePlanWithAnswers } from "../office/fixtures";

const toolkit = canonicalToolkit();
const [a, b, c] = toolkit.themes[0].keyAreas[0].behaviours;
const answers: Answers = {
  ...DETAILS,
  behaviours: {
    [a.id]: { current: "Developing", target: "Leader" },
    [b.id]: { current: "Minimum", target: "Mature" },
    [c.id]: { current: "Minimum", target: "Developing" },
  },
  actions: [{ behaviourId: b.id, action: "Ours" }],
};
const words = cycleWords.draftedInPlace;

withFakeExcelGlobals();

async function paneOver(fake: FakeExcel, hostToolkit: Toolkit = toolkit) {
  const host = hostFor(fake, hostToolkit);
  const status = jest.spyOn(host, "status");
  const selectSheet = jest.spyOn(host, "selectSheet");
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} features={unusedFeatures} now={NOW} />
    </FluentProvider>,
  );
  // The fake reads the workbook in earnest: give it more than findBy's one second on a busy machine.
  const button = await screen.findByRole("button", { name: "Draft actions from the gaps" }, { timeout: 20_000 });
  return { button, status, selectSheet };
}

const tableRows = (fake: FakeExcel) => {
  const rect = fake.sheet(SHEET_NAMES.actions).tables.find((t) => t.name === ACTIONS_TABLE_NAME)!.rect;
  return rect.bottom - rect.top;
};

test("adds a row per gap without an action, says how many at the top with focus there; pressed again, adds nothing", async () => {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
  const before = tableRows(fake);
  const { button, status, selectSheet } = await paneOver(fake);
  // On the Assessment tab, below where the assessment stands.
  expect(screen.getByRole("tab", { name: "Assessment", selected: true })).toBeTruthy();
  fireEvent.click(button);
  expect(await screen.findByText(words.added(2), {}, { timeout: 20_000 })).toBeTruthy();
  await waitFor(() => expect(document.activeElement?.id).toBe("action-message"), { timeout: 10_000 });
  expect(screen.getByText(words.where(SHEET_NAMES.actions))).toBeTruthy();
  // Both into the blank rows below the one action, so the table has not grown.
  expect(tableRows(fake)).toBe(before);
  const idAt = (row: number) => fake.cell(SHEET_NAMES.actions, cellAddress(row, ACTIONS.columns.id));
  expect([idAt(ACTIONS.firstRow + 1), idAt(ACTIONS.firstRow + 2)]).toMatchObject([{ text: a.id }, { text: c.id }]);
  // The status is read again, as after a sign-off: let that read finish.
  await waitFor(() => expect(status).toHaveBeenCalledTimes(2));
  await act(() => status.mock.results[1].value);
  fireEvent.click(screen.getByRole("button", { name: `Go to “${SHEET_NAMES.actions}”` }));
  await waitFor(() => expect(selectSheet).toHaveBeenCalledWith(SHEET_NAMES.actions));

  fireEvent.click(screen.getByRole("button", { name: "Draft actions from the gaps" }));
  expect(await screen.findByText(words.noneMissing, {}, { timeout: 20_000 })).toBeTruthy();
  await waitFor(() => expect(document.activeElement?.id).toBe("action-message"), { timeout: 10_000 });
  expect(tableRows(fake)).toBe(before);
  await waitFor(() => expect(status).toHaveBeenCalledTimes(3));
  await act(() => status.mock.results[2].value);
});

test("a workbook made by an earlier version: the message says to upgrade first, and nothing is added", async () => {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
  const before = tableRows(fake);
  const { button, status } = await paneOver(fake, nextVersion(toolkit));
  fireEvent.click(button);
  expect(await screen.findByText(words.olderWorkbook, {}, { timeout: 20_000 })).toBeTruthy();
  expect(screen.getByText(/Upgrade first/)).toBeTruthy();
  await waitFor(() => expect(document.activeElement?.id).toBe("action-message"), { timeout: 10_000 });
  expect(tableRows(fake)).toBe(before);
  await waitFor(() => expect(status).toHaveBeenCalledTimes(2));
  await act(() => status.mock.results[1].value);
});
