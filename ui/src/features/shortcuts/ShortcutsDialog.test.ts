import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { SHORTCUTS } from "./shortcuts";

const dialog = (mac: boolean) =>
  renderToStaticMarkup(createElement(ShortcutsDialog, { onClose: () => undefined, mac }));

describe("the keyboard shortcuts dialog", () => {
  it("shows every group, each shortcut a row of keys and what they do", () => {
    const html = dialog(false);
    for (const g of SHORTCUTS) expect(html).toContain(`aria-label="${g.title}"`);
    const rows = html.match(/<tr>/g) ?? [];
    expect(rows).toHaveLength(SHORTCUTS.reduce((n, g) => n + g.items.length, 0));
  });

  it("draws a combination as key caps inside one kbd", () => {
    const html = dialog(false);
    expect(html).toContain(
      '<kbd class="sc-combo" title="Ctrl+Shift+Z"><span><kbd class="sc-key">Ctrl</kbd></span>' +
        '<span><span class="sc-plus">+</span><kbd class="sc-key">Shift</kbd></span>' +
        '<span><span class="sc-plus">+</span><kbd class="sc-key">Z</kbd></span></kbd>',
    );
  });

  it("writes Ctrl as ⌘ on a Mac", () => {
    expect(dialog(true)).toContain('title="⌘+⇧+Z"');
    expect(dialog(false)).not.toContain("⌘+");
  });
});
