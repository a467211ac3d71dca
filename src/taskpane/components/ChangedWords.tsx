/**
 * An edited toolkit text with the changed words marked, from the `diff` library's word diff: words the
 * edit removed struck through, words it added underlined, each also named for screen readers. Loaded
 * with import() (FindingsList), so the library weighs on the pane only once such a finding is shown.
 */
import { diffWordsWithSpace } from "diff";
import { paneWords } from "../../core/words/pane";
import { usePaneStyles } from "./styles";

/** Unchanged stretches longer than this keep only their ends, so a one-word edit in a paragraph reads at once. */
export const KEEP_UNCHANGED = 60;
const END = 25;

/** The parts of an unchanged stretch that stay: its ends next to a change, with "…" for what is left out. */
export function shortened(text: string, { first, last }: { first: boolean; last: boolean }): string {
  if (text.length <= KEEP_UNCHANGED) return text;
  const head = first ? "" : text.slice(0, END);
  const tail = last ? "" : text.slice(-END);
  return `${head}…${tail}`;
}

export default function ChangedWords({ toolkit, found }: { toolkit: string; found: string }) {
  const styles = usePaneStyles();
  const parts = diffWordsWithSpace(toolkit, found);
  return (
    <span className={styles.longText}>
      {parts.map((part, index) => {
        if (part.removed)
          return (
            <del key={index} className={styles.removed}>
              <span className={styles.visuallyHidden}>[{paneWords.findings.removed}: </span>
              {part.value}
              <span className={styles.visuallyHidden}>]</span>
            </del>
          );
        if (part.added)
          return (
            <ins key={index} className={styles.added}>
              <span className={styles.visuallyHidden}>[{paneWords.findings.added}: </span>
              {part.value}
              <span className={styles.visuallyHidden}>]</span>
            </ins>
          );
        return (
          <span key={index}>{shortened(part.value, { first: index === 0, last: index === parts.length - 1 })}</span>
        );
      })}
    </span>
  );
}
