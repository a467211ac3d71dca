/**
 * The command line as a user gets it: `npm pack` (which builds it), `npm install -g` of the tarball into a fresh
 * prefix, then `nps-toolkit` run from another folder with only Node on the PATH: no TypeScript, no project folder.
 */
import { spawnSync, type SpawnSyncReturns } from "child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "fs";
import * as path from "path";
import { COMMANDS } from "../../src/cli/commands";
import { GUIDE } from "../../src/core/plan/layout";
import { GENERATOR_VERSION } from "../../src/core/version";
import { tempDir } from "../support/fixtures";
import { docPages, shellBlocks } from "../support/markdown";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { loadWithExcelJs } from "../support/exceljs-load";
import { readFile as readFileBytes } from "fs/promises";

const ROOT = path.resolve(__dirname, "../..");
const windows = process.platform === "win32";
const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** The environment without npm's own variables (npm test sets them), so our npm calls see only their arguments. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  // npm is npm.cmd on Windows, which only a shell can start.
  const result = spawnSync(windows ? "npm.cmd" : "npm", args, {
    cwd,
    env: cleanEnv,
    encoding: "utf8",
    shell: windows,
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** Every file under `folder`, relative to it, with forward slashes. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(path.join(folder, f)).isFile())
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

let prefix: string;
let installed: string;
let elsewhere: string;
let pathWithOnlyNode: string;
let packOutput: string;
let work: string;

beforeAll(() => {
  work = tempDir("nps-install-");
  const packs = path.join(work, "packs");
  mkdirSync(packs);
  // Runs the "prepack" script, which builds the command line from the current sources.
  const packed = npm(["pack", "--pack-destination", packs], ROOT);
  packOutput = packed.stdout + packed.stderr;
  const [tarball] = readdirSync(packs);
  prefix = path.join(work, "prefix");
  // --offline: the package has no dependencies, so installing it must not need the registry.
  npm(
    ["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", path.join(packs, tarball)],
    work,
  );
  installed = path.join(prefix, windows ? "" : "lib", "node_modules", manifest.name);
  // A folder that holds nothing but Node, so that nothing else on this machine (tsc, ts-node) can be found.
  const nodeOnly = path.join(work, "node-only");
  mkdirSync(nodeOnly);
  symlinkSync(process.execPath, path.join(nodeOnly, path.basename(process.execPath)));
  pathWithOnlyNode = [windows ? prefix : path.join(prefix, "bin"), nodeOnly].join(path.delimiter);
  elsewhere = path.join(work, "elsewhere");
  mkdirSync(elsewhere);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function npsToolkit(...args: string[]): SpawnSyncReturns<string> {
  return npsToolkitIn(elsewhere, args);
}

function npsToolkitIn(cwd: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync("nps-toolkit", args, {
    cwd,
    env: { PATH: pathWithOnlyNode, ...(windows ? { PATHEXT: ".CMD;.EXE" } : {}) },
    encoding: "utf8",
    shell: windows,
    timeout: 120_000,
  });
}

describe("npm pack and npm install -g", () => {
  test("the package holds only the launcher, the built command line and its notices", () => {
    // npm adds the README and any licence file whatever "files" says.
    const licences = readdirSync(ROOT).filter((f) => /^licen[cs]e/i.test(f));
    expect(filesUnder(installed)).toEqual(
      [
        "README.md",
        "bin/nps-toolkit.js",
        "build/cli/THIRD-PARTY-NOTICES.txt",
        "build/cli/nps-toolkit.js",
        "package.json",
        ...licences,
      ].sort(),
    );
    expect(readFileSync(path.join(installed, "build/cli/THIRD-PARTY-NOTICES.txt"), "utf8")).toMatch(
      /^exceljs@4\.4\.0 \(MIT\)$/m,
    );
  });

  test("it has no run-time dependencies: React, Fluent UI and TypeScript are nowhere in the install", () => {
    expect(manifest.dependencies).toBeUndefined();
    expect(existsSync(path.join(installed, "node_modules"))).toBe(false);
    expect(existsSync(path.join(prefix, windows ? "" : "lib", "node_modules", "typescript"))).toBe(false);
    expect(spawnSync("tsc", ["--version"], { env: { PATH: pathWithOnlyNode } }).error).toMatchObject({
      code: "ENOENT",
    });
  });

  test("packing builds the command line first", () => {
    expect(packOutput).toContain("build:cli");
  });
});

describe("the installed nps-toolkit, run from another folder with only Node on the PATH", () => {
  test("--version prints the version", () => {
    expect(npsToolkit("--version")).toMatchObject({ status: 0, stdout: `${GENERATOR_VERSION}\n`, stderr: "" });
  });

  test("--help lists every command", () => {
    const result = npsToolkit("--help");
    expect(result.status).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(command.summary);
  });

  test("new writes a clean workbook in the current folder", async () => {
    const result = npsToolkit("new", "anytown.xlsx", "--council", "Anytown Council", "--date=2026-03-31", "--sample");
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Wrote anytown\.xlsx: 14 sheets, 51 behaviours, \d+ with sample answers\.\n$/);
    const file = path.join(elsewhere, "anytown.xlsx");
    // The bundle deflates with Node's zlib (scripts/cli-bundle/pako.js): the Open XML SDK must accept the result.
    await expectWorkbookClean(file);
    const workbook = await loadWithExcelJs(new Uint8Array(await readFileBytes(file)));
    const guide = workbook.getWorksheet("Guide");
    expect(guide?.getCell(GUIDE.councilCell.row, GUIDE.councilCell.column).value).toBe("Anytown Council");
  });

  test("mistakes are one line on standard error with exit status 2", () => {
    const result = npsToolkit("nwe", "x.xlsx");
    expect(result).toMatchObject({ status: 2, stdout: "" });
    expect(result.stderr).toBe(
      'nps-toolkit: Unknown command "nwe": did you mean "new"? Run nps-toolkit --help for the commands.\n',
    );
  });
});

describe("bin/nps-toolkit.js in a clone of the project", () => {
  test("says when src/ has changed since the command line was built, and runs it all the same", () => {
    const clone = tempDir("nps-clone-");
    for (const file of ["bin/nps-toolkit.js", "build/cli/nps-toolkit.js"]) {
      mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      copyFileSync(path.join(ROOT, file), path.join(clone, file));
    }
    const source = path.join(clone, "src", "cli", "main.ts");
    mkdirSync(path.dirname(source), { recursive: true });
    writeFileSync(source, "// changed");
    const launch = () =>
      spawnSync(process.execPath, [path.join(clone, "bin", "nps-toolkit.js"), "--version"], { encoding: "utf8" });
    const builtAt = statSync(path.join(clone, "build/cli/nps-toolkit.js")).mtime;
    utimesSync(source, builtAt, new Date(builtAt.getTime() - 60_000));
    expect(launch()).toMatchObject({ status: 0, stdout: `${GENERATOR_VERSION}\n`, stderr: "" });
    utimesSync(source, builtAt, new Date(builtAt.getTime() + 60_000));
    expect(launch()).toMatchObject({
      status: 0,
      stdout: `${GENERATOR_VERSION}\n`,
      stderr:
        "nps-toolkit: note: src/ or toolkit/ has changed since this was built: run npm run build:cli, or npm run cli -- …\n",
    });
    rmSync(clone, { recursive: true, force: true });
  });
});

/** The shell blocks of README.md and then docs/*.md, each a list of commands, in the order a reader meets them. */
function readmeBlocks(): string[][][] {
  return docPages().flatMap((page) => shellBlocks(readFileSync(page, "utf8")));
}

describe("the command line examples in README.md and docs/", () => {
  test("every example runs as written, one after another: npm run cli -- in one folder, nps-toolkit in another", () => {
    // `npm run cli --` runs the same build as the installed command, in the project folder: a folder of its own here.
    const folders = { "npm run cli --": tempDir("nps-readme-project-"), "nps-toolkit": tempDir("nps-readme-any-") };
    let ran = 0;
    for (const command of readmeBlocks().flat()) {
      const form = command.slice(0, 4).join(" ") === "npm run cli --" ? "npm run cli --" : command[0];
      if (form !== "npm run cli --" && form !== "nps-toolkit") continue;
      const args = command.slice(form === "nps-toolkit" ? 1 : 4);
      const result = npsToolkitIn(folders[form], args);
      expect([command.join(" "), result.status, result.stderr]).toEqual([command.join(" "), 0, ""]);
      ran++;
    }
    expect(ran).toBeGreaterThanOrEqual(10);
    for (const folder of Object.values(folders)) rmSync(folder, { recursive: true, force: true });
  });

  test("no example runs a bare npx nps-toolkit, and the install step names the tarball npm pack writes", () => {
    const commands = readmeBlocks().flat();
    expect(commands.filter((c) => c[0] === "npx" && c[1] === "nps-toolkit")).toEqual([]);
    const install = commands.find((c) => c.slice(0, 3).join(" ") === "npm install --global");
    expect(install?.[3]).toBe(`./${manifest.name}-${manifest.version}.tgz`);
  });
});
