/**
 * The README and the pages in docs/: every relative link and picture resolves (files and #anchors, by GitHub's
 * rules for a heading's anchor), the README stays short, every page is reachable from it, and the code map in
 * docs/architecture.md names every folder under src/, and the tables' column lists match the workbook's. Pure and fast:
 * it reads files only.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import * as path from "path";
import { anchors, brokenLink, docPages, linkTargets, ROOT, slug } from "../support/markdown";
import { DATA, GROUP_DATA } from "../../src/core/plan/layout";

const read = (file: string) => readFileSync(file, "utf8");
const README = path.join(ROOT, "README.md");

describe("GitHub's anchors for headings", () => {
  test.each([
    ["Quick start: the procurement officer", "quick-start-the-procurement-officer"],
    ["Installing `nps-toolkit` for any folder", "installing-nps-toolkit-for-any-folder"],
    ["Central deployment (Microsoft 365 admin centre)", "central-deployment-microsoft-365-admin-centre"],
    ["Outside Excel: the standalone page", "outside-excel-the-standalone-page"],
    ["One plan, two writers; one snapshot, two readers", "one-plan-two-writers-one-snapshot-two-readers"],
    ["Where the toolkit's text — comes from", "where-the-toolkits-text--comes-from"],
  ])("%s → #%s", (heading, expected) => {
    expect(slug(heading)).toBe(expected);
  });

  test("a repeated heading gets -1, and headings inside code blocks are not headings", () => {
    const text = "# Notes\n\n```sh\n# not a heading\n```\n\n## Notes\n";
    expect([...anchors(text)]).toEqual(["notes", "notes-1"]);
  });
});

describe("the link check", () => {
  test("finds a missing file, a missing anchor and an anchor into the same page; ignores code and web links", () => {
    const page = path.join(ROOT, "docs", "example.md");
    expect(brokenLink(page, "../README.md")).toBeUndefined();
    expect(brokenLink(page, "no-such-page.md")).toMatch(/no file docs\/no-such-page\.md/);
    expect(brokenLink(page, "../README.md#no-such-heading")).toMatch(/no heading in README\.md/);
    expect(brokenLink(README, "#quick-start-the-procurement-officer")).toBeUndefined();
    expect(brokenLink(page, "https://example.org/x#y")).toBeUndefined();
    expect(linkTargets("see `[a](b.md)` and\n```\n[c](d.md)\n```\n[e](f.md#g) ![h](i.png)")).toEqual([
      "f.md#g",
      "i.png",
    ]);
  });
});

describe("README.md and docs/*.md", () => {
  const pages = docPages();

  test.each(pages.map((page) => [path.relative(ROOT, page), page]))("every relative link in %s resolves", (_, page) => {
    const broken = linkTargets(read(page))
      .map((target) => brokenLink(page, target))
      .filter((why) => why !== undefined);
    expect(broken).toEqual([]);
  });

  test("the README is at most 200 lines", () => {
    expect(read(README).split("\n").length).toBeLessThanOrEqual(200);
  });

  test("every page in docs/ is linked from the README", () => {
    const linked = new Set(
      linkTargets(read(README))
        .filter((target) => !/^[a-z]+:/i.test(target))
        .map((target) => path.resolve(ROOT, target.split("#")[0])),
    );
    expect(pages.slice(1).filter((page) => !linked.has(page))).toEqual([]);
  });
});

describe("the code map in docs/architecture.md", () => {
  /** The folders the map names: `src/core/` at the margin, then `  toolkit/` beneath it is src/core/toolkit. */
  function mappedFolders(): string[] {
    const map = /## Code map\n+```\n([\s\S]*?)```/.exec(read(path.join(ROOT, "docs", "architecture.md")));
    if (!map) throw new Error("docs/architecture.md has no code block under ## Code map");
    const folders: string[] = [];
    let parent = "";
    for (const [, indent, folder] of map[1].matchAll(/^( *)(\S+\/)(?=\s)/gm)) {
      if (indent === "") parent = folder;
      folders.push(indent === "" ? folder : `${parent}${folder}`);
    }
    return folders.map((folder) => folder.replace(/\/$/, ""));
  }

  function foldersUnder(dir: string): string[] {
    return readdirSync(path.join(ROOT, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => [`${dir}/${entry.name}`, ...foldersUnder(`${dir}/${entry.name}`)]);
  }

  test("names every folder under src/", () => {
    const mapped = new Set(mappedFolders());
    expect(foldersUnder("src").filter((folder) => !mapped.has(folder))).toEqual([]);
  });

  test("names only folders that exist", () => {
    expect(mappedFolders().filter((folder) => !existsSync(path.join(ROOT, folder)))).toEqual([]);
  });
});

describe("the tests mirror src/ (docs/testing.md)", () => {
  const folders = (dir: string) =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);

  test("each folder under test/core/ is a folder of src/core/", () => {
    const core = new Set(folders("src/core"));
    expect(folders("test/core").filter((folder) => !core.has(folder))).toEqual([]);
  });

  test("no test file sits at the top of test/core/: it goes in its module's folder", () => {
    const loose = readdirSync(path.join(ROOT, "test", "core")).filter((name) => /\.test\.tsx?$/.test(name));
    expect(loose).toEqual([]);
  });

  test("every test/ and src/ path docs/testing.md names exists", () => {
    const named = [...read(path.join(ROOT, "docs", "testing.md")).matchAll(/`((?:test|src)\/[^`<>*\s]+)`/g)].map(
      (match) => match[1],
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((name) => !existsSync(path.join(ROOT, name)))).toEqual([]);
  });
});

/** The column list a page gives for a table: the words between `these columns: ` and the next full stop. */
function columnsNamedIn(page: string, after: string): string[] {
  const text = read(path.join(ROOT, page)).replace(/\s+/g, " ");
  const start = text.indexOf(after);
  if (start < 0) throw new Error(`${page} has no "${after}"`);
  const from = text.indexOf("these columns: ", start) + "these columns: ".length;
  return text.slice(from, text.indexOf(". ", from)).split(", ");
}

describe("the tables' columns as the pages list them", () => {
  test("the Data sheet (docs/workbook.md) and Group Data (docs/command-line.md), as the workbook heads them", () => {
    expect(columnsNamedIn("docs/workbook.md", "The Data sheet is a table")).toEqual(DATA.headers);
    expect(columnsNamedIn("docs/command-line.md", "**Group Data**")).toEqual(GROUP_DATA.headers);
  });
});
