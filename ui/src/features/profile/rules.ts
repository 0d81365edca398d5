// What the rule editor does with a rule's text before it shows it: the
// tokens it colours, where the core's error points, how a column is written
// into a rule, and the sentences for a count. The core's parser decides
// what a rule means and whether it is valid (shared/spec/rules-v1.md); this
// reads the text only as far as colouring needs, and follows the core's
// lexer (src/rules/parse.rs) so that the colours agree with its errors.
import type { RuleCount, RuleError, Unreadable } from "../../ipc";
import { count } from "../../shared/numbers";

/** The table loaded in the Data view, whose columns a rule can name. */
export type LoadedTable = { name: string; columns: string[]; sheet: string | null };

/** What a piece of a rule's text is, for its colour. */
export type TokenKind =
  /** `and`, `starts`, `TRUE`: the grammar's words, in any case. */
  | "keyword"
  /** `"big city"`, escapes included. */
  | "text"
  | "number"
  /** `2026-01-31`, unquoted. */
  | "date"
  /** A column written plainly: `age`. */
  | "name"
  /** A column in backticks: `` `job title` ``. */
  | "column"
  /** `=`, `!=`, `<`, `<=`, `>`, `>=`. */
  | "operator"
  | "paren"
  | "comma"
  | "space"
  /** A character the grammar has no use for. */
  | "other";

/** A token and where it lies in the text (UTF-16 offsets, as strings index). */
export type Token = {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** A text or backticked column that runs to the end without its closing
   * quote or backtick. */
  open?: true;
};

/** The grammar's keywords; a column named like one is written in backticks. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "and",
  "or",
  "not",
  "in",
  "between",
  "contains",
  "starts",
  "ends",
  "with",
  "any",
  "is",
  "missing",
  "present",
  "true",
  "false",
]);

/** Whether `word` is a keyword. Like the core (`eq_ignore_ascii_case`), only
 * ASCII letters fold. */
export function isKeyword(word: string): boolean {
  return KEYWORDS.has(word.replace(/[A-Z]/g, (c) => c.toLowerCase()));
}

// Rust's `char::is_alphabetic` is the Alphabetic property and
// `is_alphanumeric` adds the Numeric categories, so these read the same
// names as the core does, in any script.
const NAME = /\p{Alphabetic}[\p{Alphabetic}\p{N}_]*/uy;
const PLAIN_NAME = /^\p{Alphabetic}[\p{Alphabetic}\p{N}_]*$/u;
const SPACE = /\p{White_Space}+/uy;
// An escape takes the character after the backslash, whatever it is (the
// core refuses all but \" and \\, and says so); a lone backslash at the end
// stays in the text.
const TEXT = /"(?:[^"\\]|\\[\s\S]?)*("?)/y;
const COLUMN = /`[^`]*(`?)/y;
const DATE = /\d{4}-\d{2}-\d{2}/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const OPERATOR = /[!<>]=|[=<>]/y;
const ANY = /[\s\S]/uy;

/** The patterns in the order they are tried; the first that matches wins. */
const PATTERNS: readonly [TokenKind, RegExp][] = [
  ["space", SPACE],
  ["text", TEXT],
  ["column", COLUMN],
  ["date", DATE],
  ["number", NUMBER],
  ["name", NAME],
  ["operator", OPERATOR],
  ["paren", /[()]/y],
  ["comma", /,/y],
  ["other", ANY],
];

/**
 * The tokens of a rule's text, for colouring. They cover the text end to
 * end, so their texts joined give it back; nothing is refused (a text
 * without its closing quote runs to the end, marked `open`). O(length).
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    for (const [kind, pattern] of PATTERNS) {
      pattern.lastIndex = at;
      const m = pattern.exec(source);
      if (m === null || m[0] === "") continue;
      const text = m[0];
      const token: Token = {
        kind: kind === "name" && isKeyword(text) ? "keyword" : kind,
        text,
        start: at,
        end: at + text.length,
      };
      // The closing quote or backtick is the group; absent, the token is open.
      if ((kind === "text" || kind === "column") && m[1] === "") token.open = true;
      tokens.push(token);
      at = token.end;
      break;
    }
  }
  return tokens;
}

/**
 * The offset in `source` of a 1-based line and column counted in
 * characters (code points), as the core reports them. A position past the
 * end of its line is the end of that line; past the last line, the end of
 * the text. O(length).
 */
export function offsetOf(source: string, line: number, column: number): number {
  let l = 1;
  let c = 1;
  let at = 0;
  for (const ch of source) {
    if (l === line && (c === column || ch === "\n")) return at;
    if (l > line) return at;
    if (ch === "\n") {
      l += 1;
      c = 1;
    } else {
      c += 1;
    }
    at += ch.length;
  }
  return at;
}

/** A stretch of the text to mark as wrong; `start === end` marks a point
 * (the end of the rule, or the end of a line). */
export type Mark = { start: number; end: number };

/**
 * What to underline for the core's error: from its position to the end of
 * the token there (the rest of `"big` after a missing quote, the whole of
 * `>>`'s second `>`), or a point where there is no token (the end of the
 * rule, a line's end, a space).
 */
export function errorMark(source: string, error: RuleError): Mark {
  const at = offsetOf(source, error.line, error.column);
  const token = tokenize(source).find((t) => t.start <= at && at < t.end);
  if (token === undefined || token.kind === "space") return { start: at, end: at };
  return { start: at, end: token.end };
}

/** A run of text of one kind, marked or not, as the editor draws it, and
 * where it starts. An empty marked piece is a point mark. */
export type Piece = { kind: TokenKind; text: string; start: number; marked: boolean };

/** The tokens of `source` cut where `mark` begins and ends. O(length). */
export function pieces(source: string, mark: Mark | null = null): Piece[] {
  const out: Piece[] = [];
  const point = mark !== null && mark.start === mark.end ? mark.start : null;
  for (const t of tokenize(source)) {
    const cuts = [t.start, t.end];
    if (mark !== null && point === null) {
      for (const c of [mark.start, mark.end]) if (c > t.start && c < t.end) cuts.push(c);
    }
    if (point !== null && point > t.start && point < t.end) cuts.push(point);
    cuts.sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i += 1) {
      const from = cuts[i] ?? t.start;
      const to = cuts[i + 1] ?? t.end;
      if (point === from) out.push({ kind: t.kind, text: "", start: from, marked: true });
      const marked = mark !== null && point === null && from >= mark.start && to <= mark.end;
      out.push({ kind: t.kind, text: source.slice(from, to), start: from, marked });
    }
  }
  if (point !== null && point >= source.length) {
    out.push({ kind: "space", text: "", start: source.length, marked: true });
  }
  return out;
}

/** "Line 2, column 3: expected a value after "<"". */
export function errorSentence(error: RuleError): string {
  return `Line ${error.line}, column ${error.column}: ${error.message}`;
}

/**
 * How a rule names the column `column`: plainly when it is a name (a letter,
 * then letters, digits and `_`) and no keyword, else in backticks; null
 * when no rule can name it (a backtick in it, or only spaces).
 */
export function columnReference(column: string): string | null {
  const name = column.trim();
  if (name === "" || name.includes("`")) return null;
  if (PLAIN_NAME.test(name) && !isKeyword(name)) return name;
  return `\`${name}\``;
}

/** A text after an insertion, and the caret after the inserted part. */
export type Insertion = { text: string; insert: string; caret: number };

/**
 * `source` with `reference` put in place of the selection `start..end`,
 * with a space on either side where it would otherwise run into a word
 * (none after an opening or before a closing parenthesis or a comma).
 */
export function insertReference(
  source: string,
  start: number,
  end: number,
  reference: string,
): Insertion {
  const from = Math.max(0, Math.min(start, source.length));
  const to = Math.max(from, Math.min(end, source.length));
  const before = source.slice(0, from);
  const after = source.slice(to);
  const lead = before === "" || /[\s(]$/u.test(before) ? "" : " ";
  const trail = after === "" || /^[\s),]/u.test(after) ? "" : " ";
  const insert = `${lead}${reference}${trail}`;
  return { text: `${before}${insert}${after}`, insert, caret: from + insert.length };
}

/** The key a column is matched by: trimmed, lower case, as the core's
 * header does. */
function columnKey(column: string): string {
  return column.trim().toLowerCase();
}

/**
 * The columns of `named` (as the rule writes them) that `columns` (the
 * table's header) lacks, matched case-insensitively after trimming; each
 * once, in the rule's order. O(named + columns).
 */
export function missingColumns(named: readonly string[], columns: readonly string[]): string[] {
  const present = new Set(columns.map(columnKey));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const column of named) {
    const key = columnKey(column);
    if (present.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(column.trim());
  }
  return out;
}

/** "1,204", as every count in the app reads. */
export const formatCount = count;

/**
 * The core's share (matched / records) as a percentage to one decimal:
 * "40.1%". A few matches never read as none ("<0.1%"), nor all but a few
 * as all (">99.9%").
 */
export function formatShare(count: Pick<RuleCount, "records" | "matched" | "share">): string {
  const pct = count.share * 100;
  if (count.matched > 0 && pct < 0.05) return "<0.1%";
  if (count.matched < count.records && pct >= 99.95) return ">99.9%";
  return `${pct.toFixed(1)}%`;
}

/** "Matches 1,204 of 3,000 records (40.1%)". */
export function countSentence(count: RuleCount): string {
  if (count.records === 0) return "The table has no records";
  const noun = count.records === 1 ? "record" : "records";
  return `Matches ${formatCount(count.matched)} of ${formatCount(count.records)} ${noun} (${formatShare(count)})`;
}

/** "12 cells of age could not be read". */
export function unreadableSentence(u: Unreadable): string {
  const cells = u.cells === 1 ? "1 cell" : `${formatCount(u.cells)} cells`;
  return `${cells} of ${u.column} could not be read`;
}
