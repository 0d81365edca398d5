// The keyboard shortcuts, as data: the menu's (src-tauri/src/menu.rs holds
// their accelerators), and the keys the views handle themselves. F1 lists
// them. A key combination is written as its keys in order, modifiers
// first; "Ctrl" is Cmd on a Mac, as the menu's CmdOrCtrl is.

/** One key combination, e.g. ["Ctrl", "Shift", "Z"]. */
export type Combo = readonly string[];

/** Where a key means what it says: the menu's keys work everywhere, the
 * others only where their group says. */
export type Scope =
  | "menu"
  | "map"
  | "profile"
  | "views"
  | "presenting"
  | "lists"
  | "fields"
  | "dialogs";

/** What one shortcut does, and the key combinations that do it. */
export type Shortcut = { keys: readonly Combo[]; what: string };

/** Shortcuts that belong together, under a heading. */
export type ShortcutGroup = { title: string; scope: Scope; items: readonly Shortcut[] };

const ctrl = (...keys: string[]): Combo => ["Ctrl", ...keys];
const shift = (...keys: string[]): Combo => ["Ctrl", "Shift", ...keys];
const one = (...keys: string[]): Combo => keys;

export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: "File",
    scope: "menu",
    items: [
      { keys: [ctrl("N")], what: "New project" },
      { keys: [ctrl("O")], what: "Open a project" },
      { keys: [shift("S")], what: "Save the project as another file" },
      { keys: [ctrl("I")], what: "Import a workbook, CSV files or a Kumu map" },
      { keys: [shift("M")], what: "Merge another project into this one" },
      { keys: [shift("D")], what: "Compare with another version" },
      { keys: [ctrl("E")], what: "Export the map as PNG" },
      { keys: [shift("E")], what: "Export the map as SVG" },
      { keys: [ctrl("P")], what: "Export the persona one-pager" },
      { keys: [shift("P")], what: "Export the portfolio report" },
      { keys: [ctrl("Q")], what: "Quit" },
    ],
  },
  {
    title: "Edit",
    scope: "menu",
    items: [
      { keys: [ctrl("Z")], what: "Undo (in a field: undo the typing)" },
      { keys: [shift("Z")], what: "Redo" },
      { keys: [ctrl("F")], what: "Find a persona" },
      { keys: [shift("N")], what: "New persona" },
      { keys: [ctrl("L")], what: "Draw a relationship (link mode)" },
    ],
  },
  {
    title: "View",
    scope: "menu",
    items: [
      { keys: [ctrl("1")], what: "Map" },
      { keys: [ctrl("2")], what: "Personas" },
      { keys: [ctrl("3")], what: "Portfolio" },
      { keys: [ctrl("4")], what: "Matrices" },
      { keys: [ctrl("5")], what: "Journeys" },
      { keys: [ctrl("6")], what: "Customer data" },
      { keys: [ctrl("0")], what: "Fit the map to the window" },
      { keys: [ctrl("D")], what: "Save what the map shows as a view" },
      { keys: [one("F5")], what: "Present the saved views" },
      { keys: [one("F1")], what: "Keyboard shortcuts (this list)" },
    ],
  },
  {
    title: "Map",
    scope: "map",
    items: [{ keys: [one("Escape")], what: "Let go of what is selected, and its dimming" }],
  },
  {
    title: "Persona profile",
    scope: "profile",
    items: [
      { keys: [one("Alt", "Left"), one("[")], what: "Previous persona" },
      { keys: [one("Alt", "Right"), one("]")], what: "Next persona" },
      { keys: [one("Escape")], what: "Back to where the profile was opened from" },
    ],
  },
  {
    title: "Saved views",
    scope: "views",
    items: [
      { keys: [one("Up"), one("Down")], what: "Go through the views" },
      { keys: [one("Enter")], what: "Show the view on the map" },
      { keys: [one("Alt", "Up"), one("Alt", "Down")], what: "Move the view up or down" },
      { keys: [one("F2")], what: "Rename the view" },
      { keys: [one("Delete")], what: "Delete the view (Ctrl+Z brings it back)" },
    ],
  },
  {
    title: "Presenting views",
    scope: "presenting",
    items: [
      { keys: [one("Right"), one("PageDown"), one("Space")], what: "Next view" },
      { keys: [one("Left"), one("PageUp")], what: "Previous view" },
      { keys: [one("Home"), one("End")], what: "First or last view" },
      { keys: [one("Escape")], what: "Stop presenting" },
    ],
  },
  {
    title: "Lists and matrices",
    scope: "lists",
    items: [
      { keys: [one("Up"), one("Down")], what: "Move through search matches and lists" },
      { keys: [one("Left"), one("Right")], what: "Move across a matrix's cells" },
      { keys: [one("PageUp"), one("PageDown")], what: "Move ten rows in a matrix" },
      { keys: [one("Enter")], what: "Open the persona, match or cell" },
    ],
  },
  {
    title: "Fields edited in place",
    scope: "fields",
    items: [
      { keys: [one("Enter")], what: "Save the field" },
      { keys: [one("Shift", "Enter")], what: "New line in a longer text" },
      { keys: [ctrl("Enter")], what: "Save a longer form, or a rule" },
      { keys: [one("Escape")], what: "Cancel the change" },
    ],
  },
  {
    title: "Dialogs",
    scope: "dialogs",
    items: [
      { keys: [one("Enter")], what: "Save, or do what the main button says" },
      { keys: [one("Escape")], what: "Cancel and close" },
      { keys: [one("Tab"), one("Shift", "Tab")], what: "Next or previous field" },
    ],
  },
];

/** A combination as one string, to compare: "Ctrl+Shift+Z". */
export function comboText(combo: Combo): string {
  return combo.join("+");
}

/**
 * The combinations that mean two things where both apply: a menu key used
 * twice, or anywhere else too (the menu takes it first), or a key given
 * twice in one scope. Empty when the list is sound. O(shortcuts).
 */
export function clashes(groups: readonly ShortcutGroup[]): string[] {
  const menu = new Set<string>();
  const byScope = new Map<Scope, Set<string>>();
  const out: string[] = [];
  const all = groups.flatMap((g) =>
    g.items.flatMap((s) => s.keys.map((k) => ({ scope: g.scope, key: comboText(k) }))),
  );
  for (const { scope, key } of all) {
    const seen = byScope.get(scope) ?? new Set<string>();
    byScope.set(scope, seen);
    if (seen.has(key)) out.push(`${key} twice in ${scope}`);
    seen.add(key);
    if (scope === "menu") menu.add(key);
  }
  for (const { scope, key } of all) {
    if (scope !== "menu" && menu.has(key)) out.push(`${key} is the menu's and ${scope}'s`);
  }
  return out;
}

/** How each key is written on a key cap, on a Mac and elsewhere. */
const CAPS: Record<string, { mac: string; other: string }> = {
  Ctrl: { mac: "⌘", other: "Ctrl" },
  Shift: { mac: "⇧", other: "Shift" },
  Alt: { mac: "⌥", other: "Alt" },
  Left: { mac: "←", other: "←" },
  Right: { mac: "→", other: "→" },
  Up: { mac: "↑", other: "↑" },
  Down: { mac: "↓", other: "↓" },
  PageUp: { mac: "Page Up", other: "Page Up" },
  PageDown: { mac: "Page Down", other: "Page Down" },
  Escape: { mac: "Esc", other: "Esc" },
  Enter: { mac: "Return", other: "Enter" },
  Delete: { mac: "Delete", other: "Delete" },
};

/** A key as its cap reads: "Ctrl" is "⌘" on a Mac, "Left" is "←". */
export function keyCap(key: string, mac: boolean): string {
  const cap = CAPS[key];
  return cap === undefined ? key : mac ? cap.mac : cap.other;
}

/** A combination in words for a screen reader or a tooltip: "Ctrl+Shift+Z". */
export function comboLabel(combo: Combo, mac: boolean): string {
  return combo.map((k) => keyCap(k, mac)).join("+");
}

/** Whether the window runs on a Mac, where Ctrl reads as Cmd. */
export function onMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/**
 * The groups with only the shortcuts a query finds, by what they do or by
 * their keys as written ("ctrl+shift", "F5"), or whole by their title;
 * every group for an empty query, and no group left empty. O(shortcuts).
 */
export function findShortcuts(
  groups: readonly ShortcutGroup[],
  query: string,
  mac: boolean,
): ShortcutGroup[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === "") return [...groups];
  const found = (s: Shortcut) =>
    s.what.toLocaleLowerCase().includes(q) ||
    s.keys.some(
      (k) =>
        comboText(k).toLocaleLowerCase().includes(q) ||
        comboLabel(k, mac).toLocaleLowerCase().includes(q),
    );
  return groups.flatMap((g) => {
    // A group found by its title is shown whole.
    if (g.title.toLocaleLowerCase().includes(q)) return [g];
    const items = g.items.filter(found);
    return items.length > 0 ? [{ ...g, items }] : [];
  });
}
