import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import type { MapView } from "../ipc";
import { elements } from "./elements";
import { clampLines, wrapWords } from "./labels";
import {
  DETAIL_CLASS,
  detailAt,
  EMPHASIS_PX,
  EMPHASIS_STEPS,
  emphasisClass,
  emphasisFont,
  emphasisStep,
  FAR_FONT,
  LEGIBLE_PX,
  NAME_WIDTH,
  NEAR_FONT,
  nameLabels,
} from "./lod";
import { stylesheet } from "./style";
import { mapNode } from "./testing";

/** A made-up face: 6 units a character at 10 px, in step with the size. */
const measure = (text: string, px: number) => [...text].length * 0.6 * px;
const at10 = (text: string) => measure(text, 10);

describe("breaking a name into lines", () => {
  it("breaks between words, each line within the width, and keeps every word", () => {
    const lines = wrapWords("Dana the Data Platform Lead", 80, at10);
    expect(lines).toEqual(["Dana the Data", "Platform Lead"]);
    for (const line of lines) expect(at10(line)).toBeLessThanOrEqual(80);
  });

  it("gives a word wider than the width a line of its own rather than cut it", () => {
    expect(wrapWords("Al Supercalifragilistic Ng", 60, at10)).toEqual([
      "Al",
      "Supercalifragilistic",
      "Ng",
    ]);
    expect(wrapWords("  ", 60, at10)).toEqual([]);
  });

  it("leaves a name that fits its lines as it is", () => {
    expect(clampLines("Dana the Data Platform Lead", 2, 80, at10)).toEqual([
      "Dana the Data",
      "Platform Lead",
    ]);
  });

  it("ends the last line with an ellipsis after the whole words that fit", () => {
    const lines = clampLines("Margit the Regulated Data Architect of the North", 2, 100, at10);
    expect(lines).toEqual(["Margit the", "Regulated Data…"]);
    for (const line of lines) expect(at10(line)).toBeLessThanOrEqual(100);
  });

  it("cuts inside the word only when not one whole word fits", () => {
    const lines = clampLines("Bo Incomprehensibilities", 1, 60, at10);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe("Bo…");
    // A long word that has its line to itself stays whole…
    expect(clampLines("Incomprehensibilities", 1, 60, at10)).toEqual(["Incomprehensibilities"]);
    // …and is cut only when the words after it have no line left.
    const alone = clampLines("Incomprehensibilities Ng", 1, 60, at10);
    expect(alone[0]?.startsWith("Incompre")).toBe(true);
    expect(alone[0]?.endsWith("…")).toBe(true);
    expect(at10(alone[0] ?? "")).toBeLessThanOrEqual(60);
    expect(at10(`${alone[0]?.slice(0, -1)}x…`), "as much of the word as fits").toBeGreaterThan(60);
  });
});

describe("the level of detail", () => {
  it("writes names at the near size while it reads, larger further out, then not at all", () => {
    expect(detailAt(1)).toBe("near");
    expect(detailAt(LEGIBLE_PX / NEAR_FONT)).toBe("near");
    expect(detailAt(LEGIBLE_PX / NEAR_FONT - 0.01)).toBe("far");
    expect(detailAt(LEGIBLE_PX / FAR_FONT)).toBe("far");
    expect(detailAt(LEGIBLE_PX / FAR_FONT - 0.01)).toBe("off");
    expect(detailAt(0.05)).toBe("off");
  });

  it("never draws a name smaller than legible at any zoom it draws names at", () => {
    for (let zoom = 0.05; zoom <= 3; zoom += 0.01) {
      const detail = detailAt(zoom);
      if (detail === "off") continue;
      const font = detail === "near" ? NEAR_FONT : FAR_FONT;
      expect(font * zoom, `zoom ${zoom}`).toBeGreaterThanOrEqual(LEGIBLE_PX);
    }
  });

  it("keeps an emphasised name between EMPHASIS_PX and √2 of it, however far out", () => {
    expect(emphasisStep(1)).toBe(0);
    expect(emphasisStep(3)).toBe(0);
    let last = 0;
    for (let zoom = 1; zoom >= 0.05; zoom -= 0.005) {
      const step = emphasisStep(zoom);
      expect(step, "steps only grow as the map zooms out").toBeGreaterThanOrEqual(last);
      last = step;
      const px = emphasisFont(step) * zoom;
      expect(px, `zoom ${zoom}`).toBeGreaterThanOrEqual(EMPHASIS_PX - 1e-9);
      if (step > 0) expect(px, `zoom ${zoom}`).toBeLessThan(EMPHASIS_PX * Math.SQRT2);
    }
    expect(last).toBeLessThanOrEqual(EMPHASIS_STEPS);
  });

  it("writes each name in two lines at most, at each level's size", () => {
    const name = "Margit the Regulated-Data Architect of the Northern Region";
    const labels = nameLabels(name, measure);
    const near = labels.near.split("\n");
    const far = labels.far.split("\n");
    expect(near).toHaveLength(2);
    expect(far).toHaveLength(2);
    for (const line of near) expect(measure(line, NEAR_FONT)).toBeLessThanOrEqual(NAME_WIDTH);
    for (const line of far) expect(measure(line, FAR_FONT)).toBeLessThanOrEqual(NAME_WIDTH);
    expect(nameLabels("Dana", measure)).toEqual({ near: "Dana", far: "Dana" });
  });
});

describe("names on the map", () => {
  const name = "Margit the Regulated-Data Architect of the Northern Region";
  const map: MapView = {
    nodes: [
      mapNode({ id: "ms-a", kind: "market_segment" }),
      mapNode({ id: "p-1", kind: "persona", parent: "ms-a", label: name }),
      mapNode({ id: "p-2", kind: "persona", parent: "ms-a", label: "Dana" }),
    ],
    edges: [],
    customer_segments: [],
    names: [],
  };
  const drawn = () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: elements(map, { products: false, needs: false }),
      style: stylesheet(),
    });
    return cy.getElementById("p-1");
  };

  it("are written in lines, never cut by the map itself", () => {
    const p = drawn();
    expect(p.data("label"), "the whole name is kept").toBe(name);
    expect(p.style("label")).toBe(p.data("near"));
    expect(p.style("text-wrap")).toBe("wrap");
    expect(String(p.data("near")).split("\n")).toHaveLength(2);
  });

  it("grow when zoomed out, and are left out past that", () => {
    const p = drawn();
    p.addClass(DETAIL_CLASS.far);
    expect(p.style("label")).toBe(p.data("far"));
    expect(p.numericStyle("font-size")).toBe(FAR_FONT);
    p.removeClass(DETAIL_CLASS.far).addClass(DETAIL_CLASS.off);
    expect(p.numericStyle("text-opacity")).toBe(0);
  });

  it("are whole, on a background and on top when pointed at, chosen or dropped on", () => {
    for (const state of ["hover", "focused", "drop-target"]) {
      const p = drawn();
      p.addClass(`${DETAIL_CLASS.off} ${state}`);
      expect(p.style("label"), state).toBe(name);
      expect(p.numericStyle("text-opacity"), state).toBe(1);
      expect(p.numericStyle("text-background-opacity"), state).toBeGreaterThan(0.5);
      expect(p.style("z-compound-depth"), state).toBe("top");
      p.addClass(emphasisClass(4));
      expect(p.numericStyle("font-size"), state).toBeCloseTo(emphasisFont(4));
    }
  });
});
