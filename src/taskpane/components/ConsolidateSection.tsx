import { Button, Checkbox } from "@fluentui/react-components";
import { logSummaryLine } from "../../core/consolidate/log";
import type { Consolidation } from "../../core/consolidate/types";
import { listed } from "../../core/util/words";
import { paneWords } from "../../core/words/pane";
import { CONSOLIDATE_RESULT_ID } from "../consolidate-actions";
import type { ConsolidateOption, ConsolidateView } from "../state";
import { ChosenReturnsSection, RunOutcome, type ChosenReturnsTask } from "./ChosenReturnsSection";

const words = paneWords.consolidate;

interface ConsolidateProps {
  view: ConsolidateView;
  busy: boolean;
  /** In Excel the group sheets go into the open workbook; standalone they are downloaded. */
  inExcel: boolean;
  onOptionChanged: (option: ConsolidateOption, value: boolean) => void;
  onConsolidate: (files: readonly File[]) => void;
  /** In Excel: activates a group sheet written. */
  onSelectSheet?: (name: string) => Promise<void>;
}

/** The options' checkboxes, in order, and their labels. */
const OPTIONS: Record<ConsolidateOption, string> = {
  includeErrors: words.includeErrors,
  finalOnly: words.finalOnly,
  anonymise: words.anonymise,
};

const TASK: ChosenReturnsTask<Consolidation> = {
  headingId: "consolidate-heading",
  resultId: CONSOLIDATE_RESULT_ID,
  // Each looked up here, so that the words test sees every one used.
  words: {
    heading: words.heading,
    hintExcel: words.hintExcel,
    hintStandalone: words.hintStandalone,
    label: words.label,
    filesHeading: words.filesHeading,
    filesLabel: words.filesLabel,
    sheetsLabel: words.sheetsLabel,
    someLeftOutTitle: words.someLeftOutTitle,
  },
  linesOf: (consolidation) => consolidation.log,
};

/** Choose returned workbooks, consolidate them, and see (at the top) what happened and, below, each file's fate. */
export function ConsolidateSection({
  view,
  busy,
  inExcel,
  onOptionChanged,
  onConsolidate,
  onSelectSheet,
}: ConsolidateProps) {
  return (
    <ChosenReturnsSection
      task={TASK}
      options={(Object.entries(OPTIONS) as [ConsolidateOption, string][]).map(([option, label]) => (
        <Checkbox
          key={option}
          label={label}
          checked={view[option]}
          onChange={(_, data) => onOptionChanged(option, data.checked === true)}
        />
      ))}
      inExcel={inExcel}
      // Anonymised, the group is always two downloads (in Excel too): the open workbook is not one to share.
      hint={view.anonymise ? words.hintAnonymised : undefined}
      view={view}
      busy={busy}
      outcome={<Outcome view={view} onSelectSheet={onSelectSheet} />}
      buttons={({ files, disabled }) => (
        <Button appearance="primary" onClick={() => onConsolidate(files)} disabledFocusable={disabled}>
          {words.button(files.length)}
        </Button>
      )}
    />
  );
}

/** The outcome's title: what happened to the group sheets (Excel) or the file (standalone). */
function outcomeTitle(view: ConsolidateView): string {
  if (!view.written) return words.downloadedTitle;
  const { sheets, replaced } = view.written;
  if (replaced.length === 0) return words.addedTitle;
  return replaced.length === sheets.length ? words.replacedTitle : words.replacedAndAddedTitle;
}

/** Which sheets replaced the earlier consolidation's, in words; null when none did. */
function replacedLine(view: ConsolidateView): string | null {
  const replaced = view.written?.replaced ?? [];
  if (replaced.length === 0) return null;
  return words.replaced(listed(replaced.map((name) => `“${name}”`)), replaced.length);
}

/** Where the group went: links to the sheets written (Excel), or the file downloaded; a warning when a file was left out. */
function Outcome({ view, onSelectSheet }: Pick<ConsolidateProps, "view" | "onSelectSheet">) {
  if (!view.result) return null;
  return (
    <RunOutcome
      id={CONSOLIDATE_RESULT_ID}
      title={outcomeTitle(view)}
      leftOut={view.result.log.filter((entry) => entry.outcome === "left-out").length}
      words={words}
      sheets={view.written?.sheets ?? []}
      linkText={(name) => name}
      onSelectSheet={onSelectSheet}
    >
      {logSummaryLine(view.result)} {replacedLine(view)} {view.downloaded && words.openDownloaded(view.downloaded)}{" "}
      {view.keyDownloaded && words.keyDownloaded(view.keyDownloaded)}
    </RunOutcome>
  );
}
