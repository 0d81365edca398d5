import type { Core } from "cytoscape";
import { wrapWords } from "./labels";

/** A node as drawn, in screen pixels of the current view. */
export type SceneNode = {
  x: number;
  y: number;
  w: number;
  h: number;
  shape: "ellipse" | "diamond" | "rect" | "tag";
  fill: string;
  stroke: string;
  strokeWidth: number;
  dashed: boolean;
  opacity: number;
  /** The label's lines: the whole name, never cut; none when the map
   * leaves the label out. */
  lines: string[];
  /** Where the label sits: under the node, inside it, above it (a box), or
   * to its right (a bubble of the overview), `gap` pixels away. */
  labelAt: "below" | "inside" | "top" | "right";
  gap: number;
  labelColour: string;
  fontSize: number;
  bold: boolean;
};

/** An edge as drawn, in screen pixels of the current view. */
export type SceneEdge = {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  width: number;
  dashed: boolean;
  opacity: number;
  arrow: boolean;
};

/** What the map shows at this moment: the picture an export saves. */
export type Scene = {
  width: number;
  height: number;
  background: string;
  nodes: SceneNode[];
  edges: SceneEdge[];
};

const xml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  );

const n = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : "0");

function shape(s: SceneNode): string {
  const paint = `fill="${xml(s.fill)}" stroke="${xml(s.stroke)}" stroke-width="${n(s.strokeWidth)}"${
    s.dashed ? ' stroke-dasharray="4 3"' : ""
  }`;
  const { x, y, w, h } = s;
  switch (s.shape) {
    case "ellipse":
      return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(w / 2)}" ry="${n(h / 2)}" ${paint}/>`;
    case "diamond":
      return `<polygon points="${n(x)},${n(y - h / 2)} ${n(x + w / 2)},${n(y)} ${n(x)},${n(y + h / 2)} ${n(x - w / 2)},${n(y)}" ${paint}/>`;
    case "tag":
      return `<polygon points="${n(x - w / 2)},${n(y - h / 2)} ${n(x + w / 4)},${n(y - h / 2)} ${n(x + w / 2)},${n(y)} ${n(x + w / 4)},${n(y + h / 2)} ${n(x - w / 2)},${n(y + h / 2)}" ${paint}/>`;
    default:
      return `<rect x="${n(x - w / 2)}" y="${n(y - h / 2)}" width="${n(w)}" height="${n(h)}" rx="${n(Math.min(8, h / 4))}" ${paint}/>`;
  }
}

/** The distance between a label's lines, in font sizes. */
const LINE_HEIGHT = 1.2;

function label(s: SceneNode): string {
  if (s.lines.length === 0) return "";
  const step = s.fontSize * LINE_HEIGHT;
  const tall = (s.lines.length - 1) * step;
  // The baseline of the first line.
  const y =
    s.labelAt === "below"
      ? s.y + s.h / 2 + s.fontSize + 2
      : s.labelAt === "top"
        ? s.y - s.h / 2 - 6 - tall
        : s.y + s.fontSize / 3 - tall / 2;
  const right = s.labelAt === "right";
  const x = right ? s.x + s.w / 2 + s.gap : s.x;
  const lines = s.lines
    .map((line, i) => `<tspan x="${n(x)}" dy="${i === 0 ? 0 : n(step)}">${xml(line)}</tspan>`)
    .join("");
  return `<text x="${n(x)}" y="${n(y)}" font-size="${n(s.fontSize)}" fill="${xml(s.labelColour)}"${
    s.bold ? ' font-weight="bold"' : ""
  } text-anchor="${right ? "start" : "middle"}">${lines}</text>`;
}

/**
 * An SVG drawing of a scene: boxes first, then edges, then nodes and their
 * labels, so that the drawing stacks as the map does. Every text is escaped.
 */
export function svgDocument(scene: Scene): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(scene.width)}" height="${n(scene.height)}" viewBox="0 0 ${n(scene.width)} ${n(scene.height)}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="${xml(scene.background)}"/>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke"/></marker></defs>',
  ];
  const boxes = scene.nodes.filter((s) => s.labelAt === "top");
  const others = scene.nodes.filter((s) => s.labelAt !== "top");
  for (const b of boxes) {
    parts.push(`<g opacity="${n(b.opacity)}">${shape(b)}${label(b)}</g>`);
  }
  for (const e of scene.edges) {
    parts.push(
      `<line x1="${n(e.x1)}" y1="${n(e.y1)}" x2="${n(e.x2)}" y2="${n(e.y2)}" stroke="${xml(e.colour)}" stroke-width="${n(e.width)}" opacity="${n(e.opacity)}"${
        e.dashed ? ' stroke-dasharray="5 4"' : ""
      }${e.arrow ? ' marker-end="url(#arrow)"' : ""}/>`,
    );
  }
  for (const s of others) {
    parts.push(`<g opacity="${n(s.opacity)}">${shape(s)}${label(s)}</g>`);
  }
  parts.push("</svg>");
  return parts.join("\n");
}

const SHAPES: Record<string, SceneNode["shape"]> = {
  ellipse: "ellipse",
  diamond: "diamond",
  "round-tag": "tag",
  tag: "tag",
};

/** The smallest label, in screen pixels, the picture still writes. */
const MIN_LABEL_PX = 6;

/**
 * The lines a label is written in: a box's or a bubble's as they are
 * written, every other name whole, broken between words to `maxWidth`
 * pixels, about as the map breaks it. An SVG cannot measure text before
 * it is drawn, so a character counts 0.55 of the font size.
 */
export function labelLines(
  text: string,
  fontSize: number,
  maxWidth: number,
  asWritten: boolean,
): string[] {
  if (text === "") return [];
  if (asWritten) return text.split("\n");
  return wrapWords(text, maxWidth, (t) => [...t].length * 0.55 * fontSize);
}

/**
 * What `cy` shows in its viewport now: nodes and edges that are displayed
 * and at least partly in view, with their drawn colours, sizes and opacity.
 */
export function sceneOf(cy: Core, background: string): Scene {
  const width = cy.width();
  const height = cy.height();
  const zoom = cy.zoom();
  const inView = (bb: { x1: number; x2: number; y1: number; y2: number }) =>
    bb.x2 >= 0 && bb.x1 <= width && bb.y2 >= 0 && bb.y1 <= height;
  const nodes: SceneNode[] = [];
  cy.nodes(":visible").forEach((node) => {
    const bb = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
    if (!inView(bb)) return;
    const box = node.isParent();
    const bubble = node.hasClass("cluster");
    const fontSize = node.numericStyle("font-size") * zoom;
    const text = String(node.data("label") ?? "");
    const valign = node.style("text-valign");
    // A label the map leaves out, at this zoom, the picture leaves out too.
    const written = fontSize >= MIN_LABEL_PX && node.numericStyle("text-opacity") > 0;
    const p = node.renderedPosition();
    nodes.push({
      x: box ? (bb.x1 + bb.x2) / 2 : p.x,
      y: box ? (bb.y1 + bb.y2) / 2 : p.y,
      w: box ? bb.w : node.renderedWidth(),
      h: box ? bb.h : node.renderedHeight(),
      shape: SHAPES[node.style("shape")] ?? "rect",
      fill:
        node.numericStyle("background-opacity") === 0
          ? "none"
          : String(node.style("background-color")),
      stroke: String(node.style("border-color")),
      strokeWidth: node.numericStyle("border-width") * zoom,
      dashed: node.style("border-style") === "dashed",
      opacity: node.effectiveOpacity(),
      lines: written
        ? labelLines(text, fontSize, node.numericStyle("text-max-width") * zoom, box || bubble)
        : [],
      labelAt: box ? "top" : bubble ? "right" : valign === "center" ? "inside" : "below",
      gap: bubble ? node.numericStyle("text-margin-x") * zoom : 0,
      labelColour: String(node.style("color")),
      fontSize,
      bold: String(node.style("font-weight")) === "bold",
    });
  });
  const edges: SceneEdge[] = [];
  cy.edges(":visible").forEach((edge) => {
    const a = edge.renderedSourceEndpoint();
    const b = edge.renderedTargetEndpoint();
    const bb = {
      x1: Math.min(a.x, b.x),
      x2: Math.max(a.x, b.x),
      y1: Math.min(a.y, b.y),
      y2: Math.max(a.y, b.y),
    };
    if (!inView(bb)) return;
    edges.push({
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      colour: String(edge.style("line-color")),
      width: edge.numericStyle("width") * zoom,
      dashed: edge.style("line-style") === "dashed",
      opacity: edge.effectiveOpacity(),
      arrow: edge.style("target-arrow-shape") !== "none",
    });
  });
  return { width, height, background, nodes, edges };
}
