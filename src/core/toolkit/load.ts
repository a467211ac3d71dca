import { z } from "zod";
import { sha256Hex } from "../util/sha256";
import { toolkitSchema, type Toolkit } from "./schema";

/** Raised when toolkit data fails the schema; the message names every failing field. */
export class ToolkitError extends Error {
  constructor(readonly problems: string[]) {
    super(`The toolkit data is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ToolkitError";
  }
}

function describeIssue(issue: z.ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
  return `${where}: ${issue.message}`;
}

/** Validates unknown data (parsed JSON) as a toolkit, or throws a ToolkitError naming each bad field. */
export function parseToolkit(data: unknown): Toolkit {
  const result = toolkitSchema.safeParse(data);
  if (!result.success) throw new ToolkitError(result.error.issues.map(describeIssue));
  return result.data;
}

/** JSON with object keys sorted at every depth, so the same content always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const fingerprints = new WeakMap<Toolkit, string>();

/**
 * The content fingerprint that identifies a toolkit version: SHA-256 of its canonical JSON.
 * Remembered per toolkit object (every plan and every check asks for it); a toolkit is never
 * changed in place (the canonical one is frozen), so the remembered value stays right.
 */
export function toolkitFingerprint(toolkit: Toolkit): string {
  let fingerprint = fingerprints.get(toolkit);
  if (fingerprint === undefined) {
    fingerprint = sha256Hex(canonicalJson(toolkit));
    fingerprints.set(toolkit, fingerprint);
  }
  return fingerprint;
}
