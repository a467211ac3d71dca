/// <reference types="office-js" />
/**
 * Finds out whether the page runs inside Excel. office.js comes from Microsoft's CDN, so it may be
 * missing (blocked or offline): then the page runs standalone at once. When it is there, the page
 * waits for `Office.onReady` however long it takes, because a slow Excel start resolves it late and
 * the pane must then be the Excel pane, not a download page given up too early.
 */

/** Microsoft's CDN copy of office.js (self-hosting it is unsupported). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Adds office.js to the page without blocking it: the pane renders (and says it is waiting for Excel)
 * while the CDN answers, however slowly. Resolves to Office once the script has run, or to undefined at
 * once when it could not be fetched (blocked or offline); a CDN that never answers leaves it pending,
 * and the pane offers its standalone parts meanwhile.
 */
export function loadOfficeJs(doc: Document = document): Promise<OfficeGlobal | undefined> {
  return new Promise((resolve) => {
    const script = doc.createElement("script");
    script.src = OFFICE_JS_URL;
    script.async = true;
    script.onload = () => resolve((globalThis as { Office?: OfficeGlobal }).Office);
    script.onerror = () => resolve(undefined);
    doc.head.appendChild(script);
  });
}

/** "host-failed": Excel is there but the add-in's Excel layer could not start. */
export type StandaloneReason = "no-office" | "other-host" | "host-failed";

/** detail: the error that kept the add-in from starting, shown to the user as it is (never hidden). */
export type HostDetection =
  { kind: "excel"; dark: boolean } | { kind: "standalone"; reason: StandaloneReason; detail?: string };

/** The words of anything thrown, for the user to read or pass to IT. */
export const errorDetail = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export type OfficeGlobal = Pick<typeof Office, "onReady" | "context">;

export async function detectHost(
  office: OfficeGlobal | undefined = (globalThis as { Office?: OfficeGlobal }).Office,
): Promise<HostDetection> {
  if (!office || typeof office.onReady !== "function") return { kind: "standalone", reason: "no-office" };
  let info: Awaited<ReturnType<OfficeGlobal["onReady"]>>;
  try {
    info = await office.onReady();
  } catch (error) {
    // Office is there but could not start the add-in: not the same as being outside Excel.
    return { kind: "standalone", reason: "host-failed", detail: errorDetail(error) };
  }
  // A plain browser that did load office.js reports host null.
  if (!info || String(info.host) !== "Excel") return { kind: "standalone", reason: "other-host" };
  return { kind: "excel", dark: officeThemeIsDark(office) };
}

/** Office's own flag where the host has it; otherwise judged from the body background colour. */
export function officeThemeIsDark(office: OfficeGlobal): boolean {
  const theme = office.context?.officeTheme as (Partial<Office.OfficeTheme> & { isDarkTheme?: unknown }) | undefined;
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  if (typeof theme.isDarkTheme === "function") return Boolean((theme.isDarkTheme as () => unknown)());
  return isDarkColour(theme.bodyBackgroundColor);
}

/** Relative luminance below the midpoint means dark; unknown colours count as light. */
export function isDarkColour(hex: string | undefined): boolean {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex ?? "");
  if (!match) return false;
  const value = parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance < 0.2;
}
