/** @jest-environment jsdom */
/**
 * The pane's Sign off, with the real Excel host over the in-memory Excel: the name is checked before
 * Excel is asked, the result and its notes are shown as a build's are, and a refusal is explained.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { signOffState } from "../../src/core/assessment/sign-off";
import { blockedMessage, incompleteNote } from "../../src/core/sign-off/sign-off";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { todayIso } from "../../src/core/util/dates";
import { FakeExcel } from "../fakes/excel-fake";
import { paneWords } from "../../src/core/words/pane";
import { withFakeExcelGlobals } from "../support/jsdom-globals";
import { showPaneOver, statusShown } from "./pane-fixtures";
import { completeAnswers, DETAILS, hostFor, NOW, readBack, writePlanWithAnswers } from "../office/fixtures";

const toolkit = canonicalToolkit();
const area = toolkit.themes[0].keyAreas[0];
const answers = completeAnswers(toolkit, DETAILS);

withFakeExcelGlobals();

async function paneOver(fake: FakeExcel) {
  const host = hostFor(fake);
  const signOff = jest.spyOn(host, "signOff");
  const status = await showPaneOver({ host, now: NOW });
  fireEvent.click(await screen.findByRole("tab", { name: "Sign off" }));
  const button = screen.getByRole("button", { name: "Sign off" });
  const name = screen.getByRole("textbox", { name: /your name/i });
  return { button, name, signOff, status };
}

test("signs the open workbook's answers off, shows the result and its notes, and the workbook reads as final", async () => {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
  const { button, name, signOff, status } = await paneOver(fake);
  fireEvent.change(name, { target: { value: "  Sam Lead " } });
  fireEvent.click(button);
  expect(await screen.findByText("Signed off.", {}, { timeout: 20_000 })).toBeTruthy();
  // Said at the top, with focus there.
  await waitFor(() => expect(document.activeElement?.id).toBe("action-message"), { timeout: 10_000 });
  // The pane reads the workbook again after a sign-off, as after a build: let that read finish.
  await statusShown(status, { reading: 2, andNoMore: true });
  expect(signOff).toHaveBeenCalledWith({ name: "Sam Lead" }, expect.any(Function));
  // Signed off and unchanged: the tab says by whom and when, and the form is one button away.
  expect(screen.getByText("Signed off by Sam Lead on 01/03/2025; no answer has changed since.")).toBeTruthy();
  expect(screen.queryByRole("textbox", { name: /your name/i })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Sign off again" }));
  expect(screen.getByRole("textbox", { name: /your name/i })).toBeTruthy();
  // The status shows who signed off and when.
  fireEvent.click(screen.getByRole("tab", { name: "Assessment" }));
  expect(screen.getByText(/^Signed off by Sam Lead on 01\/03\/2025/)).toBeTruthy();
  // A sign-off makes no sheet: no list of sheets made, no repair, no carried answers.
  expect(screen.queryByText("Sheets made")).toBeNull();
  expect(screen.queryByText(/Repaired|Carried/)).toBeNull();
  const found = (await readBack(fake, toolkit))!;
  expect(found.info).toMatchObject({ signedOffBy: "Sam Lead", signedOffOn: todayIso(NOW) });
  expect(signOffState(found, toolkit)).toBe("final");
});

test("a blank name is refused in the form, with focus on the field, and Excel is not asked", async () => {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
  const { button, name, signOff } = await paneOver(fake);
  fireEvent.click(button);
  expect(await screen.findByText("Say who signs the answers off: a name is needed.")).toBeTruthy();
  expect(name.getAttribute("aria-invalid")).toBe("true");
  expect(document.activeElement).toBe(name);
  expect(signOff).not.toHaveBeenCalled();
});

test("a workbook whose check has errors is refused with what to do", async () => {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
  fake.seedCell(fake.sheet(area.sheetName), "J10", "Excellent");
  const { button, name } = await paneOver(fake);
  fireEvent.change(name, { target: { value: "Sam Lead" } });
  fireEvent.click(button);
  expect(await screen.findByText(blockedMessage(1), {}, { timeout: 20_000 })).toBeTruthy();
  await waitFor(() => expect(document.activeElement?.id).toBe("action-message"));
  expect(
    screen.getByText(/correct the errors it lists, or use Repair or Upgrade where it says they fix them/),
  ).toBeTruthy();
  expect((await readBack(fake, toolkit))!.info.signedOffBy).toBe("");
});

test("an incomplete return: the form names its key areas, refuses until the signer chooses, then signs off saying so, with the warnings", async () => {
  const fake = new FakeExcel();
  // jsdom has no structuredClone: a copy of the answers without the first behaviour's.
  const { [area.behaviours[0].id]: _left, ...behaviours } = answers.behaviours;
  const partial = { ...answers, behaviours };
  await writePlanWithAnswers(fake, toolkit, partial, DETAILS);
  // And a warning, which does not stop a sign-off but is told with it: a key area sheet left unprotected.
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem(area.sheetName).protection.unprotect();
    await context.sync();
  });
  const { button, name, signOff } = await paneOver(fake);
  const named = screen.getByRole("list", { name: "Key areas not complete" });
  expect(
    within(named)
      .getAllByRole("listitem")
      .map((item) => item.textContent),
  ).toEqual([`${area.name}: ${area.behaviours.length - 1} of ${area.behaviours.length}`]);
  const choice = screen.getByRole("checkbox", { name: "Sign off although these key areas are not complete" });
  expect((choice as HTMLInputElement).checked).toBe(false);
  fireEvent.change(name, { target: { value: "Sam Lead" } });

  // Not chosen: the sign-off refuses, pointing at the list and the choice below, and nothing is written.
  const incomplete = [{ name: area.name, assessed: area.behaviours.length - 1, behaviours: area.behaviours.length }];
  fireEvent.click(button);
  expect(await screen.findByText(paneWords.signOff.refusedIncomplete(1), {}, { timeout: 20_000 })).toBeTruthy();
  expect(screen.getByText(new RegExp(`tick “${paneWords.signOff.allowIncomplete}” below`))).toBeTruthy();
  await waitFor(() => expect(document.activeElement?.id).toBe("action-message"), { timeout: 10_000 });
  expect(signOff).toHaveBeenLastCalledWith({ name: "Sam Lead" }, expect.any(Function));
  expect((await readBack(fake, toolkit))!.info.signedOffBy).toBe("");

  // Chosen: signed off, and the result says it is not complete and that the check found a warning.
  fireEvent.click(screen.getByRole("checkbox", { name: "Sign off although these key areas are not complete" }));
  fireEvent.click(screen.getByRole("button", { name: "Sign off" }));
  expect(await screen.findByText("Signed off.", {}, { timeout: 20_000 })).toBeTruthy();
  expect(signOff).toHaveBeenLastCalledWith({ name: "Sam Lead", allowIncomplete: true }, expect.any(Function));
  const notes = within(screen.getByRole("list", { name: "Notes" }))
    .getAllByRole("listitem")
    .map((item) => item.textContent);
  expect(notes).toContain(incompleteNote(incomplete));
  expect(notes.some((note) => /^The check found \d+ warnings?, which do(es)? not stop a sign-off/.test(note!))).toBe(
    true,
  );
  expect(signOffState((await readBack(fake, toolkit))!, toolkit)).toBe("final");
});

test("a complete return offers no choice to sign off as incomplete", async () => {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
  await paneOver(fake);
  expect(screen.queryByRole("checkbox")).toBeNull();
  expect(screen.queryByRole("list", { name: "Key areas not complete" })).toBeNull();
});

test("no Sign off is offered for a workbook without an assessment", async () => {
  const host = hostFor(new FakeExcel());
  await showPaneOver({ host, now: NOW });
  expect(await screen.findByRole("button", { name: "Build assessment" })).toBeTruthy();
  expect(screen.queryByRole("tab", { name: "Sign off" })).toBeNull();
});
