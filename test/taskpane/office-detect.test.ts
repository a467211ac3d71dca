import { detectHost, isDarkColour, officeThemeIsDark, type OfficeGlobal } from "../../src/taskpane/office-detect";

type FakeOffice = OfficeGlobal;
const fakeOffice = (onReady: () => Promise<unknown>, officeTheme?: object): FakeOffice =>
  ({ onReady, context: { officeTheme } }) as unknown as FakeOffice;

describe("detectHost", () => {
  it("runs standalone when office.js did not load", async () => {
    expect(await detectHost(undefined)).toEqual({ kind: "standalone", reason: "no-office" });
  });

  it("runs standalone when Office.onReady never resolves", async () => {
    const office = fakeOffice(() => new Promise(() => undefined));
    expect(await detectHost(office, 20)).toEqual({ kind: "standalone", reason: "timeout" });
  });

  it("runs standalone in a plain browser, where the host is null", async () => {
    const office = fakeOffice(async () => ({ host: null, platform: null }));
    expect(await detectHost(office, 1000)).toEqual({ kind: "standalone", reason: "other-host" });
  });

  it("runs standalone when Office.onReady fails, keeping Office's words (it is not 'outside Excel')", async () => {
    const office = fakeOffice(() => Promise.reject(new Error("blocked")));
    expect(await detectHost(office, 1000)).toEqual({ kind: "standalone", reason: "host-failed", detail: "blocked" });
  });

  it("uses Excel, with Office's theme", async () => {
    const office = fakeOffice(async () => ({ host: "Excel", platform: "PC" }), { isDarkTheme: true });
    expect(await detectHost(office, 1000)).toEqual({ kind: "excel", dark: true });
  });
});

describe("theme", () => {
  it("judges the theme from the background colour where Office has no flag", () => {
    expect(officeThemeIsDark(fakeOffice(async () => null, { bodyBackgroundColor: "#262626" }))).toBe(true);
    expect(officeThemeIsDark(fakeOffice(async () => null, { bodyBackgroundColor: "#FFFFFF" }))).toBe(false);
    expect(officeThemeIsDark(fakeOffice(async () => null))).toBe(false);
  });

  it("reads colours", () => {
    expect(isDarkColour("#000000")).toBe(true);
    expect(isDarkColour("#f3f2f1")).toBe(false);
    expect(isDarkColour("not a colour")).toBe(false);
  });
});
