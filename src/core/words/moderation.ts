/**
 * The words of moderation (src/core/moderate, the command line's moderate and the pane's Moderate returns): what
 * the log says about each return, and what the user is told when nothing can be moderated.
 */
import { dateSaid } from "../util/dates";
import { plural } from "../util/words";

const HELP = `Usage:
  nps-toolkit moderate <file.xlsx or folder>... -o council.xlsx [--council NAME]
                       [--include-errors] [--force] [--today YYYY-MM-DD]

Turns several respondents' returns of one council into the council's agreed return, for a moderation
meeting: an ordinary assessment (respondent "Moderated") whose Current level and Target level pickers
hold the agreed levels, plus a Moderation sheet with every respondent's levels side by side, their
spread, a flag where they differ by two levels or more, and a moderation note to type in.

The rule: where the respondents' levels are within one level of each other, the picker is filled with
their lower median (the middle level, or the lower of the two middle levels); where they are two levels
or more apart it is left blank for the meeting to agree. Each respondent's evidence (with any owner and
review date) is merged into Evidence, named. A folder stands for the .xlsx files in it.

Each file is checked first and chosen as consolidate chooses returns: a file that is not an
assessment, or whose check finds errors, is left out; of two returns of one respondent the later is
used; an older toolkit version is matched by behaviour ID. Returns of other councils are left out.
The returns are only read, never changed; check the result later with its sources to see whether any
changed since: nps-toolkit check council.xlsx --source R1.xlsx --source R2.xlsx

Options:
  -o, --output FILE    The council's moderated workbook to write (.xlsx). Required.
  --council NAME       The council to moderate (default: the council most of the returns name).
  --include-errors     Use returns whose check found errors too.
  --force              Replace the output file if it exists.
  --today YYYY-MM-DD   The moderation's assessment date, and the date the check compares review dates with
                       (default: today).

Exit codes:
  0  every file was moderated
  1  some files were left out (the log says why)
  2  fewer than two returns of the council could be used, or wrong usage (no file is written)
`;

export const moderationWords = {
  respondent: "Moderated",
  role: (count: number) => `Agreed in moderation from ${plural(count, "respondent")}`,
  otherCouncil: (council: string, moderated: string) =>
    `Left out: a return of ${council}, not of ${moderated}, the council being moderated. Moderate each council's returns on their own.`,
  noCouncil:
    "Left out: its Guide does not name the council, so it cannot be told to be one of the council's returns. Type the council on its Guide and give it again.",
  alreadyModerated: (count: number) =>
    `Left out: it is already a moderated return (agreed from ${plural(count, "respondent")}), not one respondent's view.`,
  used: (label: string) => `Used: the levels and evidence of ${label}.`,
  /** After a respondent's evidence on the agreed return, so that nothing they gave is lost. */
  evidenceOwner: (owner: string) => `owner: ${owner}`,
  evidenceReviewDate: (date: string) => `review date: ${dateSaid(date)}`,
  tooFew: (count: number) =>
    `Moderation needs the returns of at least two respondents of one council; ${count === 0 ? "none could be used" : "only one could be used"}, so nothing was written.`,
  evidenceCut: (id: string, limit: number) =>
    `${id}: the respondents' evidence together is longer than a cell holds (${limit.toLocaleString("en-GB")} characters), so it was cut; the full text is in each return.`,
  evidenceCutMark: "[…cut here: the rest is in the respondents' returns]",
  summary: (used: number, leftOut: number, council: string, agreed: number, open: number) =>
    `${plural(used, "return")} of ${council} moderated${leftOut > 0 ? ` (${leftOut} left out)` : ""}: ${plural(agreed, "level")} pre-filled where the respondents were within one level, ${plural(open, "level")} left blank for the meeting.`,
  /** The pane's Moderate returns, and the Excel host's refusals and steps when it writes the moderation. */
  pane: {
    tab: "Moderate",
    heading: "Moderate returns",
    hintExcel:
      "Choose each respondent's return of one council. Returns of other councils, a respondent's earlier return and files that are not assessments are left out. The agreed levels are picked where the respondents are within one level, beside a Moderation sheet; your own sheets are not changed. The files are read in this browser, not uploaded.",
    hintStandalone:
      "Choose each respondent's return of one council. Returns of other councils, a respondent's earlier return and files that are not assessments are left out. The council's moderated workbook is downloaded: the agreed levels picked where the respondents are within one level, and a Moderation sheet. The files are read in this browser, not uploaded.",
    label: "Respondents' returns (.xlsx)",
    write: "Write the moderation into this workbook",
    download: "Download the moderated workbook",
    reading: (files: number) => `Reading ${plural(files, "return")}`,
    making: "Making the moderated workbook",
    checkingExcel: "Checking your version of Excel",
    readingWorkbook: "Reading your workbook",
    preparing: "Preparing the moderated return",
    finished: "Finished",
    writtenTitle: "Moderation written into this workbook.",
    downloadedTitle: "Moderated workbook downloaded.",
    someLeftOutTitle: (leftOut: number) => `${plural(leftOut, "file")} left out.`,
    openDownloaded: (fileName: string) => `Open “${fileName}” from your downloads folder in Excel.`,
    sheetsLabel: "Sheets written",
    filesHeading: "Returns",
    filesLabel: "Returns moderated",
    nothingNext:
      "The list below says what became of each file. Choose the returns of at least two respondents of one council, then moderate again.",
    answersInTheWay: (answered: number) =>
      `This workbook already holds answers (${plural(answered, "behaviour or action", "behaviours or actions")}); writing the moderation here would overwrite them, so nothing was written.`,
    otherCouncilWorkbook: (found: string, moderated: string) =>
      `This workbook is the assessment of ${found}, not of ${moderated}, the council whose returns were chosen, so nothing was written.`,
    useDownload:
      "Download the moderated workbook instead, or open a new blank workbook and write the moderation there.",
    fileName: (council: string, date: string) => `NPS moderated return - ${council} - ${date}.xlsx`,
  },
  /** The command line's own words (nps-toolkit moderate). */
  cli: {
    help: HELP,
    summary: "Moderate several respondents' returns of one council into its agreed return, with a Moderation sheet.",
    todayInvalid: (today: string) =>
      `--today must be a real date written YYYY-MM-DD, for example 2026-03-31 (got "${today}").`,
    noOutput: "Say where to write the council's workbook: nps-toolkit moderate returns/ -o council.xlsx",
    noFiles:
      "Say which returns to moderate (files or a folder): nps-toolkit moderate R1.xlsx R2.xlsx R3.xlsx -o council.xlsx",
    isAReturn: (file: string) => `${file} is one of the returns; moderate never writes over a return. Name a new file.`,
    wrote: (file: string, summary: string) => `Wrote ${file}: ${summary}`,
    logHeadings: ["Status", "File", "Council", "Respondent"],
    status: { used: "Used", leftOut: "Left out" },
  },
} as const;
