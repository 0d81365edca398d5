import type { ElementDefinition } from "cytoscape";
import type { MapNode, MapView } from "../ipc";
import { layout, NO_SEGMENT, type Position } from "./layout";

/** What the user chose to see. */
export type Visibility = { products: boolean; needs: boolean };

/** Up to 8 customer segments get their own colour; the rest share grey. */
export const PALETTE = [
  "#4c78a8",
  "#f58518",
  "#54a24b",
  "#b279a2",
  "#e45756",
  "#72b7b2",
  "#9d755d",
  "#eeca3b",
];
export const NO_COLOUR = "#9aa3b2";

/** The colour of each customer segment, in the order the map lists them. */
export function segmentColours(map: MapView): Map<string, string> {
  return new Map(
    map.customer_segments.map(([id], i) => [id, PALETTE[i] ?? NO_COLOUR] as [string, string]),
  );
}

function personaClasses(n: MapNode): string {
  return [
    "persona",
    ...n.marks.map((m) => `mark-${m}`),
    n.decides ? "decides" : "",
    n.low_confidence ? "low-confidence" : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * The Cytoscape elements of the map. Pure: the same data and visibility give
 * the same elements; highlighting is applied later, as classes, at render time.
 * A node the user placed (`saved`) keeps its place; the others get the grid.
 */
export function elements(
  map: MapView,
  visible: Visibility,
  saved: ReadonlyMap<string, Position> = new Map(),
): ElementDefinition[] {
  const positions = layout(map);
  for (const [id, p] of saved) {
    if (positions.has(id)) positions.set(id, p);
  }
  const colours = segmentColours(map);
  const out: ElementDefinition[] = [];
  const shown = new Set<string>();
  const hasOrphans = map.nodes.some((n) => n.kind === "persona" && n.parent === null);

  for (const n of map.nodes) {
    if (n.kind === "market_segment") {
      out.push({ group: "nodes", data: { id: n.id, label: n.label }, classes: "segment" });
      shown.add(n.id);
      const empty = positions.get(`${n.id}::empty`);
      if (empty) {
        out.push({
          group: "nodes",
          data: { id: `${n.id}::empty`, parent: n.id, label: "No personas yet" },
          position: empty,
          classes: "placeholder",
        });
      }
    }
  }
  if (hasOrphans) {
    out.push({
      group: "nodes",
      data: { id: NO_SEGMENT, label: "No market segment" },
      classes: "segment",
    });
  }
  for (const n of map.nodes) {
    const position = positions.get(n.id);
    if (n.kind === "persona") {
      out.push({
        group: "nodes",
        data: {
          id: n.id,
          label: n.label,
          parent: n.parent ?? NO_SEGMENT,
          colour: (n.customer_segment && colours.get(n.customer_segment)) || NO_COLOUR,
        },
        ...(position ? { position } : {}),
        classes: personaClasses(n),
      });
      shown.add(n.id);
    } else if ((n.kind === "product" && visible.products) || (n.kind === "need" && visible.needs)) {
      out.push({
        group: "nodes",
        data: { id: n.id, label: n.label },
        ...(position ? { position } : {}),
        classes: n.kind,
      });
      shown.add(n.id);
    }
  }
  // An edge's id says what it joins, so that it stays the same edge when
  // the map is patched after an edit; a repeat gets a number.
  const seen = new Map<string, number>();
  for (const e of map.edges) {
    if (!(shown.has(e.source) && shown.has(e.target))) continue;
    const base = `${e.kind}:${e.source}>${e.target}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({
      group: "edges",
      data: {
        id: n === 0 ? base : `${base}#${n}`,
        source: e.source,
        target: e.target,
        weight: e.weight,
      },
      classes: e.kind,
    });
  }
  return out;
}
