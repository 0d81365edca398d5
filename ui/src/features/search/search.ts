// The persona search: what it looks in, what it finds, and how the list of
// matches under the search box is walked with the keyboard. Lower-casing
// every field of 2,000 personas on each keystroke cost more than finding
// the matches, so the words are read and lower-cased once per project.

import type { SegmentGroup } from "../../ipc";
import { groupTitle, personaSubtitle, searchKey, searchText } from "../personas/format";

/** A persona as the search holds it. */
export type SearchEntry = {
  id: string;
  name: string;
  /** The line under the name in the list of matches. */
  detail: string;
  /** Its market segment's name. */
  segment: string;
  /** The words a query is looked for in, lower-cased. */
  text: string;
};

/** Every persona of a project, in the persona list's order. */
export type SearchIndex = {
  entries: readonly SearchEntry[];
  byId: ReadonlyMap<string, SearchEntry>;
};

/** The index of `groups`. O(personas). */
export function searchIndex(groups: readonly SegmentGroup[]): SearchIndex {
  const entries: SearchEntry[] = [];
  for (const g of groups) {
    const segment = groupTitle(g);
    for (const p of g.personas) {
      entries.push({
        id: p.id,
        name: p.name,
        detail: personaSubtitle(p),
        segment,
        text: searchText(p),
      });
    }
  }
  return { entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

/**
 * The ids of the personas `query` finds, in the persona list's order, or
 * null when the query is blank (nothing is searched for). O(personas).
 */
export function searchMatches(index: SearchIndex, query: string): string[] | null {
  const q = searchKey(query);
  if (q === "") return null;
  const out: string[] = [];
  for (const e of index.entries) if (e.text.includes(q)) out.push(e.id);
  return out;
}

/** How many matches the list under the search box shows. */
export const SHOWN_MATCHES = 8;

/** The keys that move through the list of matches. */
export type ListKey = "ArrowDown" | "ArrowUp";

/** Whether `key` moves through the list of matches. (Home and End stay
 * the text field's, as the ARIA combobox pattern has it.) */
export function isListKey(key: string): key is ListKey {
  return key === "ArrowDown" || key === "ArrowUp";
}

/**
 * The option a key moves to in a list of `count` options, from `active`:
 * Down and Up step, and wrap around at either end. -1 when the list is
 * empty.
 */
export function moveActive(active: number, count: number, key: ListKey): number {
  if (count <= 0) return -1;
  if (key === "ArrowDown") return active < 0 ? 0 : (active + 1) % count;
  return active <= 0 ? count - 1 : active - 1;
}
