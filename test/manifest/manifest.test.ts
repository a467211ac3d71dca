/**
 * @jest-environment jsdom
 */
// jsdom only for its DOMParser (to read the manifest); the checks run xmllint for real and are never skipped.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REQUIRED_API } from "../../src/office/excel-host";

const root = path.resolve(__dirname, "..", "..");
const manifestPath = path.join(root, "manifest.xml");
const manifestXml = fs.readFileSync(manifestPath, "utf8");
const DEV_URL = "https://localhost:3000/";
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

// webpack.config.js owns the production rewrite of the manifest; test that exact code.
const webpackConfig = require("../../webpack.config.js") as {
  deploymentUrl(value?: string): string;
  rewriteManifest(xml: string, baseUrl: string): string;
};

/** Runs scripts/validate-manifest.js (what `npm run validate` runs) on the given files. */
function validate(...files: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "validate-manifest.js"), ...files], {
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function tempCopy(name: string, xml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-manifest-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, xml);
  return file;
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const header = fs.readFileSync(file).subarray(0, 24);
  expect(header.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(header.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** The file in assets/ that a development URL points at. */
function assetFor(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(root, url.slice(DEV_URL.length));
}

const doc = parse(manifestXml);
const all = (ns: string, tag: string) => Array.from(doc.getElementsByTagNameNS(ns, tag));
const one = (ns: string, tag: string) => {
  const found = all(ns, tag);
  expect(found).toHaveLength(1);
  return found[0];
};
const resources = one(NS.ov, "Resources");
const resourceById = new Map(Array.from(resources.querySelectorAll("[id]")).map((el) => [el.getAttribute("id"), el]));

describe("manifest.xml", () => {
  test("validates against the schemas in manifest-schemas/ (xmllint, as npm run validate does)", () => {
    const { status, output } = validate(manifestPath);
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining("valid") });
  });

  test("a broken copy fails validation", () => {
    const noPermissions = tempCopy("no-permissions.xml", manifestXml.replace(/<Permissions>[^<]*<\/Permissions>/, ""));
    // Ribbon labels are short strings: at most 125 characters.
    const longLabel = tempCopy(
      "long-label.xml",
      manifestXml.replace(/(id="Group.Label" DefaultValue=")[^"]*/, `$1${"x".repeat(126)}`),
    );
    for (const file of [noPermissions, longLabel]) {
      const { status, output } = validate(file);
      expect({ status, output }).toEqual({ status: 1, output: expect.stringContaining("fails to validate") });
    }
  });

  test("is an en-GB Excel task pane with read/write access and a stable Id", () => {
    expect(doc.documentElement.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");
    expect(one(NS.app, "Id").textContent).toBe("43aab8e0-9a2a-4ab4-8128-53c011b6ad8a");
    expect(one(NS.app, "DefaultLocale").textContent).toBe("en-GB");
    expect(one(NS.app, "DisplayName").getAttribute("DefaultValue")).toBe("NPS Toolkit");
    expect(one(NS.app, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(all(NS.app, "Host").map((host) => host.getAttribute("Name"))).toEqual(["Workbook"]);
    const source = one(NS.app, "DefaultSettings").getElementsByTagNameNS(NS.app, "SourceLocation")[0];
    expect(source.getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("requires ExcelApi 1.8 and nothing else, as the Office layer does", () => {
    const sets = all(NS.app, "Set").map((set) => [set.getAttribute("Name"), set.getAttribute("MinVersion")]);
    expect(sets).toEqual([["ExcelApi", "1.8"]]);
    expect(REQUIRED_API).toEqual({ name: "ExcelApi", version: "1.8" });
  });

  test("has a Home-tab button that shows the task pane", () => {
    const tab = one(NS.ov, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const actions = Array.from(tab.getElementsByTagNameNS(NS.ov, "Action"));
    expect(actions.map((a) => a.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))).toEqual([
      "ShowTaskpane",
    ]);
    const resid = actions[0].getElementsByTagNameNS(NS.ov, "SourceLocation")[0].getAttribute("resid");
    expect(resourceById.get(resid)?.getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("every resid exists in Resources, ids are unique, and every resource is used", () => {
    const ids = Array.from(resources.querySelectorAll("[id]")).map((el) => el.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(Array.from(doc.querySelectorAll("[resid]")).map((el) => el.getAttribute("resid")));
    expect([...used].filter((resid) => !resourceById.has(resid))).toEqual([]);
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  test("icons point at PNGs in assets/ of the declared pixel size", () => {
    const expected: Array<[string, number]> = [
      [one(NS.app, "IconUrl").getAttribute("DefaultValue") ?? "", 32],
      [one(NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", 64],
    ];
    for (const image of Array.from(doc.querySelectorAll("Icon > *"))) {
      const resource = resourceById.get(image.getAttribute("resid"));
      expected.push([resource?.getAttribute("DefaultValue") ?? "", Number(image.getAttribute("size"))]);
    }
    expect(expected.length).toBeGreaterThanOrEqual(8);
    for (const [url, size] of expected) {
      const file = assetFor(url);
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
    // The ribbon needs 16, 32 and 80 px; the catalogue 32 and 64; AppSource and the admin centre 128.
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(root, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  test("every address is https, and every development address is a file the build serves", () => {
    const values = Array.from(doc.querySelectorAll("*")).flatMap((el) => [
      ...Array.from(el.attributes)
        .filter((a) => !a.name.startsWith("xmlns")) // namespace names are identifiers, not addresses
        .map((a) => a.value),
      ...(el.children.length === 0 ? [el.textContent ?? ""] : []),
    ]);
    const urls = values.filter((value) => /^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith("urn:"));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
    for (const url of urls.filter((u) => u.startsWith(DEV_URL))) {
      const page = url.slice(DEV_URL.length);
      // taskpane.html is generated by webpack from src/taskpane/taskpane.html; everything else is copied from assets/.
      const source = page === "taskpane.html" ? path.join(root, "src", "taskpane", "taskpane.html") : assetFor(url);
      expect({ url, exists: fs.existsSync(source) }).toEqual({ url, exists: true });
    }
  });
});

describe("production manifest (webpack.config.js with ADDIN_BASE_URL)", () => {
  test("rewrites every development address to the deployment address and still validates", () => {
    const base = webpackConfig.deploymentUrl("https://addins.example.gov.uk/nps");
    expect(base).toBe("https://addins.example.gov.uk/nps/");
    const rewritten = webpackConfig.rewriteManifest(manifestXml, base);
    expect(rewritten).not.toContain("localhost");
    expect(rewritten).toContain('<SourceLocation DefaultValue="https://addins.example.gov.uk/nps/taskpane.html"/>');
    const { status, output } = validate(tempCopy("manifest.xml", rewritten));
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining("valid") });
  });

  test("refuses a deployment address that is not https", () => {
    expect(() => webpackConfig.deploymentUrl("http://addins.example.gov.uk/")).toThrow(/https/);
    expect(() => webpackConfig.deploymentUrl("not a url")).toThrow(/not a valid address/);
    expect(webpackConfig.deploymentUrl("")).toBe(DEV_URL);
  });

  test("a production build with an http:// address stops with one plain line, not a stack trace", () => {
    const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
    const result = spawnSync(process.execPath, [webpackCli, "--mode", "production"], {
      cwd: root,
      env: { ...process.env, ADDIN_BASE_URL: "http://addins.example.gov.uk/" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`.trim().split("\n")).toEqual([
      'Build stopped: ADDIN_BASE_URL must start with https:// (Office refuses add-ins served over http): "http://addins.example.gov.uk/"',
    ]);
  });
});
