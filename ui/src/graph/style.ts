import type { NodeSingular, StylesheetJson } from "cytoscape";
import { SLICES } from "./elements";
import { PRODUCT_FONT_PX, PRODUCT_TEXT_MAX } from "./labels";
import {
  DETAIL_CLASS,
  EMPHASIS_STEPS,
  emphasisClass,
  emphasisFont,
  FAR_FONT,
  NAME_WIDTH,
  NEAR_FONT,
} from "./lod";

/** Reads a colour from the page's CSS variables, so the map follows dark mode. */
function cssVar(name: string, fallback: string): string {
  if (typeof document === "undefined") return fallback;
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** Room for a name's lines past NAME_WIDTH, so that the map never breaks
 * again the lines elements.ts broke (its widths may round differently). */
const NAME_SLACK = 20;
/** How wide a name pointed at or chosen is written, at zoom 1. */
const WHOLE_NAME_WIDTH = 200;
/** The kinds of node whose names are emphasised when pointed at or chosen. */
const NAMED = ["persona", "need", "product"] as const;

/** The states in which a node's name is written whole (see MapCanvas). */
const EMPHASISED = [".hover", ".focused", ".drop-target"];

/** `node.<kind><state>` for each named kind and each state, as one selector. */
const named = (states: string[]): string =>
  NAMED.flatMap((kind) => states.map((state) => `node.${kind}${state}`)).join(", ");

/**
 * The map's look: one place for every colour, shape and line. A `large` map
 * (thousands of personas) lets Cytoscape skip the labels too small to read
 * without asking each one: one of the costs that made a 2,000-persona map
 * slow to appear. Names are broken into lines in advance (elements.ts), so
 * that drawing one never measures it word by word.
 */
export function stylesheet(large = false): StylesheetJson {
  const text = cssVar("--text", "#1c2330");
  const muted = cssVar("--muted", "#5d6677");
  const surface = cssVar("--surface", "#ffffff");
  const border = cssVar("--border", "#dfe3e9");
  const accent = cssVar("--accent", "#2f64d6");
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-family": "system-ui, sans-serif",
        "font-size": 11,
        color: text,
        "text-wrap": "wrap",
        "text-max-width": `${NAME_WIDTH + NAME_SLACK}px`,
        "min-zoomed-font-size": large ? 9 : 0,
      },
    },
    {
      selector: "node.segment",
      style: {
        shape: "round-rectangle",
        "background-color": surface,
        "background-opacity": 0.6,
        "border-color": border,
        "border-width": 1,
        // Room for two lines of name under the bottom row: the box does not
        // grow with its labels (below), so that a name written whole on
        // hover does not make it jump.
        padding: "30px",
        "compound-sizing-wrt-labels": "exclude",
        "text-valign": "top",
        "text-halign": "center",
        "font-size": 14,
        "font-weight": "bold",
        "text-margin-y": -6,
        "text-max-width": "600px",
        color: muted,
      },
    },
    {
      // A closed box of the overview: a bubble sliced by customer segment,
      // its name and counts written large enough to read at Fit.
      selector: "node.cluster",
      style: {
        shape: "ellipse",
        width: "data(size)",
        height: "data(size)",
        "background-color": surface,
        "border-color": muted,
        "border-width": 2,
        "pie-size": "100%",
        ...Object.fromEntries(
          SLICES.flatMap((colour, i) => [
            [`pie-${i + 1}-background-color`, colour],
            [`pie-${i + 1}-background-size`, `data(slice${i + 1})`],
          ]),
        ),
        label: "data(label)",
        "font-size": "data(font)",
        "font-weight": "bold",
        "text-wrap": "wrap",
        "text-max-width": "4000px",
        "text-valign": "center",
        "text-halign": "right",
        // A gap of one letter between the bubble and its words.
        "text-margin-x": (n: NodeSingular) => Number(n.data("font")) || 24,
        "text-background-color": surface,
        "text-background-opacity": 0.9,
        "text-background-shape": "roundrectangle",
        "text-background-padding": "6px",
        "min-zoomed-font-size": 0,
        color: text,
      },
    },
    {
      selector: "node.placeholder",
      style: {
        shape: "round-rectangle",
        width: 140,
        height: 30,
        "background-opacity": 0,
        "border-style": "dashed",
        "border-width": 1,
        "border-color": border,
        "text-valign": "center",
        "font-style": "italic",
        color: muted,
      },
    },
    {
      selector: "node.persona",
      style: {
        shape: "ellipse",
        width: 22,
        height: 22,
        "background-color": "data(colour)",
        label: "data(near)",
        "font-size": NEAR_FONT,
        "text-valign": "bottom",
        "text-margin-y": 4,
        // Each stroke is a second pass over the node; a large map strokes
        // only the nodes a finding marks.
        "border-width": large ? 0 : 2,
        "border-color": surface,
      },
    },
    { selector: "node.persona.decides", style: { shape: "diamond", width: 26, height: 26 } },
    // A persona resting on too little evidence is drawn faint: a fill, not a
    // border, which the findings' marks use.
    { selector: "node.persona.low-confidence", style: { "background-opacity": 0.35 } },
    // Before the marks below, whose borders win when a persona has several.
    {
      selector: "node.mark-multi_product",
      style: large
        ? { "border-color": accent, "border-width": 2 }
        : { "outline-color": accent, "outline-width": 2, "outline-offset": 2 },
    },
    {
      selector: "node.mark-underserved",
      style: {
        "border-color": "#d62f2f",
        "border-width": 3,
        "border-style": large ? "solid" : "dashed",
      },
    },
    {
      selector: "node.mark-golden",
      style: { "border-color": "#d4a017", "border-width": 5, width: 30, height: 30 },
    },
    {
      // As wide as its name (see labels.ts), which is written inside it.
      selector: "node.product",
      style: {
        shape: "round-rectangle",
        width: "data(width)",
        height: 28,
        "background-color": accent,
        color: "#ffffff",
        "text-valign": "center",
        "font-size": PRODUCT_FONT_PX,
        "font-weight": "bold",
        "text-wrap": "ellipsis",
        "text-max-width": `${PRODUCT_TEXT_MAX}px`,
      },
    },
    {
      selector: "node.need",
      style: {
        shape: "round-tag",
        width: 18,
        height: 18,
        "background-color": muted,
        label: "data(near)",
        "text-valign": "bottom",
        "font-size": NEAR_FONT,
      },
    },
    // Zoomed out, names are written larger, and past that left out (the
    // names inside products cannot grow, so they go first); the boxes'
    // names grow on, since they are what the user finds their way by.
    {
      selector: `node.persona.${DETAIL_CLASS.far}, node.need.${DETAIL_CLASS.far}`,
      style: { label: "data(far)", "font-size": FAR_FONT },
    },
    { selector: `node.segment.${DETAIL_CLASS.far}`, style: { "font-size": 20 } },
    { selector: `node.segment.${DETAIL_CLASS.off}`, style: { "font-size": 28 } },
    {
      selector: [
        `node.persona.${DETAIL_CLASS.off}`,
        `node.need.${DETAIL_CLASS.off}`,
        `node.product.${DETAIL_CLASS.far}`,
        `node.product.${DETAIL_CLASS.off}`,
      ].join(", "),
      style: { "text-opacity": 0 },
    },
    {
      // The name pointed at (`hover`), chosen (`focused`) or about to be
      // dropped on (`drop-target`): whole, over a few lines, on a
      // background and above every other node and name, at any zoom.
      selector: named(EMPHASISED),
      style: {
        label: "data(label)",
        "font-size": NEAR_FONT,
        "text-wrap": "wrap",
        "text-max-width": `${WHOLE_NAME_WIDTH}px`,
        "text-opacity": 1,
        "text-background-color": surface,
        "text-background-opacity": 0.92,
        "text-background-padding": "3px",
        "text-background-shape": "roundrectangle",
        "min-zoomed-font-size": 0,
        "z-compound-depth": "top",
        "z-index": 10,
      },
    },
    // A product's name is white: its background is the product's colour.
    {
      selector: "node.product.hover, node.product.focused",
      style: { "text-background-color": accent, "text-background-opacity": 1 },
    },
    // Zoomed out, an emphasised name grows in steps to stay legible.
    ...Array.from({ length: EMPHASIS_STEPS }, (_, i) => {
      const step = i + 1;
      const grown = emphasisFont(step) / NEAR_FONT;
      return {
        selector: named(EMPHASISED.map((state) => `${state}.${emphasisClass(step)}`)),
        style: {
          "font-size": emphasisFont(step),
          "text-max-width": `${Math.round(WHOLE_NAME_WIDTH * grown)}px`,
          "text-background-padding": `${Math.round(3 * grown)}px`,
        },
      };
    }),
    {
      selector: "edge",
      style: { width: 1, "line-color": border, "curve-style": "straight", opacity: 0.7 },
    },
    {
      selector: "edge.overlap",
      style: { "line-color": "#f58518", "line-style": "dashed", width: 2, opacity: 1 },
    },
    {
      selector: "edge.relates",
      style: { "line-color": muted, "target-arrow-shape": "triangle", "target-arrow-color": muted },
    },
    { selector: "edge.tied_to", style: { "line-color": accent, opacity: 0.35 } },
    // Many links drawn as one line, as thick as they are many.
    { selector: "edge.bundle", style: { width: "data(width)", opacity: 0.5 } },
    { selector: ".faded", style: { opacity: 0.15 } },
    { selector: ".hidden", style: { display: "none" } },
    // The line drawn while dragging a link from a persona.
    { selector: "node.ghost", style: { width: 1, height: 1, "background-opacity": 0, label: "" } },
    {
      selector: "edge.draft",
      style: {
        "line-color": accent,
        "line-style": "dashed",
        width: 2,
        opacity: 1,
        "target-arrow-shape": "triangle",
        "target-arrow-color": accent,
      },
    },
    {
      selector: "node.focused",
      style: { "underlay-color": accent, "underlay-opacity": 0.25, "underlay-padding": 8 },
    },
    { selector: "edge.focused", style: { opacity: 1, width: 2 } },
    // The persona a dragged persona would be related to if dropped now.
    {
      selector: "node.persona.drop-target",
      style: { "underlay-color": accent, "underlay-opacity": 0.45, "underlay-padding": 12 },
    },
  ];
}
