import { describe, expect, it } from "vitest";
import menuSource from "../../../../src-tauri/src/menu.rs?raw";
import {
  clashes,
  comboLabel,
  comboText,
  findShortcuts,
  keyCap,
  onMac,
  SHORTCUTS,
  type ShortcutGroup,
} from "./shortcuts";

const menuKeys = SHORTCUTS.filter((g) => g.scope === "menu").flatMap((g) =>
  g.items.flatMap((s) => s.keys.map(comboText)),
);

describe("the list of shortcuts", () => {
  it("gives no key combination two meanings where both would apply", () => {
    expect(clashes(SHORTCUTS)).toEqual([]);
  });

  it("holds every accelerator the menu has, and none it has not", () => {
    // What F1 shows must be what the menu does: read from the menu's own
    // source, a key added, changed or dropped there fails here.
    const accelerators = [
      ...menuSource.matchAll(/\.accelerator\("([^"]+)"\)|"(CmdOrCtrl\+[^"]+|F\d+)"/g),
    ]
      .map((m) => (m[1] ?? m[2] ?? "").replace("CmdOrCtrl", "Ctrl"))
      .filter((k) => k !== "");
    expect(accelerators.length).toBeGreaterThan(20);
    expect([...new Set(menuKeys)].sort()).toEqual([...new Set(accelerators)].sort());
  });

  it("says what every shortcut does, with at least one key", () => {
    for (const group of SHORTCUTS) {
      expect(group.items.length, group.title).toBeGreaterThan(0);
      for (const s of group.items) {
        expect(s.what.trim(), group.title).not.toBe("");
        expect(s.keys.length, s.what).toBeGreaterThan(0);
      }
    }
  });
});

describe("finding a clash", () => {
  const group = (scope: ShortcutGroup["scope"], ...keys: string[][]): ShortcutGroup => ({
    title: scope,
    scope,
    items: keys.map((k) => ({ keys: [k], what: k.join("+") })),
  });

  it("finds a key given twice in one scope", () => {
    expect(clashes([group("map", ["Escape"], ["Escape"])])).toEqual(["Escape twice in map"]);
  });

  it("finds a menu key given twice, or used by a view too", () => {
    expect(clashes([group("menu", ["Ctrl", "D"]), group("menu", ["Ctrl", "D"])])).toEqual([
      "Ctrl+D twice in menu",
    ]);
    expect(clashes([group("menu", ["F5"]), group("presenting", ["F5"])])).toEqual([
      "F5 is the menu's and presenting's",
    ]);
  });

  it("lets one key mean different things in places that never meet", () => {
    expect(clashes([group("map", ["Escape"]), group("dialogs", ["Escape"])])).toEqual([]);
  });
});

describe("how keys are written", () => {
  it("writes Ctrl as Cmd on a Mac, and arrows as arrows", () => {
    expect(comboLabel(["Ctrl", "Shift", "Z"], false)).toBe("Ctrl+Shift+Z");
    expect(comboLabel(["Ctrl", "Shift", "Z"], true)).toBe("⌘+⇧+Z");
    expect(keyCap("Left", false)).toBe("←");
    expect(keyCap("Alt", true)).toBe("⌥");
    expect(keyCap("PageDown", false)).toBe("Page Down");
    expect(keyCap("F5", true)).toBe("F5");
  });

  it("knows a Mac by its platform", () => {
    expect(onMac("MacIntel")).toBe(true);
    expect(onMac("Linux x86_64")).toBe(false);
    expect(onMac("Win32")).toBe(false);
  });
});

describe("finding a shortcut", () => {
  it("finds by what it does, by its keys, and a group by its title", () => {
    const what = findShortcuts(SHORTCUTS, "redo", false);
    expect(what.map((g) => g.title)).toEqual(["Edit"]);
    expect(what[0]?.items.map((s) => s.what)).toEqual(["Redo"]);

    const keys = findShortcuts(SHORTCUTS, "ctrl+shift+p", false);
    expect(keys.flatMap((g) => g.items.map((s) => s.what))).toEqual([
      "Export the portfolio report",
    ]);

    const title = findShortcuts(SHORTCUTS, "presenting", false);
    expect(title.map((g) => g.title)).toEqual(["Presenting views"]);
    expect(title[0]?.items.length).toBe(4);
  });

  it("finds keys as a Mac writes them", () => {
    const found = findShortcuts(SHORTCUTS, "⌘+⇧+z", true);
    expect(found.flatMap((g) => g.items.map((s) => s.what))).toEqual(["Redo"]);
  });

  it("gives every group for no query, and none for a query nothing matches", () => {
    expect(findShortcuts(SHORTCUTS, "  ", false)).toHaveLength(SHORTCUTS.length);
    expect(findShortcuts(SHORTCUTS, "zzzz", false)).toEqual([]);
  });
});
