import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SavedView } from "../../ipc";
import { Presentation } from "./Presentation";
import { SaveViewDialog } from "./SaveViewDialog";
import { ViewsPanel } from "./ViewsPanel";

// The components as first drawn (effects, and so the keys and the focus,
// do not run when rendering to a string).

const NAMES: Record<string, string> = { "ms-ent": "Enterprise", "role-dm": "Decision maker" };
const names = (id: string) => NAMES[id] ?? id;
const nothing = () => undefined;
const resolved = () => Promise.resolve();

const VIEWS: SavedView[] = [
  { name: "Overview" },
  {
    name: "Deciders",
    note: "Who signs the deal",
    filter: { market_segment: "ms-ent", buying_role: "role-dm" },
    layers: { products: true },
  },
  { name: "Close up", camera: { zoom: 2, x: 10, y: 20 } },
];

function panel(views: SavedView[], current: string | null = null): string {
  return renderToStaticMarkup(
    createElement(ViewsPanel, {
      views,
      names,
      onApply: nothing,
      onChange: resolved,
      onPresent: nothing,
      onSaveNew: nothing,
      current,
    }),
  );
}

/** The opening tags of the elements marked `data-part="…"`, in order. */
function parts(html: string, part: string): string[] {
  return [...html.matchAll(/<button[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes(`data-part="${part}"`));
}

describe("the list of saved views", () => {
  it("says how to make a view when there is none, and cannot present", () => {
    const html = panel([]);
    expect(html).toContain(
      "No saved views yet. Set the filters and zoom, then Save View (Ctrl+D).",
    );
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Present<\/button>/);
  });

  it("shows each view's name and what it shows, the current one marked", () => {
    const html = panel(VIEWS, "Deciders");
    expect(html).toContain("Enterprise · Decision maker · products shown");
    expect(html).toContain("All personas · zoom 200%");
    const apply = parts(html, "apply");
    expect(apply).toHaveLength(3);
    expect(apply[1]).toContain('aria-current="true"');
    expect(apply[0]).not.toContain("aria-current");
  });

  it("cannot move the first view up or the last one down", () => {
    const html = panel(VIEWS);
    const up = parts(html, "up");
    const down = parts(html, "down");
    expect(up[0]).toContain("disabled");
    expect(up[1]).not.toContain("disabled");
    expect(down[2]).toContain("disabled");
    expect(down[1]).not.toContain("disabled");
  });

  it("puts one row in the Tab order, as a list box does", () => {
    const tabs = parts(panel(VIEWS), "apply").map((t) => t.match(/tabindex="(-?\d)"/)?.[1]);
    expect(tabs).toEqual(["0", "-1", "-1"]);
  });
});

describe("the Save View dialog", () => {
  const dialog = (views: SavedView[]) =>
    renderToStaticMarkup(
      createElement(SaveViewDialog, {
        views,
        draft: { filter: { market_segment: "ms-ent" }, layers: { needs: true } },
        names,
        onSave: resolved,
        onClose: nothing,
      }),
    );

  it("offers a name no view has, and says what the view keeps", () => {
    const html = dialog([{ name: "View 1" }, { name: "View 2" }]);
    expect(html).toMatch(/<input[^>]*value="View 3"/);
    expect(html).toContain("<dd>Enterprise</dd>");
    expect(html).toContain("<dd>Needs</dd>");
    expect(html).toContain("<dd>Fits the map to the window</dd>");
    expect(html).toMatch(/<button type="submit"[^>]*>Save<\/button>/);
    expect(html).not.toContain("replaces it");
  });
});

describe("the presentation", () => {
  const present = (start: number) =>
    renderToStaticMarkup(
      createElement(Presentation, { views: VIEWS, start, onShow: nothing, onExit: nothing }),
    );

  it("shows the view's name, its note and where it is in the list", () => {
    const html = present(1);
    expect(html).toContain("2 / 3");
    expect(html).toContain("View 2 of 3");
    expect(html).toContain(">Deciders</h2>");
    expect(html).toContain("Who signs the deal");
  });

  it("marks Previous at the first view and Next at the last as going nowhere", () => {
    expect(present(0)).toMatch(/aria-disabled="true"[^>]*>‹ Previous/);
    expect(present(2)).toMatch(/aria-disabled="true"[^>]*>Next ›/);
    expect(present(1)).not.toContain('aria-disabled="true"');
  });

  it("starts at the last view when asked to start past it", () => {
    expect(present(9)).toContain("3 / 3");
  });
});
