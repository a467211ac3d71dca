/**
 * Headless Chromium for the task pane (Debian's, never a browser that playwright downloads), shared by
 * the browser tests and `npm run docs:pictures` through servePane, so that all of them see the pane
 * the same way: the size of Excel's pane, British English, and nothing fetched from outside this
 * machine.
 */
import { existsSync, readFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps calling Google services, which floods a closed network.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // British English (also LANGUAGE below, which is what Chromium on Linux reads) and the context's en-GB locale.
  "--lang=en-GB",
];
const PANE_SIZE = { width: 350, height: 700 };

function launchChromium(): Promise<Browser> {
  // The date field shows dd/mm/yyyy only where Chromium's en-GB resources (Debian's chromium-l10n) are installed.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: { ...process.env, LANGUAGE: "en_GB" } });
}

/** A page context the size of Excel's task pane, in en-GB, that refuses every address but this machine's. */
async function openPaneContext(
  browser: Browser,
  colorScheme: "light" | "dark",
  locale: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: PANE_SIZE,
    deviceScaleFactor: 1,
    locale,
    colorScheme,
    acceptDownloads: true,
  });
  // Nothing leaves this machine: office.js (Microsoft's CDN) and anything else not served here is refused,
  // which is exactly how the page meets a council network that blocks the CDN.
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => route.abort("blockedbyclient"),
  );
  return context;
}

/**
 * Waits for CSS transitions to end: Fluent fades a button from its disabled colours back to its own,
 * and axe measuring half-way through reports a contrast failure no user ever reads.
 */
export async function animationsFinished(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** A tiny static server for a built folder, on a random port of 127.0.0.1 only. */
async function serveStatic(root: string): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(root, path.normalize(pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(root + path.sep) || !existsSync(file)) {
      response.writeHead(404).end("Not found");
      return;
    }
    response.writeHead(200, { "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

export interface PanePage {
  page: Page;
  /** The page's uncaught errors, as they happen. */
  errors: string[];
}

export interface PaneOpening {
  colorScheme?: "light" | "dark";
  /** The browser's language, en-GB unless a test asks for another (an American browser, say). */
  locale?: string;
  /** Runs on the new page before it loads the pane, to listen from its first request. */
  beforeLoad?: (page: Page) => void;
}

/** A built pane (a folder holding taskpane.html) served on this machine, and the one Chromium that opens it. */
export interface ServedPane {
  /** Opens the pane, with `query` ("?scenario=check") as its search, in a new context of its own. */
  open(query?: string, opening?: PaneOpening): Promise<PanePage>;
  /** Ends Chromium and the server. */
  close(): Promise<void>;
}

/** Serves the built pane in `dist` and launches Chromium, for the browser tests and the pictures alike. */
export async function servePane(dist: string): Promise<ServedPane> {
  const { server, baseUrl } = await serveStatic(dist);
  const closeServer = () => new Promise((resolve) => server.close(resolve));
  const browser = await launchChromium().catch(async (error: unknown) => {
    await closeServer();
    throw error;
  });
  return {
    async open(query = "", { colorScheme = "light", locale = "en-GB", beforeLoad }: PaneOpening = {}) {
      const context = await openPaneContext(browser, colorScheme, locale);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      beforeLoad?.(page);
      await page.goto(`${baseUrl}/taskpane.html${query}`);
      return { page, errors };
    },
    async close() {
      await browser.close();
      await closeServer();
    },
  };
}
