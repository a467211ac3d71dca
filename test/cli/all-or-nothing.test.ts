/**
 * Every output of a command or none (consolidate's workbook and CSV; repair, sign-off and new), on
 * a failure and on an interrupt; and an input that may not be read is said the same way by every
 * command. The interrupt and the permission tests run the command line as a real process.
 */
import { spawn } from "child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { tempDir } from "../support/fixtures";
import { RUN_ROOT_VARIABLE, runRoot } from "../support/temp-root";
import { runCli } from "./run-cli";

const ROOT = path.resolve(__dirname, "../..");

/** A name longer than any file system allows (255 bytes): the system refuses it, for root too. */
const tooLong = (folder: string, extension: string) => path.join(folder, `${"n".repeat(300)}${extension}`);

async function sampleReturn(folder: string): Promise<string> {
  const file = path.join(folder, "return.xlsx");
  expect((await runCli("new", file, "--sample", "--council", "Anytown")).code).toBe(0);
  return file;
}

test("consolidate that cannot write the CSV leaves no group workbook behind, and exits 1", async () => {
  const folder = tempDir();
  const returns = tempDir();
  await sampleReturn(returns);
  const group = path.join(folder, "group.xlsx");
  const csv = tooLong(folder, ".csv");
  const result = await runCli("consolidate", returns, "-o", group, "--csv", csv);
  expect(result.code).toBe(1);
  expect(result.err).toBe(`nps-toolkit: Could not write "${csv}": the file name is too long (ENAMETOOLONG).`);
  expect(readdirSync(folder)).toEqual([]);
});

interface ChildOptions {
  preload?: string;
  uid?: number;
  /** For another user, who may not enter the run's folder: where ts-node keeps what it transpiles instead. */
  transpiled?: string;
}

/** Runs the command line from source in a child process, as `uid` when given (root may drop to it). */
function child(args: string[], options: ChildOptions = {}) {
  const preload = options.preload ? ["-r", options.preload] : [];
  const script = "require('./src/cli/main').main(process.argv.slice(1)).then((code) => process.exit(code))";
  // ts-node's project for jest runs keeps each file it transpiles (test/support/ts-node-transpiler.js).
  const project = path.join(ROOT, "test", "support", "tsconfig.ts-node.json");
  const transpiled = options.transpiled ? { [RUN_ROOT_VARIABLE]: options.transpiled } : {};
  return spawn(process.execPath, ["-r", "ts-node/register/transpile-only", ...preload, "-e", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: project, ...transpiled },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
}

/**
 * A folder any user may use, holding what ts-node has transpiled in this run so far: the run's own folder is its
 * owner's alone, and a command run as another user would otherwise transpile the command line afresh each time.
 */
function transpiledForAnyone(folder: string): void {
  chmodSync(folder, 0o777);
  const kept = path.join(runRoot() ?? "", "transpiled");
  const copy = path.join(folder, "transpiled");
  if (existsSync(kept)) cpSync(kept, copy, { recursive: true });
  else mkdirSync(copy);
  chmodSync(copy, 0o777);
}

/**
 * Preloaded into the child: after the first temporary output is written, it says so and holds the
 * write for a few seconds, so the test's Ctrl-C lands between one output and the next.
 */
const HOLD_AFTER_FIRST_OUTPUT = `
const fs = require("fs/promises");
const write = fs.writeFile;
let held = false;
fs.writeFile = async (...args) => {
  await write(...args);
  if (!held && String(args[0]).includes(".partial-")) {
    held = true;
    process.stdout.write("FIRST OUTPUT WRITTEN\\n");
    await new Promise((resolve) => setTimeout(resolve, 4000));
  }
};
`;

test("Ctrl-C between the group workbook and the CSV leaves neither, nor any temporary file", async () => {
  const folder = tempDir();
  const returns = tempDir();
  await sampleReturn(returns);
  const hook = path.join(tempDir(), "hold.js");
  writeFileSync(hook, HOLD_AFTER_FIRST_OUTPUT);
  const running = child(
    ["consolidate", returns, "-o", path.join(folder, "group.xlsx"), "--csv", path.join(folder, "group.csv")],
    { preload: hook },
  );
  let stdout = "";
  running.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
    if (text.includes("FIRST OUTPUT WRITTEN")) running.kill("SIGINT");
  });
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    running.on("exit", (code, signal) => resolve({ code, signal })),
  );
  expect(stdout).toContain("FIRST OUTPUT WRITTEN");
  expect(ended).toEqual({ code: null, signal: "SIGINT" });
  expect(readdirSync(folder)).toEqual([]);
}, 120_000);

/**
 * A file its owner may not read. Tests run as root, whom permissions do not stop, so root gives the
 * file to nobody (65534) without read permission and runs the command line as a user who is not
 * its owner; anyone else simply runs it.
 */
test("an input that may not be read is one line, exit 2, in every command", async () => {
  // Beside the run's folder (which only its owner may enter), in a folder any user may enter.
  const folder = mkdtempSync(path.join(path.dirname(tmpdir()), "nps-permission-"));
  const transpiled = mkdtempSync(path.join(path.dirname(tmpdir()), "nps-transpiled-"));
  try {
    transpiledForAnyone(transpiled);
    await commandsRefuse(folder, transpiled);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(transpiled, { recursive: true, force: true });
  }
}, 300_000);

async function commandsRefuse(folder: string, transpiled: string): Promise<void> {
  chmodSync(folder, 0o777);
  const file = await sampleReturn(folder);
  const asRoot = process.getuid?.() === 0;
  chmodSync(file, 0o000);
  const out = (name: string) => path.join(folder, name);
  const runs = [
    ["check", file],
    ["repair", file, out("repaired.xlsx")],
    ["sign-off", file, "-o", out("signed.xlsx"), "--by", "Sam Lead"],
    ["consolidate", file, "-o", out("group.xlsx")],
  ];
  const said = `${file} could not be read: it may not be read (permission denied).`;
  for (const args of runs) {
    const running = child(args, asRoot ? { uid: 65534, transpiled } : {});
    let stderr = "";
    let stdout = "";
    running.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    running.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    const code = await new Promise<number | null>((resolve) => running.on("exit", resolve));
    expect({ command: args[0], code, text: `${stderr}${stdout}` }).toEqual({
      command: args[0],
      code: 2,
      text: expect.stringContaining(said),
    });
    if (args[0] !== "consolidate") expect(stderr.trim().split("\n")).toHaveLength(1);
  }
  expect(readdirSync(folder)).toEqual(["return.xlsx"]);
}
