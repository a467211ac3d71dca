/**
 * Every word the command line prints that it writes itself (the checker, the consolidation and the
 * sign-off bring their own): usage and help, usage errors, summaries, and the problems of files it
 * reads and writes. Plain data and small functions, in one place beside the pane's, so a Welsh
 * catalogue could sit beside this one. test/core/words/words.test.ts checks that each entry is used
 * and that the command line builds no sentence of its own.
 */
import { COUNCIL_TYPES, REGIONS } from "../plan/council-groups";
import { ASSESSMENT_YEARS } from "../util/dates";
import { plural } from "../util/words";

const { first, last } = ASSESSMENT_YEARS;

export const cliWords = {
  /** `nps-toolkit --help`: `list` is the commands, one a line. */
  topHelp: (
    version: string,
    list: string,
  ) => `NPS Toolkit for Excel ${version}: self-assessment workbooks for the LGA National Procurement Strategy 2018 toolkit.

Usage:
  nps-toolkit <command> [options]
  nps-toolkit <command> --help     what a command does, and its options
  nps-toolkit --version            the version number

Commands:
${list}

Options may come before or after the command. From a clone of the project, without installing it:
  npm run cli -- <command> [options]`,
  unknownOption: (option: string, near: string | undefined, hint: string) =>
    `Unknown option ${option}${near ? ` (did you mean --${near}?)` : ""}. ${hint}`,
  takesNoValue: (option: string, value: string) => `${option} takes no value (got "${value}").`,
  needsValue: (option: string) => `${option} needs a value.`,
  needsValueNotOption: (option: string, next: string) =>
    `${option} needs a value, but the next argument is the option ${next}. For a value that starts with "-", write ${option}=${next}.`,
  commandHelpHint: (command: string) => `Run nps-toolkit ${command} --help for its options.`,
  topHelpHint: "Run nps-toolkit --help for the options.",
  unknownCommand: (name: string, near: string | undefined) =>
    `Unknown command "${name}"${near ? `: did you mean "${near}"?` : "."} Run nps-toolkit --help for the commands.`,
  /** Every problem the command line reports starts with its name. */
  problem: (message: string) => `nps-toolkit: ${message}`,
  warning: (warning: string) => `Warning: ${warning}`,
  /** Under a finding that `nps-toolkit repair` fixes, in check's table and in sign-off's list of errors. */
  repairFixesThis: "  nps-toolkit repair fixes this",
  todayInvalid: (today: string) =>
    `--today must be a real date written YYYY-MM-DD, for example 2026-03-31 (got "${today}").`,
  notCarried: (names: readonly string[]) =>
    `Not carried across (copy them in Excel if you need them): ${names.map((name) => `"${name}"`).join(", ")}.`,

  /** Files read and written. */
  files: {
    unreadable: (file: string, reason: string) => `${file} could not be read: ${reason}.`,
    readProblems: {
      ENOENT: "there is no such file",
      EISDIR: "it is a folder, not a file",
      EACCES: "it may not be read (permission denied)",
    } as Record<string, string>,
    tooSlow: (seconds: number) =>
      `Reading this workbook took longer than ${seconds} ${seconds === 1 ? "second" : "seconds"}, so it was stopped. If it is the assessment's file, copy the assessment's sheets into a new workbook and try that.`,
    wrongExtension: (extension: string, file: string) => `The file name must end in ${extension} (got "${file}").`,
    noFolder: (folder: string) => `The folder "${folder}" does not exist.`,
    isFolder: (file: string) => `"${file}" is a folder, not a file.`,
    exists: (file: string) => `"${file}" already exists. Use --force to replace it.`,
    couldNotWrite: (file: string, reason: string | undefined, code: string) =>
      `Could not write "${file}": ${reason ?? "the operating system refused"} (${code}).`,
    writeProblems: {
      EACCES: "permission denied",
      EPERM: "the operating system does not allow it (is the file open in Excel?)",
      EBUSY: "the file is in use (is it open in Excel?)",
      EROFS: "the disk is read-only",
      ENOSPC: "the disk is full",
      EDQUOT: "the disk quota is used up",
      ENAMETOOLONG: "the file name is too long",
      ENOENT: "the folder cannot be written to, or has gone",
      ENOTDIR: "part of the path is not a folder",
      EISDIR: "it is a folder",
    } as Record<string, string>,
    interrupted: (signal: string) => `Interrupted (${signal}): no file was written.`,
    doesNotExist: (file: string) => `"${file}" does not exist.`,
    folderNotWorkbook: (file: string) => `"${file}" is a folder, not a workbook.`,
  },

  new: {
    summary: "Write a new assessment workbook (.xlsx) that works in any Excel or LibreOffice, without the add-in.",
    help: `Usage: nps-toolkit new <file.xlsx> [--council NAME] [--respondent NAME] [--role ROLE]
                                   [--council-type TYPE] [--region REGION] [--date YYYY-MM-DD] [--sample] [--from LAST.xlsx [--carry-levels]]
                                   [--draft-actions] [--force]

Writes a new assessment workbook: a Guide, one sheet per key area with level pickers and evidence
cells, a Summary, a Gaps sheet and a Data table, all computed by formulas. It works in any Excel
(2010 or later, web, Mac) and in LibreOffice, without the add-in.

Options:
  --council NAME       The council's name, shown on every sheet (you can also type it later).
  --respondent NAME    Who answers, on the Guide (several respondents of one council can then be moderated).
  --role ROLE          The respondent's role or department, on the Guide.
  --council-type TYPE  The council's type, picked on the Guide, so a group compares like with like:
                       ${COUNCIL_TYPES.join(", ")}.
  --region REGION      The council's region, picked on the Guide: ${REGIONS.join(", ")}.
  --date YYYY-MM-DD    The assessment date, from ${first} to ${last} (default: today).
  --sample             Fill in realistic example answers and evidence, for training or to try pivots
                       (each respondent's own, when --respondent is given).
  --from LAST.xlsx     Start from last year's return: the council, respondent, role and owners are
                       carried, and each behaviour's levels and evidence are shown in the locked
                       Previous columns, with the change since on the Summary, Gaps and Data sheets.
                       LAST.xlsx is only read, never changed.
  --carry-levels       With --from: pick last year's levels again as a starting point.
  --draft-actions      Add an action on the Actions sheet for each behaviour below its target that has
                       none, with the next level's description as the aim.
  --force              Replace the file if it already exists.
  -h, --help           Show this help.

Examples:
  nps-toolkit new assessment.xlsx
  nps-toolkit new anytown.xlsx --council "Anytown Council" --date 2026-03-31
  nps-toolkit new anytown.xlsx --council "Anytown Council" --council-type District --region "South West"
  nps-toolkit new training.xlsx --sample
  nps-toolkit new anytown-2026.xlsx --from anytown-2025.xlsx --date 2026-03-31
  nps-toolkit new training.xlsx --sample --draft-actions

The file is written whole or not at all. Exit status: 0 written, 1 could not write, 2 wrong usage
(or a --from file that cannot be read, holds no assessment, or is dated after this one).`,
    noFile: "Say which file to write, for example: nps-toolkit new assessment.xlsx",
    oneFile: (file: string, extra: string) => `Only one file can be written at a time (got "${file}" and "${extra}").`,
    dateInvalid: (date: string) =>
      `--date must be a real date from ${first} to ${last}, written YYYY-MM-DD, for example 2026-03-31 (got "${date}").`,
    notListed: (option: string, value: string, choices: readonly string[]) =>
      `${option} must be one of the Guide's choices: ${choices.join(", ")} (got "${value}").`,
    sampleWithFrom: "--sample and --from cannot go together: the answers come from one or the other.",
    carryLevelsWithoutFrom: "--carry-levels carries last year's levels: say which file with --from LAST.xlsx.",
    fromIsNew: (file: string) =>
      `${file} is the previous return; a new assessment never overwrites it. Name a new file for this year's.`,
    wrote: (file: string, sheets: number, behaviours: number, sampled: number | undefined) =>
      `Wrote ${file}: ${sheets} sheets, ${behaviours} behaviours${sampled === undefined ? "" : `, ${sampled} with sample answers`}.`,
  },

  check: {
    summary: "Check assessment workbooks against the toolkit they were made from, cell by cell.",
    help: `Usage:
  nps-toolkit check <file.xlsx>... [--json] [--today YYYY-MM-DD] [--source R1.xlsx --source R2.xlsx …]

Checks each assessment workbook against the toolkit version it was made from, cell by cell, and
lists what differs: edited toolkit text, changed formulas, entries that are not levels, pickers
pasted away, missing evidence, past review dates, protection lifted and more. Each finding names
its rule, sheet, cell and severity, with what was expected and what was found.

  error     a figure on Summary, Gaps or Data cannot be trusted, or the text is not the toolkit's
  warning   the figures stand, but something needs attention before the return is signed off
  info      worth knowing

The files are only read, never changed.

Options:
  --json               Print the findings as JSON instead of a table.
  --today YYYY-MM-DD   The date review dates are compared with (default: today).
  --source FILE        A return a moderated workbook was made from (nps-toolkit moderate), given again:
                       the check says whether it changed since. Give it once for each return.

Exit codes:
  0  no file has errors
  1  some file has errors
  2  some file could not be read (the other files are still checked)
`,
    noFiles: "Say which workbooks to check, for example: nps-toolkit check assessment.xlsx",
    notChecked: (file: string, problem: string) => `${file}: not checked. ${problem}`,
    counts: (file: string, errors: number, warnings: number, notes: number, against: string) =>
      `${file}: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(notes, "note")}${against}`,
    columns: ["Severity", "Sheet", "Cell", "Rule", "Finding"],
    /** The severity column in the words of the counts line (--json keeps the rule's own `info`). */
    severity: { error: "error", warning: "warning", info: "note" },
    expected: (text: string) => `  expected: ${text}`,
    found: (text: string) => `  found:    ${text}`,
    /** A --source return that could not be read as moderation reads them; `reason` says why. */
    sourceNotCompared: ({ file, reason }: { file: string; reason: string }) =>
      `${file}: not compared as a source. ${reason}`,
  },

  repair: {
    summary: "Write a new, repaired copy of an assessment workbook, with every answer carried across.",
    help: `Usage: nps-toolkit repair <in.xlsx> <out.xlsx> [--force]

Writes a NEW assessment workbook, made from the toolkit, with every answer of
<in.xlsx> carried across by behaviour ID: levels, evidence, owner, review date, the council and
the assessment date, and the answers on its Retired answers sheet. The names you gave the
assessment's sheets are kept.

<in.xlsx> is only read, never changed. Sheets of your own in it are not copied (a workbook saved
by this tool would lose what it cannot read, such as PivotTables, charts and pictures); the
command names them, so you can copy them across in Excel.

Options:
  --force    Replace <out.xlsx> if it already exists.

Exit codes: 0 written; 2 when <in.xlsx> cannot be read or holds no assessment, or the request
cannot be carried out as asked (for example <out.xlsx> is <in.xlsx>); 1 on any other failure.`,
    noFiles: "Say which workbook to repair and where to write the new one: nps-toolkit repair in.xlsx out.xlsx",
    sameFile: (file: string) =>
      `${file} is the workbook being repaired; repair never rewrites it. Name a new file for the repaired copy.`,
    noAssessment: (file: string) =>
      `${file}: this workbook holds no assessment made by the NPS Toolkit, so there is nothing to repair. To start one, run nps-toolkit new.`,
    retired: (n: number) => ` (${n} of them retired answers, kept on the Retired answers sheet)`,
    wrote: (outFile: string, version: string, carried: number, inFile: string, retired: string) =>
      `Wrote ${outFile}: a new assessment from toolkit ${version} with what was entered for ${plural(carried, "behaviour")} carried across from ${inFile}${retired}. ${inFile} was not changed.`,
  },

  signOff: {
    summary: "Write a new copy of an assessment with its answers signed off as final.",
    help: `Usage: nps-toolkit sign-off <file.xlsx> --by NAME [--on YYYY-MM-DD] [-o OUT.xlsx] [--force] [--allow-incomplete] [--with-errors]

Signs the answers of an assessment off as final: writes a NEW workbook with every answer carried
across, "Signed off by" and "Signed off on" filled in on the Guide, and a record of every answer
(a code worked out from them all) kept with them. If any answer changes afterwards, nps-toolkit check warns
(signoff.answers-changed) and the return no longer counts as final.

<file.xlsx> is only read, never changed. Sheets of your own in it are not copied (the command names
them). The workbook is checked first: a return with errors (a figure cannot be trusted) is not
signed off; the errors are listed so they can be corrected or repaired first. Warnings are
listed too, but do not stop a sign-off. A return with no current level at all is never signed
off; one whose key areas are not all complete (a behaviour without a current level) is signed off
only with --allow-incomplete, and the key areas are named either way.

Options:
  --by NAME            Who signs the answers off (required).
  --on YYYY-MM-DD      The sign-off date (default: today); not in the future.
  -o, --output FILE    The new workbook (default: <file>-signed-off.xlsx beside <file.xlsx>).
  --force              Replace the new workbook's file if it already exists.
  --allow-incomplete   Sign off even though some behaviours have no current level yet.
  --with-errors        Sign off even though the check finds errors (they are still listed).
                       An entry that is not a level (or a review date that is not a date)
                       moves into the Evidence cell, with a note that the sign-off moved it.
  -h, --help           Show this help.

Example:
  nps-toolkit sign-off anytown.xlsx --by "Sam Lead" --on 2026-11-20 -o anytown-final.xlsx

Exit codes: 0 written; 1 not signed off because the check found errors, the return has no
answers or is not complete, or any other failure;
2 when <file.xlsx> cannot be read or holds no assessment, or the request cannot be carried out as
asked (no --by, a date that is not a date, the new file is <file.xlsx>).`,
    noFile:
      'Say which workbook to sign off and who signs it off, for example: nps-toolkit sign-off anytown.xlsx --by "Sam Lead"',
    finding: (where: string, message: string, rule: string) => `  ${where}${message} (${rule})`,
    where: (sheet: string, cell: string | undefined) => `${sheet}${cell ? `!${cell}` : ""}: `,
    noAssessment: (file: string) =>
      `${file}: this workbook holds no assessment made by the NPS Toolkit, so there is nothing to sign off.`,
    refused: (file: string, message: string) => `${file}: ${message}`,
    correctErrors:
      "Correct them (nps-toolkit repair writes a copy with those marked “repair fixes this” fixed), then sign off again; or add --with-errors to sign off as it is.",
    completeFirst:
      "Pick a current level for every behaviour, then sign off again; or add --allow-incomplete to sign off as it is.",
    sameFile: (file: string) =>
      `${file} is the workbook being signed off; sign-off never rewrites it. Name a new file with -o.`,
    wrote: (outFile: string, inFile: string) =>
      `Wrote ${outFile}: a signed-off copy of ${inFile}, which was not changed.`,
    withErrors: (errors: number) => `Signed off with ${plural(errors, "error")}, as --with-errors asked:`,
    warnings: (warnings: number, file: string) =>
      `The check found ${plural(warnings, "warning")} in ${file}, which ${warnings === 1 ? "does" : "do"} not stop a sign-off:`,
  },

  consolidate: {
    summary: "Consolidate returned assessments into a group workbook (and CSVs) to compare and pivot.",
    help: `Usage:
  nps-toolkit consolidate <file.xlsx or folder>... -o group.xlsx [--csv group.csv]
                          [--actions-csv actions.csv] [--anonymise --key key.csv]
                          [--include-errors] [--final-only] [--force] [--today YYYY-MM-DD]

Consolidates returned assessment workbooks (one per council, or one per respondent in a council) into a
new group workbook: Group Summary (each return's average current score and typical level per key area
and theme, with the group's mean, lowest, highest and spread), Group Data (one row per return and
behaviour, an Excel table to pivot on), Group Actions (one row per action of every return's action
plan, an Excel table too) and the Consolidation Log (every file, its status, its findings and why any
was left out). A folder stands for the .xlsx files in it (Excel's ~$ lock files aside).

Each file is checked first. A file that is not an assessment, or whose check finds errors, is left out
(see nps-toolkit check). Returns from an older toolkit version are matched by behaviour ID. Of two
returns from the same council and respondent, the final one is used, then the one with the later
assessment date, then the one saved later. The returns are only read, never changed.

With --anonymise the group workbook is fit to send back to every council: returns are Return 1, 2, ...
with no council, respondent, role, evidence, owner or file name anywhere in it (Group Actions keeps
each action's behaviour, due date and status, not its words or note), and any group figure drawn from
fewer than 5 returns is not shown. Which council's return has which number is written only
to the key file (--key), for you to tell each council its own number.

Options:
  -o, --output FILE    The group workbook to write (.xlsx). Required.
  --csv FILE           Also write Group Data as CSV (UTF-8), for Power BI and other tools.
  --actions-csv FILE   Also write Group Actions as CSV (UTF-8).
  --anonymise          Write a group workbook (and CSVs) to share with every council.
  --key FILE           With --anonymise, required: the CSV saying whose return has which number.
  --include-errors     Use returns whose check found errors too.
  --final-only         Leave out returns that are not signed off.
  --force              Replace the output files if they exist.
  --today YYYY-MM-DD   The date the check compares review dates with (default: today).

Exit codes:
  0  every file was used
  1  some files were left out (the log says why)
  2  nothing could be consolidated, or wrong usage (no file is written)
`,
    noXlsxInFolder: (folder: string) => `The folder "${folder}" holds no .xlsx files.`,
    columns: ["Return", "Status", "Errors", "Warnings", "File", "Council"],
    noOutput: "Say where to write the group workbook: nps-toolkit consolidate returns/ -o group.xlsx",
    noKey:
      "Say where to write the key to the return numbers, which only you keep: nps-toolkit consolidate returns/ -o group.xlsx --anonymise --key key.csv",
    keyWithoutAnonymise: "--key is the key to an anonymised group: give --anonymise too, or leave --key out.",
    noFiles: "Say which returns to consolidate (files or a folder): nps-toolkit consolidate returns/ -o group.xlsx",
    isReturn: (file: string) =>
      `${file} is one of the returns; consolidate never writes over a return. Name a new file.`,
    nothing: (summary: string) => `${summary} Nothing could be consolidated, so no file was written.`,
    wrote: (files: string, summary: string, rows: number, id: string, version: string) =>
      `Wrote ${files}: ${summary} ${rows} rows on Group Data (toolkit ${id} ${version}).`,
    /** The workbook and whichever of the CSVs and the key file were written with it. */
    andCsv: (xlsx: string, ...others: (string | undefined)[]) =>
      [xlsx, ...others.filter((file): file is string => Boolean(file))].join(" and "),
    /** Two of -o, --csv, --actions-csv and --key naming the same file. */
    sameOutput: "Name a different file for each output.",
  },
} as const;
