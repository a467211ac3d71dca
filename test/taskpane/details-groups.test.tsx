/** @jest-environment jsdom */
/**
 * The details form's council type and region: two Fluent Selects holding the Guide's lists, optional; what is
 * picked goes to the build and, through the Excel host, into the Guide's pickers (B11, B12), as the other details
 * go into theirs; an assessment that already names them shows them picked.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { setImmediate as nodeSetImmediate } from "timers";
import { TextEncoder as NodeTextEncoder } from "util";
import { COUNCIL_TYPES, REGIONS } from "../../src/core/plan/council-groups";
import { GUIDE } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { cellAddress } from "../../src/core/util/a1";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { FakeExcel } from "../fakes/excel-fake";
import { hostFor, NOW, readBack } from "../office/fixtures";
import { featuresOf, noDownload, noFileCheck, typeCouncil } from "./pane-fixtures";

const toolkit = canonicalToolkit();

beforeAll(() => Object.assign(globalThis, { setImmediate: nodeSetImmediate, TextEncoder: NodeTextEncoder }));

const picker = (name: string) => screen.getByRole("combobox", { name: new RegExp(`^${name}`) });

/** Chooses one of a picker's options, as a user picks it. */
const pick = (name: string, choice: string) => fireEvent.change(picker(name), { target: { value: choice } });

/** A picker's choices, its first ("Not chosen", which leaves it blank) aside. */
const choicesOf = (name: string) =>
  Array.from((picker(name) as HTMLSelectElement).options)
    .slice(1)
    .map((o) => o.textContent);

async function paneOver(fake: FakeExcel) {
  const host = hostFor(fake);
  const status = jest.spyOn(host, "status");
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} features={featuresOf(noDownload, noFileCheck)} now={NOW} />
    </FluentProvider>,
  );
  await waitFor(() => expect(status).toHaveBeenCalled());
  await act(() => status.mock.results[0].value);
  return { host, status };
}

test("the pickers offer the Guide's lists; what is picked is written into the Guide's B11 and B12", async () => {
  const fake = new FakeExcel();
  const { status } = await paneOver(fake);
  expect(choicesOf("Council type")).toEqual([...COUNCIL_TYPES]);
  expect(choicesOf("Region")).toEqual([...REGIONS]);
  pick("Council type", "Metropolitan district");
  pick("Region", "Yorkshire and the Humber");
  typeCouncil("Anytown Council");
  fireEvent.click(screen.getByRole("button", { name: "Build assessment" }));
  expect(await screen.findByText("Assessment built.", {}, { timeout: 30_000 })).toBeTruthy();
  await waitFor(() => expect(status).toHaveBeenCalledTimes(2));
  await act(() => status.mock.results[1].value);
  const text = (at: { row: number; column: number }) => fake.cell("Guide", cellAddress(at.row, at.column));
  expect(text(GUIDE.councilTypeCell)).toMatchObject({ kind: "text", text: "Metropolitan district" });
  expect(text(GUIDE.regionCell)).toMatchObject({ kind: "text", text: "Yorkshire and the Humber" });
  expect((await readBack(fake, toolkit))!.info).toMatchObject({
    councilType: "Metropolitan district",
    region: "Yorkshire and the Humber",
  });
  // Read back, the workbook's own choices show picked (the details fold once the assessment is up to date).
  fireEvent.click(screen.getByRole("button", { name: "Change the details, or repair…" }));
  expect((picker("Council type") as HTMLSelectElement).value).toBe("Metropolitan district");
  expect((picker("Region") as HTMLSelectElement).value).toBe("Yorkshire and the Humber");
}, 60_000);

test("they are optional: nothing picked builds with the Guide's pickers blank", async () => {
  const fake = new FakeExcel();
  const { status } = await paneOver(fake);
  pick("Region", "Wales");
  typeCouncil("Anytown Council");
  fireEvent.click(screen.getByRole("button", { name: "Build assessment" }));
  expect(await screen.findByText("Assessment built.", {}, { timeout: 30_000 })).toBeTruthy();
  await waitFor(() => expect(status).toHaveBeenCalledTimes(2));
  await act(() => status.mock.results[1].value);
  expect(fake.cell("Guide", cellAddress(GUIDE.councilTypeCell.row, GUIDE.councilTypeCell.column))).toBeUndefined();
  expect((await readBack(fake, toolkit))!.info).toMatchObject({ councilType: "", region: "Wales" });
}, 60_000);
