import { describe, expect, it } from "vitest";
import { labelLines, type Scene, type SceneNode, svgDocument } from "./svg";

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
  lines: ["Dana"],
  labelAt: "below",
  gap: 0,
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
    node({ lines: ['Dana "the" <Platform> Lead & co'] }),
    node({ shape: "rect", labelAt: "top", lines: ["Enterprise"], w: 200, h: 120 }),
    node({ shape: "diamond", dashed: true, opacity: 0.15, lines: [] }),
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

describe("labels in the picture", () => {
  it("are whole names broken between words, never cut", () => {
    const name = "Margit the Regulated-Data Architect of the Northern Region";
    const lines = labelLines(name, 11, 150, false);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" "), "every word is kept").toBe(name);
    expect(lines.join("")).not.toContain("…");
    // 0.55 em a character: each line fits the width, unless a word alone does not.
    for (const line of lines) expect(line.length * 0.55 * 11).toBeLessThanOrEqual(150);
  });

  it("keep the lines a box or a bubble is written in", () => {
    expect(labelLines("Retail\n312 of 980 personas", 20, 50, true)).toEqual([
      "Retail",
      "312 of 980 personas",
    ]);
    expect(labelLines("", 11, 150, false)).toEqual([]);
  });

  it("write each line of a label under the one before", () => {
    const svg = svgDocument({
      ...scene,
      nodes: [node({ lines: ["Margit the", "Regulated-Data", "Architect"], fontSize: 10 })],
    });
    const text = svg.match(/<text[^>]*>(.*?)<\/text>/)?.[1] ?? "";
    const spans = [...text.matchAll(/<tspan x="50" dy="([\d.]+)">([^<]*)<\/tspan>/g)];
    expect(spans.map((m) => m[2])).toEqual(["Margit the", "Regulated-Data", "Architect"]);
    expect(spans.map((m) => Number(m[1]))).toEqual([0, 12, 12]);
  });

  it("write a bubble's words to its right, from its edge and the gap", () => {
    const svg = svgDocument({
      ...scene,
      nodes: [
        node({ x: 100, w: 80, labelAt: "right", gap: 12, lines: ["Retail", "980 personas"] }),
      ],
    });
    expect(svg).toContain('<text x="152"');
    expect(svg).toContain('text-anchor="start"');
    expect(svg).toContain('<tspan x="152" dy="0">Retail</tspan>');
  });
});
