// What the cells of the matrices say, and how an entered score is read.
import type { ProductLinks, ProductRelation } from "../../ipc";
import { meaning, RELATIONS } from "../../shared/relations";

export { meaning, RELATIONS };

const BADGES: Record<ProductRelation, string> = {
  owned_by: "Owned",
  targets: "Targeted",
  uses: "Uses",
  evaluates: "Evaluates",
};

/** The one-word badge of a relation in a persona × product cell. */
export function badge(relation: ProductRelation): string {
  return BADGES[relation];
}

/** A badge's width in pixels at 11 px type, estimated from its label. */
const badgeWidth = (label: string) => 6.2 * label.length + 14;
const GAP = 4;
const MORE_WIDTH = 26;

/**
 * The badges a cell has room for, and how many more there are. A cell is one
 * line `room` pixels wide (see .mx-cell); what does not fit reads "+N". The
 * first badge always shows.
 */
export function cellBadges(
  relations: readonly ProductRelation[],
  room = 112,
): { shown: string[]; more: number } {
  const labels = relations.map(badge);
  let used = 0;
  let n = 0;
  for (const [i, l] of labels.entries()) {
    const next = used + (n > 0 ? GAP : 0) + badgeWidth(l);
    const rest = i === labels.length - 1 ? 0 : GAP + MORE_WIDTH;
    if (n > 0 && next + rest > room) break;
    used = next;
    n += 1;
  }
  return { shown: labels.slice(0, n), more: labels.length - n };
}

/**
 * Column names without the words every one of them starts with ("Lanternfold
 * Pipelines", "Lanternfold Observe": "Pipelines", "Observe"), so that narrow
 * columns show what tells them apart. Nothing is cut from a single name, nor
 * when a name would be left empty.
 */
export function shortNames(names: readonly string[]): { prefix: string; names: string[] } {
  if (names.length < 2) return { prefix: "", names: [...names] };
  const words = names.map((n) => n.split(" "));
  const first = words[0] ?? [];
  let k = 0;
  while (k < first.length && words.every((w) => w.length > k + 1 && w[k] === first[k])) k += 1;
  if (k === 0) return { prefix: "", names: [...names] };
  return {
    prefix: `${first.slice(0, k).join(" ")} `,
    names: words.map((w) => w.slice(k).join(" ")),
  };
}

/** The label a screen reader gives a persona × product cell. */
export function linkLabel(
  persona: string,
  product: string,
  relations: readonly ProductRelation[],
): string {
  const how =
    relations.length === 0
      ? "not linked"
      : relations.map((r) => meaning(r).toLocaleLowerCase()).join(", ");
  return `${persona} × ${product}: ${how}`;
}

/** A row's sparse links as one entry per product column (O(links + columns)). */
export function linksByColumn(
  links: readonly ProductLinks[],
  columns: number,
): (ProductRelation[] | undefined)[] {
  const out: (ProductRelation[] | undefined)[] = new Array(columns).fill(undefined);
  for (const l of links) if (l.product < columns) out[l.product] = l.relations;
  return out;
}

/** A score as the heat map prints it: two decimals, or nothing. */
export function scoreText(score: number | null): string {
  return score === null ? "" : score.toFixed(2);
}

/** The value gap of a need as the core computes it (the best competitor's
 * score minus our best, as the legend and `persona-atlas matrix` say):
 * "+0.90" when a competitor is ahead, "—" when none is. */
export function gapText(gap: number): string {
  return gap > 0 ? `+${gap.toFixed(2)}` : "—";
}

/** Reads a score typed into the score form; a comma works as the decimal point. */
export function parseScore(text: string): { score: number } | { error: string } {
  const t = text.trim().replace(",", ".");
  if (t === "") return { error: "Enter a score from 0 to 1, or choose Not addressed." };
  const n = Number(t);
  if (!Number.isFinite(n) || !/^[+]?(\d+\.?\d*|\.\d+)$/.test(t)) {
    return { error: `“${text.trim()}” is not a number; enter one from 0 to 1, such as 0.6.` };
  }
  if (n > 1) return { error: "A score is at most 1 (fully meets the need)." };
  return { score: n };
}

/**
 * The relations to save from the boxes ticked: the ones kept stay in the
 * persona's order, new ones follow in the form's order.
 */
export function nextRelations(
  current: readonly ProductRelation[],
  ticked: ReadonlySet<ProductRelation>,
): ProductRelation[] {
  return [
    ...current.filter((r) => ticked.has(r)),
    ...RELATIONS.filter((r) => ticked.has(r) && !current.includes(r)),
  ];
}
