// What the Import, Export, Merge and Compare dialogs say, worked out from
// what the core sends: counts in words, the names of formats and kinds,
// and a field's value as one short line. Nothing here talks to the shell.
import type {
  Counts,
  Diff,
  ExportFormat,
  ImportFormat,
  IpcError,
  MenuCommand,
  TypeChoice,
} from "../../ipc";

/** A count and the noun it counts, agreeing with it ("1 need", "3 needs"). */
export type Tally = { count: number; noun: string };

/** "1,200 personas": a tally as words. */
export function tallyText({ count, noun }: Tally): string {
  return `${count.toLocaleString("en")} ${noun}`;
}

/** "12 personas, 1 need", or `none` when there is nothing. */
export function talliesText(tallies: Tally[], none = "nothing"): string {
  return tallies.length === 0 ? none : tallies.map(tallyText).join(", ");
}

function agree(count: number, one: string): Tally {
  return { count, noun: count === 1 ? one : `${one}s` };
}

// People first, then what they are grouped by, what they need and buy,
// and last how they relate, buy together and move through a journey.
const COUNTED: [keyof Counts, string][] = [
  ["personas", "persona"],
  ["market_segments", "market segment"],
  ["customer_segments", "customer segment"],
  ["buying_roles", "buying role"],
  ["needs", "need"],
  ["products", "product"],
  ["competitors", "competitor"],
  ["relationships", "relationship"],
  ["buying_units", "buying unit"],
  ["journeys", "journey"],
];

/** What a project holds, each kind it has at least one of, in a fixed order. */
export function countTallies(counts: Counts): Tally[] {
  return COUNTED.filter(([key]) => counts[key] > 0).map(([key, one]) => agree(counts[key], one));
}

/**
 * What a merge adds, by the kind the core names ("persona", "buying unit",
 * "relationship"), in the order `countTallies` uses; a kind it does not
 * know yet comes last, as named. The counts are typed as bigint, but JSON
 * brings them as numbers, and either converts.
 */
export function addedTallies(added: Partial<Record<string, bigint | number>>): Tally[] {
  const order = COUNTED.map(([, one]) => one);
  const rank = (kind: string) => {
    const at = order.indexOf(kind);
    return at === -1 ? order.length : at;
  };
  return Object.entries(added)
    .flatMap(([kind, n]) =>
      n === undefined || Number(n) === 0 ? [] : [[kind, Number(n)] as const],
    )
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([kind, n]) => agree(n, kind));
}

const IMPORT_FORMATS: Record<ImportFormat, string> = {
  kumu: "a Kumu map",
  xlsx: "an Excel workbook",
  // The dialog chooses one file; a folder of them is read by the CLI.
  csv: "a CSV file",
  persona_atlas: "a Persona Atlas project",
  auto: "a file of the kind its content shows",
};

/** "Read as a Kumu map": what a file was taken to be. */
export function readAs(format: ImportFormat): string {
  return `Read as ${IMPORT_FORMATS[format]}`;
}

/** The kinds a Kumu element type can become, as the core names them. */
export const TARGETS = [
  { id: "persona", label: "Persona" },
  { id: "market_segment", label: "Market segment" },
  { id: "customer_segment", label: "Customer segment" },
  { id: "buying_role", label: "Buying role" },
  { id: "need", label: "Need" },
  { id: "product", label: "Product" },
  { id: "competitor", label: "Competitor" },
] as const;

/** What a Kumu element type is brought in as; "" leaves its elements out. */
export type Target = (typeof TARGETS)[number]["id"] | "";

/** Kumu element type → what the user chose for it. */
export type Mapping = Readonly<Record<string, Target>>;

/** The choices to send: each mapped type; the types left out are not sent
 * at all, which is how the core leaves them out. */
export function typeChoices(mapping: Mapping): TypeChoice[] {
  return Object.entries(mapping).flatMap(([type, target]) =>
    target === "" ? [] : [{ type, target }],
  );
}

/** The name of a Kumu element type in a row; elements without one get a
 * description instead of an empty name. */
export function kumuTypeName(type: string): string {
  return type.trim() === "" ? "Without a type" : type;
}

/** "2 elements", "1 element". */
export function elementsText(n: number): string {
  return tallyText(agree(n, "element"));
}

/** Why a Kumu map's connections stay out, with how many. */
export function connectionsLeftOut(n: number): string {
  const count = tallyText(agree(n, "connection"));
  return `${count} ${n === 1 ? "is" : "are"} left out: an end is not brought in, or the two ends are of kinds we do not link.`;
}

/** A note of the core's ("elements without a label were left out (3)") as
 * a sentence: a capital first, a full stop last. */
export function sentence(note: string): string {
  const text = note.trim();
  if (text === "") return text;
  const capital = text.charAt(0).toLocaleUpperCase("en") + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The longest a value's text runs before it is cut. */
export const VALUE_LIMIT = 120;

function cut(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit).join("").trimEnd()}…`;
}

/**
 * A field's value in one short line: a text quoted (on one line), a list of
 * texts joined with commas, a list of anything else counted, a number as it
 * is, yes or no, "none" for nothing; whatever else, as compact JSON. The
 * line is cut at `limit` characters.
 */
export function valueText(value: unknown, limit = VALUE_LIMIT): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "string") return `“${cut(value.replace(/\s+/g, " ").trim(), limit)}”`;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    if (value.every((v) => typeof v === "string")) return cut(value.join(", "), limit);
    return value.length === 1 ? "1 item" : `${value.length.toLocaleString("en")} items`;
  }
  return cut(JSON.stringify(value) ?? String(value), limit);
}

// A tooltip shows a cut value at more length, not at any length: a long
// description still makes a readable tooltip.
const TITLE_LIMIT = 1000;

/** The longer text of a value `valueText` cut, for a tooltip; undefined
 * when it was shown whole. */
export function valueTitle(value: unknown): string | undefined {
  const longer = valueText(value, TITLE_LIMIT);
  return longer === valueText(value) ? undefined : longer;
}

/** Whether two versions hold the same, with the same findings. */
export function diffIsEmpty(diff: Diff): boolean {
  return (
    diff.project.length === 0 &&
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.findings_appeared.length === 0 &&
    diff.findings_gone.length === 0
  );
}

const EXPORTS: Partial<Record<MenuCommand, ExportFormat>> = {
  export_xlsx: "xlsx",
  export_csv: "csv",
  export_graphml: "graphml",
  export_gexf: "gexf",
  export_kumu: "kumu",
};

/** The format a File > Export item writes, or null for any other command. */
export function exportFormatOf(command: MenuCommand): ExportFormat | null {
  return EXPORTS[command] ?? null;
}

/** Whether File > Import, an Export, Merge or Compare asked for `command`. */
export function isTransferCommand(command: MenuCommand): boolean {
  return (
    command === "import" ||
    command === "merge" ||
    command === "compare" ||
    exportFormatOf(command) !== null
  );
}

/**
 * What a failure says above its list of problems. The core's message lists
 * the first problems itself, a line each, after its first line ("… has 3
 * problems:"); with the problems listed whole beside it, only that first
 * line is kept.
 */
export function failureHeadline(error: IpcError): string {
  if (error.problems.length === 0) return error.message;
  const first = error.message.split("\n", 1)[0]?.trim() ?? "";
  return first === "" ? "The file has problems:" : first;
}

/** Whether a failed read should be shown in the import dialog, problem by
 * problem, rather than in a banner: only a file with placed problems. */
export function showsProblems(error: IpcError): boolean {
  return error.problems.length > 0;
}
