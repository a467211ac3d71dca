import * as path from "path";
import { createRunRoot } from "./temp-root";

export default function globalSetup(): void {
  createRunRoot();
  // Set before any jest worker starts, so ts-node in every worker thread and child process of the run finds it:
  // each file ts-node transpiles is kept for the rest of the run (ts-node-transpiler.js says why).
  process.env.TS_NODE_PROJECT ??= path.join(__dirname, "tsconfig.ts-node.json");
}
