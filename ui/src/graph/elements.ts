import type { ElementDefinition } from "cytoscape";
import type { MapNode, MapView } from "../ipc";
import { productWidth } from "./labels";
import { layout, NO_SEGMENT, type Position } from "./layout";
import { nameLabels } from "./lod";

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

/**
 * The colour key: each customer segment with a colour of its own, then the
 * grey shared by the rest and by personas with none ("Other or none" when
 * some segments are grey, else "None").
 */
export function colourKey(map: MapView): [name: string, colour: string][] {
  const colours = segmentColours(map);
  const named = map.customer_segments.filter(([id]) => colours.get(id) !== NO_COLOUR);
  const greyed = map.customer_segments.length > named.length;
  return [
    ...named.map(([id, name]) => [name, colours.get(id) ?? NO_COLOUR] as [string, string]),
    [greyed ? "Other or none" : "None", NO_COLOUR],
  ];
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
 * In the overview (`open` not null), the bubbles count the personas the
 * map's filter keeps (`kept`, null when nothing is filtered).
 */
export function elements(
  map: MapView,
  visible: Visibility,
  saved: ReadonlyMap<string, Position> = new Map(),
  open: ReadonlySet<string> | null = null,
  kept: ReadonlySet<string> | null = null,
): ElementDefinition[] {
  const positions = layout(map);
  for (const [id, p] of saved) {
    if (positions.has(id)) positions.set(id, p);
  }
  const colours = segmentColours(map);
  const out: ElementDefinition[] = [];
  const shown = new Set<string>();
  const hasOrphans = map.nodes.some((n) => n.kind === "persona" && n.parent === null);
  // In the overview, the personas of a closed box are drawn as one bubble;
  // `gathered` says which bubble stands for each of them.
  const gathered = new Map<string, string>();
  if (open !== null) {
    for (const c of clusters(map, positions, colours, open, kept)) {
      out.push(c.element);
      shown.add(c.id);
      for (const id of c.members) gathered.set(id, c.id);
    }
  }

  for (const n of map.nodes) {
    if (n.kind === "market_segment" && !shown.has(clusterId(n.id))) {
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
  if (hasOrphans && !shown.has(clusterId(NO_SEGMENT))) {
    out.push({
      group: "nodes",
      data: { id: NO_SEGMENT, label: "No market segment" },
      classes: "segment",
    });
  }
  for (const n of map.nodes) {
    const position = positions.get(n.id);
    if (n.kind === "persona") {
      if (gathered.has(n.id)) continue;
      out.push({
        group: "nodes",
        data: {
          id: n.id,
          label: n.label,
          ...nameLabels(n.label),
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
        data:
          n.kind === "product"
            ? { id: n.id, label: n.label, width: productWidth(n.label) }
            : { id: n.id, label: n.label, ...nameLabels(n.label) },
        ...(position ? { position } : {}),
        classes: n.kind,
      });
      shown.add(n.id);
    }
  }
  // An edge's id says what it joins, so that it stays the same edge when
  // the map is patched after an edit; a repeat gets a number.
  const seen = new Map<string, number>();
  // Links of gathered personas become one line per bubble and end, as
  // thick as the links it stands for are many.
  const bundles = new Map<string, { source: string; target: string; kind: string; n: number }>();
  const boxes = new Map<string, string>();
  if (gathered.size > 0) {
    for (const n of map.nodes) {
      if (n.kind === "persona" && !gathered.has(n.id)) boxes.set(n.id, n.parent ?? NO_SEGMENT);
    }
  }
  for (const e of map.edges) {
    const source = gathered.get(e.source);
    const target = gathered.get(e.target);
    if (source !== undefined || target !== undefined) {
      // A persona drawn on its own, linked to a bubble, is stood for by
      // its box: one line between the two, not one per persona.
      const from = source ?? boxes.get(e.source) ?? e.source;
      const to = target ?? boxes.get(e.target) ?? e.target;
      if (from === to || !(shown.has(from) && shown.has(to))) continue;
      const key = `${e.kind}:${from}>${to}`;
      const b = bundles.get(key);
      if (b) b.n += 1;
      else bundles.set(key, { source: from, target: to, kind: e.kind, n: 1 });
      continue;
    }
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
  for (const [id, b] of bundles) {
    out.push({
      group: "edges",
      data: {
        id,
        source: b.source,
        target: b.target,
        weight: b.n,
        width: Math.min(14, 1 + 2 * Math.log2(b.n)),
      },
      classes: `${b.kind} bundle`,
    });
  }
  return out;
}

/** Above this many personas the map opens as an overview: a bubble per
 * market segment, opened into its personas on a click. Drawing each of
 * 2,000 personas at launch took most of a second and showed unreadable dots. */
export const OVERVIEW_AT = 1000;

/** Whether `map` opens as an overview. */
export function isOverview(map: MapView): boolean {
  let personas = 0;
  for (const n of map.nodes) if (n.kind === "persona") personas += 1;
  return personas > OVERVIEW_AT;
}

/** The id of the bubble that stands for the personas of box `box`. */
export const clusterId = (box: string): string => `${box}::all`;

/** The box a bubble stands for, or null when `id` is not a bubble. */
export function boxOfCluster(id: string): string | null {
  return id.endsWith("::all") ? id.slice(0, -"::all".length) : null;
}

/** What the findings say about the personas of one bubble, in words: two
 * to a line. */
function findingsLines(members: MapNode[]): string[] {
  const count = (test: (n: MapNode) => boolean) => members.filter(test).length;
  const parts: [number, string][] = [
    [count((n) => n.marks.includes("underserved")), "underserved"],
    [count((n) => n.marks.includes("golden")), "golden"],
    [count((n) => n.marks.includes("overlap")), "overlapping"],
    [count((n) => n.low_confidence), "low confidence"],
  ];
  const said = parts
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n.toLocaleString("en")} ${words}`);
  const lines: string[] = [];
  for (let i = 0; i < said.length; i += 2) lines.push(said.slice(i, i + 2).join(" · "));
  return lines;
}

/**
 * How many personas a bubble stands for: all of them ("980 personas"), or,
 * with a filter on, how many of them it keeps ("312 of 980 personas").
 */
export function bubbleCount(all: number, kept: number | null = null): string {
  const personas = all === 1 ? "persona" : "personas";
  const total = all.toLocaleString("en");
  return kept === null
    ? `${total} ${personas}`
    : `${kept.toLocaleString("en")} of ${total} ${personas}`;
}

type Cluster = { id: string; members: string[]; element: ElementDefinition };

/**
 * A bubble for each box of personas that is not open: placed at the middle
 * of where its personas sit, as large as their box allows (so that an open
 * box never covers a bubble), with a slice of the customer segments'
 * colours for each persona's segment. With a filter on (`kept`), its count,
 * findings and slices are those of the personas the filter keeps; its place
 * and size stay, so that filtering never moves the map. O(personas).
 */
function clusters(
  map: MapView,
  positions: ReadonlyMap<string, Position>,
  colours: ReadonlyMap<string, string>,
  open: ReadonlySet<string>,
  kept: ReadonlySet<string> | null,
): Cluster[] {
  const names = new Map<string, string>([[NO_SEGMENT, "No market segment"]]);
  for (const n of map.nodes) if (n.kind === "market_segment") names.set(n.id, n.label);
  const boxes = new Map<string, MapNode[]>();
  for (const n of map.nodes) {
    if (n.kind !== "persona") continue;
    const box = n.parent ?? NO_SEGMENT;
    if (open.has(box)) continue;
    const list = boxes.get(box) ?? [];
    list.push(n);
    boxes.set(box, list);
  }
  const out: Cluster[] = [];
  for (const [box, members] of boxes) {
    let x1 = Number.POSITIVE_INFINITY;
    let y1 = Number.POSITIVE_INFINITY;
    let x2 = Number.NEGATIVE_INFINITY;
    let y2 = Number.NEGATIVE_INFINITY;
    const slices = new Array<number>(SLICES.length).fill(0);
    for (const n of members) {
      const p = positions.get(n.id);
      if (p) {
        x1 = Math.min(x1, p.x);
        y1 = Math.min(y1, p.y);
        x2 = Math.max(x2, p.x);
        y2 = Math.max(y2, p.y);
      }
    }
    const counted = kept === null ? members : members.filter((n) => kept.has(n.id));
    // A bubble whose personas the filter all leaves out is hidden; its
    // slices stay those of everyone rather than divide by nought.
    for (const n of counted.length > 0 ? counted : members) {
      const colour = (n.customer_segment && colours.get(n.customer_segment)) || NO_COLOUR;
      const found = SLICES.indexOf(colour);
      const slice = found < 0 ? SLICES.length - 1 : found;
      slices[slice] = (slices[slice] ?? 0) + 1;
    }
    if (!Number.isFinite(x1)) x1 = y1 = x2 = y2 = 0;
    // Boxes are wider than tall: the bubble takes the left of its box's
    // space and its words the rest, to its right.
    const size = Math.max(120, Math.min(x2 - x1, y2 - y1) * 0.8 + 60);
    const left = Math.min((x1 + x2) / 2, x1 + size / 2);
    const id = clusterId(box);
    const count = members.length;
    const sliced = slices.reduce((a, b) => a + b, 0);
    const data: Record<string, string | number> = {
      id,
      box,
      count,
      size,
      font: Math.round(size / 7),
      label: [
        names.get(box) ?? box,
        bubbleCount(count, kept === null ? null : counted.length),
        ...findingsLines(counted),
      ]
        .filter(Boolean)
        .join("\n"),
    };
    slices.forEach((n, i) => {
      data[`slice${i + 1}`] = (100 * n) / sliced;
    });
    out.push({
      id,
      members: members.map((n) => n.id),
      element: {
        group: "nodes",
        data,
        position: { x: left, y: (y1 + y2) / 2 },
        classes: "cluster",
        grabbable: false,
      },
    });
  }
  return out;
}

/** The colours a bubble's slices can take, in order: the palette, then grey. */
export const SLICES = [...PALETTE, NO_COLOUR];
