// What the profile page does with its data before it shows or sends it:
// list edits that become one patch field, the words and dates it shows,
// and where the core's problems belong. Nothing here decides what is
// valid; the core does, and says so with a problem's path.
import type {
  Evidence,
  EvidenceKind,
  IpcError,
  ProfileFindingKind,
  ProfileRelationship,
  Scenario,
  SegmentGroup,
} from "../../ipc";
import { RELATIONSHIP_KINDS } from "../editing/relationshipForm";

/** The list with the item at `from` moved to `to`; unchanged when either
 * is out of range. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

/** The list with `item` inserted before index `at` (at the end when `at`
 * is the length or beyond). */
export function insertItem<T>(list: readonly T[], at: number, item: T): T[] {
  const i = Math.max(0, Math.min(at, list.length));
  return [...list.slice(0, i), item, ...list.slice(i)];
}

/** The list without the item at `at`. */
export function removeItem<T>(list: readonly T[], at: number): T[] {
  return list.filter((_, i) => i !== at);
}

/** The list with the item at `at` replaced; an `at` past the end appends. */
export function replaceItem<T>(list: readonly T[], at: number, item: T): T[] {
  if (at >= list.length) return [...list, item];
  return list.map((x, i) => (i === at ? item : x));
}

/**
 * A list of texts after its item `at` was edited to `text`: a blank text
 * takes the item out (that is how a user empties a row), `at` equal to the
 * length adds one, and the text is sent trimmed.
 */
export function withText(list: readonly string[], at: number, text: string): string[] {
  const t = text.trim();
  if (t === "") return removeItem(list, at);
  return replaceItem(list, at, t);
}

/** The value an optional text field is patched with: its trimmed text, or
 * null, which takes the field away. */
export function optionalText(text: string): string | null {
  const t = text.trim();
  return t === "" ? null : t;
}

/** Today as yyyy-mm-dd in the user's own time zone (not UTC's day). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "14 Oct 2026" for "2026-10-14"; the text as given when it is not a date. */
export function readableDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

/** Every persona's id in the order the persona list shows them. */
export function personaOrder(groups: readonly SegmentGroup[]): string[] {
  return groups.flatMap((g) => g.personas.map((p) => p.id));
}

/** The personas before and after `id` in `order`; null at either end, and
 * both null when `id` is not in it. */
export function neighbours(
  order: readonly string[],
  id: string,
): { previous: string | null; next: string | null } {
  const i = order.indexOf(id);
  if (i < 0) return { previous: null, next: null };
  return { previous: order[i - 1] ?? null, next: order[i + 1] ?? null };
}

/** The core's messages at exactly `path`, joined; undefined when none. */
export function problemAt(error: IpcError | null, path: string): string | undefined {
  if (error === null) return undefined;
  const here = error.problems.filter((p) => p.path === path).map((p) => p.message);
  return here.length > 0 ? here.join("; ") : undefined;
}

/**
 * What `error` says that no field in `placed` shows: its problems at other
 * paths ("path: message"), or its message when it has no problems at all
 * (a refusal that is not about one field).
 */
export function unplaced(error: IpcError | null, placed: readonly string[]): string | undefined {
  if (error === null) return undefined;
  if (error.problems.length === 0) return error.message;
  const rest = error.problems
    .filter((p) => !placed.includes(p.path))
    .map((p) => (p.path === "" ? p.message : `${p.path}: ${p.message}`));
  return rest.length > 0 ? rest.join("; ") : undefined;
}

/** Everything `error` says, for the one field at `path` that was saved:
 * its own problems first, then whatever is not placed there. */
export function messageAt(error: IpcError | null, path: string): string | undefined {
  const parts = [problemAt(error, path), unplaced(error, [path])].filter(
    (s): s is string => s !== undefined,
  );
  return parts.length > 0 ? parts.join("; ") : undefined;
}

/** The kinds of evidence in the order the form offers them, with their
 * names. */
export const EVIDENCE_KINDS: readonly [EvidenceKind, string][] = [
  ["interview", "Interview"],
  ["survey", "Survey"],
  ["crm", "Customer records"],
  ["analytics", "Analytics"],
  ["workshop", "Workshop"],
  ["assumption", "Assumption"],
];

/** What a kind of evidence is called. */
export function evidenceKindName(kind: EvidenceKind): string {
  return EVIDENCE_KINDS.find(([k]) => k === kind)?.[1] ?? kind;
}

/** A piece of evidence as its form holds it. */
export type EvidenceDraft = { kind: EvidenceKind; source: string; date: string; note: string };

/** The form of an existing piece, or of a new interview gathered `today`. */
export function evidenceDraft(e: Evidence | null, today: string): EvidenceDraft {
  if (e === null) return { kind: "interview", source: "", date: today, note: "" };
  return { kind: e.kind, source: e.source ?? "", date: e.date ?? "", note: e.note ?? "" };
}

/**
 * The piece of evidence a form describes, as the interchange format writes
 * it: empty fields left out, and the records and share of a data check
 * (which no form edits) kept from `was`.
 */
export function evidenceValue(d: EvidenceDraft, was: Evidence | null): Evidence {
  const out: Evidence = { kind: d.kind };
  const source = d.source.trim();
  const note = d.note.trim();
  if (source !== "") out.source = source;
  if (d.date !== "") out.date = d.date;
  if (note !== "") out.note = note;
  if (was?.records !== undefined) out.records = was.records;
  if (was?.share !== undefined) out.share = was.share;
  return out;
}

/** The facts of a data check: "1,240 records · 6.2% of the table". */
export function evidenceFacts(e: Evidence): string[] {
  const facts: string[] = [];
  if (e.records !== undefined) {
    const n = e.records;
    facts.push(`${n.toLocaleString("en")} ${n === 1 ? "record" : "records"}`);
  }
  if (e.share !== undefined) {
    facts.push(
      `${(e.share * 100).toLocaleString("en", { maximumFractionDigits: 1 })}% of the table`,
    );
  }
  return facts;
}

/** A scenario as the interchange format writes it: a blank story is left
 * out. */
export function scenarioValue(title: string, text: string): Scenario {
  const t = text.trim();
  return t === "" ? { title: title.trim() } : { title: title.trim(), text: t };
}

/** The first word of a name, for sentences that name a persona twice. */
export function shortName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * A relationship as a sentence, in the words of the relationship form:
 * "Dana influences Kwame", or "Kwame reports to Dana" when the other one
 * acts. Split in three so the page can set the other persona in bold.
 */
export function relationshipSentence(
  r: ProfileRelationship,
  self: string,
): { before: string; other: string; after: string } {
  const verb = RELATIONSHIP_KINDS.find(([k]) => k === r.kind)?.[1] ?? r.kind;
  const other = r.persona.name;
  return r.outgoing
    ? { before: `${shortName(self)} ${verb} `, other, after: "" }
    : { before: "", other, after: ` ${verb} ${shortName(self)}` };
}

const FINDING_NAMES: Record<ProfileFindingKind, string> = {
  health: "Health",
  golden: "Golden",
  duplicate: "Duplicate",
  underserved: "Underserved",
  overlap: "Overlap",
  multi_product: "Several products",
  buying_unit: "Buying unit",
};

/** The short name of a kind of finding, for its tag. */
export function findingName(kind: ProfileFindingKind): string {
  return FINDING_NAMES[kind];
}

/** A 0..1 value as a whole percentage for a bar's width: "75%". */
export function percent(v: number): string {
  return `${Math.round(Math.max(0, Math.min(1, v)) * 100)}%`;
}
