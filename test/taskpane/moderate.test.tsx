/** @jest-environment jsdom */
/**
 * "Moderate returns" in the pane over the Excel fake, with the real moderator (loaded as the pane loads it) reading
 * real .xlsx returns: three respondents of one council and one of another council are chosen; the moderation goes
 * into the open workbook beside the user's own sheet, which is untouched; the key area pickers hold the agreed levels
 * worked out by hand (test/core/moderate/fixtures.ts) and the Moderation sheet names each respondent. A workbook
 * whose assessment already holds answers is refused, and nothing in it changes.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readModeration } from "../../src/core/answers/moderation";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { moderationWords } from "../../src/core/words/moderation";
import { paneWords } from "../../src/core/words/pane";
import { readWorkbookSnapshot } from "../../src/office/read-snapshot";
import type { PaneFeatures } from "../../src/taskpane/features";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { returnPlan } from "../core/consolidate/fixtures";
import { COUNCIL, respondentAnswers, THREE } from "../core/moderate/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { withFakeExcelGlobals } from "../support/jsdom-globals";
import { showPaneOver } from "./pane-fixtures";
import { completeAnswers, DETAILS, hostFor, NOW, userSheetsOf, writePlanWithAnswers } from "../office/fixtures";

const toolkit = canonicalToolkit();
const words = moderationWords.pane;
const unused = () => Promise.reject(new Error("not used in these tests"));

withFakeExcelGlobals();

const OTHER = respondentAnswers(
  "Dan Other",
  "Finance",
  { "SL-ECSM-01": { current: "Innovator" } },
  "Othertown Council",
);

/** The four returns' bytes, written once for both tests (writing an .xlsx file is most of a test's time). */
let returnBytes: Promise<{ name: string; bytes: Uint8Array }[]> | undefined;

/** The four returns as the files a user chooses: R1 to R3 of Anytown Council, and one of Othertown Council. */
async function chosenFiles(): Promise<File[]> {
  returnBytes ??= (async () => {
    const returns = [
      ...THREE.map((answers, i) => ({ name: `R${i + 1}.xlsx`, answers })),
      { name: "other.xlsx", answers: OTHER },
    ];
    const written: { name: string; bytes: Uint8Array }[] = [];
    for (const r of returns) written.push({ name: r.name, bytes: await writePlanToBuffer(returnPlan(r.answers)) });
    return written;
  })();
  // A new File of a copy each time, so one test's reading cannot change what the other reads.
  return (await returnBytes).map((r) => new File([r.bytes.slice()], r.name));
}

async function paneOver(fake: FakeExcel) {
  const { fileModerator } = await import("../../src/taskpane/file-moderator");
  const features: PaneFeatures = {
    downloader: { download: unused },
    fileChecker: { check: unused, downloadRepairedCopy: unused },
    consolidator: { consolidate: unused, downloadGroupWorkbook: unused },
    moderator: fileModerator,
  };
  const host = hostFor(fake);
  await showPaneOver({ host, features, now: NOW });
  fireEvent.click(await screen.findByRole("tab", { name: words.tab }));
  await waitFor(() => expect(screen.queryByText("Loading…")).toBeNull());
  fireEvent.change(screen.getByLabelText(words.label), { target: { files: await chosenFiles() } });
  return { host };
}

async function readFake(fake: FakeExcel) {
  const snapshot = await fake.run((context) => readWorkbookSnapshot(context, () => context.sync()));
  const found = readAssessment(snapshot, toolkit);
  return { snapshot, found };
}

test("writes the moderation of one council's three returns into the open workbook; the other council's is left out; the user's sheet is untouched", async () => {
  const fake = new FakeExcel();
  const mine = fake.seedSheet("Budget", { A1: "My own figures", B2: { formula: "SUM(1,2)" } });
  const before = userSheetsOf(fake, [mine.id]);
  const { host } = await paneOver(fake);
  fireEvent.click(screen.getByRole("button", { name: words.write }));
  const title = `${words.writtenTitle} ${words.someLeftOutTitle(1)}`;
  expect(await screen.findByText(title, {}, { timeout: 60_000 })).toBeTruthy();
  // Said at the top of the task, with focus there.
  await waitFor(() => expect(document.activeElement?.id).toBe("moderate-result"));
  // A line per file: the other council's left out, with why; the three used.
  const lines = within(screen.getByRole("list", { name: words.filesLabel })).getAllByRole("listitem");
  expect(lines.map((line) => line.textContent)).toEqual([
    expect.stringMatching(/^other\.xlsx.*Left out.*Othertown Council.*not of Anytown Council/),
    expect.stringMatching(/^R1\.xlsx.*Used.*Alice Smith \(Head of Procurement\)/),
    expect.stringMatching(/^R2\.xlsx.*Used.*Bob Jones/),
    expect.stringMatching(/^R3\.xlsx.*Used.*Carol White/),
  ]);
  // The workbook holds an assessment now: the pane reads it again and offers what follows (checking, signing off).
  expect(await screen.findByRole("tab", { name: paneWords.tabs.check })).toBeTruthy();
  expect(screen.getByRole("tab", { name: paneWords.tabs.signOff })).toBeTruthy();

  const { snapshot, found } = await readFake(fake);
  // The key area pickers hold the agreed levels worked out by hand; blank where the respondents are two apart.
  expect(found!.answers).toMatchObject({ council: COUNCIL, respondent: "Moderated" });
  const agreed = found!.answers.behaviours;
  expect(agreed["SL-ECSM-01"]).toMatchObject({ current: "Mature", target: "Leader" });
  expect(agreed["SL-ECSM-02"].current).toBe("Developing");
  expect(agreed["SL-ECSM-02"].target).toBeUndefined();
  expect(agreed["SL-ECSM-03"].current).toBeUndefined();
  expect(agreed["SL-ECSM-03"].target).toBe("Mature");
  // The evidence formula a respondent typed stays text.
  expect(agreed["SL-ECSM-01"].evidence).toContain('[Bob Jones (Finance)] =HYPERLINK("http://evil.example","click")');
  // The Moderation sheet names each respondent and holds their levels side by side.
  const record = readModeration(snapshot, found!.roles)!;
  expect(record.sources.map((s) => s.respondent)).toEqual(["Alice Smith", "Bob Jones", "Carol White"]);
  expect(record.sources.map((s) => s.file)).toEqual(["R1.xlsx", "R2.xlsx", "R3.xlsx"]);
  expect(record.levels["SL-ECSM-03"].map((l) => l.current)).toEqual(["Minimum", "Leader", "Mature"]);
  // The user's own sheet: not a cell changed, and the workbook's sheets still come first.
  expect(userSheetsOf(fake, [mine.id])).toEqual(before);
  expect(snapshot.sheets.slice(0, 2).map((s) => s.name)).toEqual(["Sheet1", "Budget"]);
  // The result links to the Moderation sheet, where the meeting starts.
  const select = jest.spyOn(host, "selectSheet");
  fireEvent.click(screen.getByRole("button", { name: /Moderation/ }));
  expect(select).toHaveBeenCalledWith("Moderation");
}, 120_000);

test("refuses to write over an assessment that already holds answers, says to download instead, and changes nothing", async () => {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, completeAnswers(toolkit, DETAILS), DETAILS);
  const before = fake.snapshotState();
  await paneOver(fake);
  fireEvent.click(screen.getByRole("button", { name: words.write }));
  const behaviours = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length;
  expect(await screen.findByText(words.answersInTheWay(behaviours), {}, { timeout: 60_000 })).toBeTruthy();
  expect(screen.getByText(words.useDownload)).toBeTruthy();
  await waitFor(() => expect(document.activeElement?.id).toBe("moderate-result"));
  expect(fake.snapshotState()).toEqual(before);
  // The lines still say what each file was.
  expect(within(screen.getByRole("list", { name: words.filesLabel })).getAllByRole("listitem")).toHaveLength(4);
}, 120_000);
