import { describe, expect, it } from "vitest";
import { type Scene, type SceneNode, shorten, svgDocument } from "./svg";

const node = (over: Partial<SceneNode>): SceneNode => ({
  x: 50,
  y: 40,
  w: 20,
  h: 20,
  shape: "ellipse",
  fill: "#4c78a8",
  stroke: "#ffffff",
  strokeWidth: 2,
  dashed: false,
  opacity: 1,
  label: "Dana",
  labelAt: "below",
  labelColour: "#1c2330",
  fontSize: 11,
  bold: false,
  ...over,
});

const scene: Scene = {
  width: 400,
  height: 300,
  background: "#f6f7f9",
  nodes: [
    node({ label: 'Dana "the" <Platform> Lead & co' }),
    node({ shape: "rect", labelAt: "top", label: "Enterprise", w: 200, h: 120 }),
    node({ shape: "diamond", dashed: true, opacity: 0.15, label: "" }),
  ],
  edges: [
    {
      x1: 0,
      y1: 0,
      x2: 10,
      y2: 10,
      colour: "#999",
      width: 1,
      dashed: true,
      opacity: 1,
      arrow: true,
    },
  ],
};

describe("svgDocument", () => {
  const svg = svgDocument(scene);

  it("is one SVG drawing of the scene's size", () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(svg).toContain('width="400" height="300" viewBox="0 0 400 300"');
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("escapes every label, so a name can never break the file", () => {
    expect(svg).toContain("Dana &quot;the&quot; &lt;Platform&gt; Lead &amp; co");
    expect(svg).not.toContain("<Platform>");
  });

  it("draws boxes under edges, and edges under nodes", () => {
    const box = svg.indexOf(">Enterprise<");
    const edge = svg.indexOf("<line");
    const dana = svg.indexOf("Dana &quot;");
    expect(box).toBeGreaterThan(0);
    expect(box).toBeLessThan(edge);
    expect(edge).toBeLessThan(dana);
  });

  it("keeps the shape, dashes, fading and arrows of the map", () => {
    expect(svg).toContain("<polygon");
    expect(svg).toContain('stroke-dasharray="4 3"');
    expect(svg).toContain('opacity="0.2"');
    expect(svg).toContain('marker-end="url(#arrow)"');
  });
});

describe("shorten", () => {
  it("cuts long labels with an ellipsis, as the map does, and leaves short ones", () => {
    expect(shorten("Dana", 26)).toBe("Dana");
    expect(shorten("Margit the Regulated-Data Architect", 26)).toBe("Margit the Regulated-Data…");
    expect([...shorten("Ünïcödé names are counted by character", 10)].length).toBe(10);
  });
});
