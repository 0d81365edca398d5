import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OVERVIEW_AT } from "../../graph/elements";
import { isFiltered, keptPersonas, type MapFilter, NO_FILTER } from "../../graph/filter";
import { mapNode } from "../../graph/testing";
import type { MapView } from "../../ipc";
import { MapCanvas } from "./MapCanvas";

const nothing = () => undefined;

/** The map's controls as the page first draws them (Cytoscape draws the
 * map itself later, in an effect, which rendering to a string never runs). */
function controls(
  map: MapView = { nodes: [], edges: [], customer_segments: [], names: [] },
  filter: MapFilter = NO_FILTER,
  linking = false,
): string {
  return renderToStaticMarkup(
    createElement(MapCanvas, {
      shown: true,
      map,
      positions: [],
      viewKey: "test.patlas",
      visible: { products: false, needs: false },
      filter,
      kept: isFiltered(filter) ? keptPersonas(map, filter) : null,
      focus: [],
      matches: null,
      linking,
      onSelect: nothing,
      onFit: nothing,
      onMoved: nothing,
      onLink: nothing,
      onLinking: nothing,
      onError: nothing,
      onExported: nothing,
      command: null,
      onCommandDone: nothing,
    }),
  );
}

/** The opening tag of the button whose text is `label`. */
function button(html: string, label: string): string {
  const found = [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].find((m) => m[1] === label);
  if (!found) throw new Error(`no button “${label}” in ${html}`);
  return found[0];
}

describe("map controls", () => {
  it("have no tooltip where a click changes the map or opens a dialog", () => {
    // WebKitGTK leaves a native tooltip on screen after the click.
    const html = controls();
    for (const label of ["Fit", "Link", "PNG", "SVG"]) {
      expect(button(html, label), label).not.toContain("title=");
    }
  });

  it("keep a name that says what the export buttons do, starting with what they show", () => {
    const html = controls();
    expect(button(html, "PNG")).toContain('aria-label="PNG: save the current view as an image"');
    expect(button(html, "SVG")).toContain('aria-label="SVG: save the current view as a drawing"');
  });
});

describe("the overview's note", () => {
  // More personas than the overview starts at, in two market segments;
  // every third one rests on little evidence.
  const count = OVERVIEW_AT + 2;
  const large: MapView = {
    nodes: [
      mapNode({ id: "ms-a", kind: "market_segment" }),
      mapNode({ id: "ms-b", kind: "market_segment" }),
      ...Array.from({ length: count }, (_, i) =>
        mapNode({
          id: `p-${i}`,
          kind: "persona",
          parent: i % 2 === 0 ? "ms-a" : "ms-b",
          low_confidence: i % 3 === 0,
        }),
      ),
    ],
    edges: [],
    customer_segments: [],
    names: [],
  };
  const note = (html: string) => html.match(/<p class="map-note"[^>]*>([^<]*)<\/p>/)?.[1];

  it("says how to open a bubble: by a click or by zooming into it", () => {
    expect(note(controls(large))).toBe(
      `${count.toLocaleString("en")} personas in 2 market segments: click a bubble, or zoom into it, to show its personas.`,
    );
  });

  it("counts the personas the filter keeps", () => {
    const low = Math.ceil(count / 3);
    expect(note(controls(large, { ...NO_FILTER, confidence: "low" }))).toMatch(
      new RegExp(`^${low} of ${count.toLocaleString("en")} personas in 2 market segments`),
    );
  });
});

describe("link mode", () => {
  it("says a persona can be linked to another persona too, and hides the note", () => {
    const html = controls(undefined, NO_FILTER, true);
    expect(html).toContain("onto a product, a need or another persona");
    expect(html).not.toContain("map-note");
  });
});
