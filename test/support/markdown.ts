/**
 * The project's documentation as tests read it: README.md and the pages in docs/, their links and the anchors
 * GitHub gives their headings. Pure: it reads files and nothing else.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");

/** README.md first, then docs/*.md by name: the order a reader (and the README's examples) follow. */
export function docPages(): string[] {
  const docs = readdirSync(path.join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(ROOT, "docs", name));
  return [path.join(ROOT, "README.md"), ...docs];
}

/** The text with fenced code blocks and inline code taken out, so a link shown as code is not followed. */
export function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** Every link and image target in the text, outside code, as written. */
export function linkTargets(markdown: string): string[] {
  const targets = [...withoutCode(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)];
  return targets.map((match) => match[1]);
}

/** The anchor GitHub gives a heading (github-slugger's rules): lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link in a heading keeps only its text
    .replace(/`/g, "")
    .replace(/(\*\*|__|\*|\b_|_\b)/g, "") // emphasis marks, which the rendered text no longer has
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
}

/** The anchors of every heading in the text; a repeated heading gets -1, -2… as on GitHub. */
export function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of withoutCode(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  return found;
}

/** Why a relative link from `page` does not resolve; undefined when it does, or when it leaves the repository's files. */
export function brokenLink(page: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:: not a file here
  const [file, anchor] = splitAnchor(target);
  const resolved = file === "" ? page : path.resolve(path.dirname(page), decodeURIComponent(file));
  if (!existsSync(resolved)) return `${target}: no file ${path.relative(ROOT, resolved)}`;
  if (anchor === undefined) return undefined;
  if (!resolved.endsWith(".md")) return `${target}: an anchor into a file that is not Markdown`;
  if (anchors(readFileSync(resolved, "utf8")).has(decodeURIComponent(anchor).toLowerCase())) return undefined;
  return `${target}: no heading in ${path.relative(ROOT, resolved)} has the anchor #${anchor}`;
}

function splitAnchor(target: string): [string, string | undefined] {
  const hash = target.indexOf("#");
  return hash < 0 ? [target, undefined] : [target.slice(0, hash), target.slice(hash + 1)];
}

/** The shell blocks of the text, each a list of commands (comments dropped, "quoted words" kept whole). */
export function shellBlocks(markdown: string): string[][][] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((block) =>
    block[1]
      .split("\n")
      .map((line) => line.replace(/\s+#.*$/, "").trim())
      .filter((line) => line !== "")
      .map((line) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((word) => word[1] ?? word[2])),
  );
}
