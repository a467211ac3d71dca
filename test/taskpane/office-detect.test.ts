import { JSDOM, type DOMWindow } from "jsdom";
import {
  detectHost,
  isDarkColour,
  loadOfficeJs,
  OFFICE_JS_URL,
  officeThemeIsDark,
  type OfficeGlobal,
} from "../../src/taskpane/office-detect";

type FakeOffice = OfficeGlobal;
const fakeOffice = (onReady: () => Promise<unknown>, officeTheme?: object): FakeOffice =>
  ({ onReady, context: { officeTheme } }) as unknown as FakeOffice;

describe("detectHost", () => {
  it("runs standalone when office.js did not load", async () => {
    expect(await detectHost(undefined)).toEqual({ kind: "standalone", reason: "no-office" });
  });

  it("waits for a late Office.onReady and then uses Excel (a slow Excel start is still Excel)", async () => {
    let ready: (info: { host: string; platform: string }) => void = () => undefined;
    const office = fakeOffice(() => new Promise((resolve) => (ready = resolve)), { isDarkTheme: false });
    // Fake time, so that a minute passes at once: longer than the 5 seconds the pane used to allow.
    jest.useFakeTimers();
    try {
      let settled: unknown = "pending";
      const detection = detectHost(office).then((result) => (settled = result));
      await jest.advanceTimersByTimeAsync(60_000);
      expect(settled).toBe("pending");
      ready({ host: "Excel", platform: "PC" });
      expect(await detection).toEqual({ kind: "excel", dark: false });
    } finally {
      jest.useRealTimers();
    }
  });

  it("runs standalone in a plain browser, where the host is null", async () => {
    const office = fakeOffice(async () => ({ host: null, platform: null }));
    expect(await detectHost(office)).toEqual({ kind: "standalone", reason: "other-host" });
  });

  it("runs standalone when Office.onReady fails, keeping Office's words (it is not 'outside Excel')", async () => {
    const office = fakeOffice(() => Promise.reject(new Error("blocked")));
    expect(await detectHost(office)).toEqual({ kind: "standalone", reason: "host-failed", detail: "blocked" });
  });

  it("uses Excel, with Office's theme", async () => {
    const office = fakeOffice(async () => ({ host: "Excel", platform: "PC" }), { isDarkTheme: true });
    expect(await detectHost(office)).toEqual({ kind: "excel", dark: true });
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

describe("loadOfficeJs: office.js without blocking the page", () => {
  // A window left open fires its "load" event after the file has ended, into globals jest has already cleared.
  const windows: DOMWindow[] = [];
  const blankWindow = () => {
    const { window } = new JSDOM("<!doctype html><head></head><body></body>");
    windows.push(window);
    return window;
  };
  afterEach(() => windows.splice(0).forEach((window) => window.close()));

  it("adds an async script for Microsoft's CDN and resolves to Office once it has run", async () => {
    const window = blankWindow();
    const loading = loadOfficeJs(window.document);
    const script = window.document.head.querySelector("script")!;
    expect(script.src).toBe(OFFICE_JS_URL);
    expect(script.async).toBe(true);
    const office = { onReady: async () => ({ host: "Excel" }) };
    Object.assign(globalThis, { Office: office });
    script.dispatchEvent(new window.Event("load"));
    await expect(loading).resolves.toBe(office);
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("resolves to nothing at once when the CDN cannot be reached, so the page runs standalone", async () => {
    const window = blankWindow();
    const loading = loadOfficeJs(window.document);
    window.document.head.querySelector("script")!.dispatchEvent(new window.Event("error"));
    await expect(loading).resolves.toBeUndefined();
    await expect(detectHost(await loading)).resolves.toEqual({ kind: "standalone", reason: "no-office" });
  });
});
