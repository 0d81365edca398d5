// What the Data view shows of a match, worked out apart from React so that
// it is tested on its own: figures as people read them, the personas' bars,
// the pairs set beside the overlap findings.
import type { MatchReport, Overlap, PersonaMatch, TableMatch } from "../../ipc";
import { count } from "../../shared/numbers";

export { count };

/** A share as people read it: 6.2%, "under 0.1%" for a sliver, as the
 * core's sentences write it. */
export function percent(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 0.1) return "under 0.1%";
  return `${p.toFixed(1)}%`;
}

/** A file's size as people read it: 94.1 MB, 812 KB, 310 bytes. */
export function size(bytes: number): string {
  if (bytes < 1_000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1e3)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** How far a match has read, from 0 to 1. */
export function progressShare(read: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(1, Math.max(0, read / total));
}

/** The records the report sorts into: one persona, none, several. */
export type Split = { only: number; none: number; several: number };

/** Records matched by exactly one persona, by none, by two or more. */
export function split(report: MatchReport): Split {
  const only = report.personas.reduce((sum, p) => sum + p.only, 0);
  return { only, none: report.unmatched, several: report.ambiguous };
}

/** One persona's row: its bar's lengths (0..1 of the longest bar, so that
 * small figures still show) and why it was not tested, if it was not. */
export type PersonaRow = {
  match: PersonaMatch;
  /** The part of the bar for records only this persona matches. */
  only: number;
  /** The part for records other personas match too. */
  shared: number;
  /** The columns the table lacks that the rule needs; empty when tested. */
  lacks: string[];
};

/** The personas' rows in the report's order (largest first). */
export function personaRows(report: MatchReport): PersonaRow[] {
  const longest = Math.max(1, ...report.personas.map((p) => p.matched));
  return report.personas.map((match) => ({
    match,
    only: match.only / longest,
    shared: (match.matched - match.only) / longest,
    lacks: report.missing_columns
      .filter((m) => m.personas.includes(match.persona))
      .map((m) => m.column),
  }));
}

/** A pair of personas that claim the same records, with the overlap
 * finding about the same two, if the analysis made one. */
export type PairRow = {
  personas: [string, string];
  shared: number;
  /** The share of the smaller persona's records that the other claims. */
  ofSmaller: number;
  overlap: Overlap | null;
};

/** The report's pairs, each beside its overlap finding. */
export function pairRows(report: MatchReport, overlaps: readonly Overlap[]): PairRow[] {
  const matched = new Map(report.personas.map((p) => [p.persona, p.matched]));
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const byPair = new Map(overlaps.map((o) => [key(o.personas[0], o.personas[1]), o]));
  return report.pairs.map((p) => {
    const [a, b] = p.personas;
    const smaller = Math.min(matched.get(a) ?? 0, matched.get(b) ?? 0);
    return {
      personas: [a, b],
      shared: p.shared,
      ofSmaller: smaller === 0 ? 0 : p.shared / smaller,
      overlap: byPair.get(key(a, b)) ?? null,
    };
  });
}

/** The sentence over the unmatched records' values. */
export function unmatchedSentence(report: MatchReport): string {
  if (report.records === 0) return "The table has no records.";
  if (report.unmatched === 0) return "Every record fits at least one persona.";
  const share = percent(report.unmatched / report.records);
  const records = report.unmatched === 1 ? "record fits" : "records fit";
  return `${count(report.unmatched)} ${records} no persona (${share}). Where they differ from the rest may be a persona nobody has written yet.`;
}

/** What the table is, in a line: "3,000 records · 11 columns · 412 KB". */
export function tableLine(found: TableMatch): string {
  const { report } = found;
  const parts = [
    `${count(report.records)} ${report.records === 1 ? "record" : "records"}`,
    `${report.source.columns.length} ${report.source.columns.length === 1 ? "column" : "columns"}`,
    size(found.bytes),
  ];
  if (found.sheet !== null) parts.push(`sheet ${found.sheet}`);
  return parts.join(" · ");
}

/** The sentence of the account view. */
export function accountsSentence(report: MatchReport): string | null {
  const a = report.accounts;
  if (!a) return null;
  if (a.total === 0) return `No record has a value in ${a.column}, so there are no accounts.`;
  if (a.missing_roles.length === 0)
    return `${count(a.total)} accounts; the project has no required buying role to look for.`;
  const accounts = a.total === 1 ? "account has" : "accounts have";
  return `${count(a.complete)} of ${count(a.total)} ${accounts} every required buying role (${percent(a.complete / a.total)}): a buying unit that can close.`;
}

/** The columns a user may group accounts by: all but those the rules test
 * as numbers or dates would do, but any column is allowed; the likely ones
 * (account, company, organisation) first. */
export function accountChoices(columns: readonly string[]): string[] {
  const likely = (c: string) => /account|company|organi[sz]ation|customer|domain/i.test(c);
  return [...columns.filter(likely), ...columns.filter((c) => !likely(c))];
}

/** How many of a persona's records no other persona claims, in words. */
export function sharing(matched: number, only: number): string {
  if (matched === 0) return "no record";
  if (only === matched) return "none shared";
  if (only === 0) return "all shared";
  return `${count(matched - only)} shared`;
}
