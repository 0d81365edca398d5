import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NO_FILTER } from "../../graph/filter";
import { MapCanvas } from "./MapCanvas";

const nothing = () => undefined;

/** The map's controls as the page first draws them (Cytoscape draws the
 * map itself later, in an effect, which rendering to a string never runs). */
function controls(): string {
  return renderToStaticMarkup(
    createElement(MapCanvas, {
      shown: true,
      map: { nodes: [], edges: [], customer_segments: [], names: [] },
      positions: [],
      viewKey: "test.patlas",
      visible: { products: false, needs: false },
      filter: NO_FILTER,
      focus: [],
      matches: null,
      linking: false,
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
