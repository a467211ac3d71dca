/**
 * A moderation as a plan writes it and a reader reads it back: who the respondents were (the source returns, kept
 * in the metadata) and each one's levels, beside the notes the meeting types. The agreed levels themselves are
 * the key area sheets' pickers, so they are answers like any others (answer-types.ts).
 */

/** One source return of a moderation. */
export interface ModerationSource {
  /** The file's name as the user gave it. */
  file: string;
  respondent: string;
  role: string;
  /** SHA-256 (hex) of the return's answers as moderated (src/core/answers/fingerprint.ts), to tell a later change. */
  answersFingerprint: string;
}

/** One respondent's levels for a behaviour: canonical level names, or "" for none. */
export interface RespondentLevels {
  current: string;
  target: string;
}

export interface ModerationRecord {
  sources: ModerationSource[];
  /** By behaviour ID: each source's levels, in the order of `sources`. */
  levels: Record<string, RespondentLevels[]>;
  /** The moderation notes typed on the Moderation sheet, by behaviour ID (none when blank). */
  notes: Record<string, string>;
}
