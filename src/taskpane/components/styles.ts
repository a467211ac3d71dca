import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared layout for a narrow task pane (Excel's is about 320-350 pixels wide). */
export const usePaneStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    maxWidth: "40rem",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  /** The tabs wrap onto a second line rather than scroll in a narrow pane. */
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    minWidth: 0,
    // Narrow enough that four tasks, the chosen one in bold, fit on one line of the 350 px pane; with five (in
    // Excel, once the workbook holds an assessment) the last wraps onto a second line. Narrower padding was tried
    // and still wrapped, with the labels crowded together.
    paddingLeft: tokens.spacingHorizontalSNudge,
    paddingRight: tokens.spacingHorizontalSNudge,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    borderRadius: 0,
  },
  /** The task in view: its tab underlined in the brand colour, as Fluent's own tabs are. */
  selectedTab: {
    borderBottomColor: tokens.colorCompoundBrandStroke,
    fontWeight: tokens.fontWeightSemibold,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  heading: {
    margin: 0,
  },
  /**
   * A live region that is empty until an action says something: it stays in the page (a screen reader
   * listens to it from the start) but takes no room, so no double gap opens under the heading.
   */
  liveRegion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    ":empty": { marginTop: `calc(-1 * ${tokens.spacingVerticalM})` },
  },
  paragraph: {
    margin: 0,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  details: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  term: {
    fontWeight: tokens.fontWeightSemibold,
  },
  definition: {
    margin: 0,
  },
  primaryButton: {
    alignSelf: "flex-start",
  },
  /** An icon before its words, on one line. */
  iconLine: {
    margin: 0,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
  },
  /** An icon before a sentence: the sentence wraps beside the icon, never leaving it alone on a line. */
  iconBeforeText: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
  },
  /** A count of nothing: grey, with no alarm icon. */
  zeroCount: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    color: tokens.colorNeutralForeground3,
  },
  /** The progress bars per key area: a list without bullets. */
  bars: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  /** The words that changed in a toolkit text: removed struck through, added underlined, each in its colour. */
  removed: {
    textDecorationLine: "line-through",
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorNeutralForeground1,
  },
  added: {
    textDecorationLine: "underline",
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorNeutralForeground1,
  },
  /** Read by screen readers, not shown. */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  fileLine: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
  },
  counts: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  /** A row of buttons that wraps in a narrow pane. */
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  findings: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  /** Descriptors keep their line breaks (numbered items), and long words wrap in the narrow pane. */
  longText: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  fileInput: {
    maxWidth: "100%",
  },
  copyText: {
    width: "100%",
  },
});
