import { describe, expect, it } from "vitest";
import type { MapNode, MapView } from "../ipc";
import {
  boxOfCluster,
  bubbleCount,
  clusterId,
  elements,
  isOverview,
  NO_COLOUR,
  OVERVIEW_AT,
  PALETTE,
} from "./elements";
import { layout, NEED_STEP, NO_SEGMENT } from "./layout";
import { nameLabels } from "./lod";
import { mapNode } from "./testing";

const node = mapNode;

const map: MapView = {
  nodes: [
    node({ id: "ms-a", kind: "market_segment" }),
    node({ id: "ms-empty", kind: "market_segment" }),
    node({ id: "prod-1", kind: "product" }),
    node({ id: "need-1", kind: "need" }),
    node({ id: "p-1", kind: "persona", parent: "ms-a", customer_segment: "cs-1" }),
    node({ id: "p-2", kind: "persona", parent: "ms-a", marks: ["golden", "underserved"] }),
    node({ id: "p-3", kind: "persona", low_confidence: true }),
  ],
  edges: [
    { source: "p-1", target: "prod-1", kind: "tied_to", weight: 1 },
    { source: "p-1", target: "need-1", kind: "needs", weight: 0.8 },
    { source: "p-1", target: "p-2", kind: "overlap", weight: 0.9 },
  ],
  customer_segments: [["cs-1", "Careful buyers"]],
  names: [],
};

describe("layout", () => {
  it("places every persona, product and need, and marks empty segments", () => {
    const pos = layout(map);
    for (const id of ["p-1", "p-2", "p-3", "prod-1", "need-1", "ms-empty::empty"]) {
      expect(pos.has(id), `${id} has a place`).toBe(true);
    }
  });

  it("keeps the personas of one segment apart from each other", () => {
    const pos = layout(map);
    expect(pos.get("p-1")).not.toEqual(pos.get("p-2"));
  });

  it("is deterministic", () => {
    expect([...layout(map)]).toEqual([...layout(map)]);
  });

  it("lays many needs out in rows whose labels never overlap", () => {
    const needs = Array.from({ length: 40 }, (_, i) =>
      mapNode({
        id: `need-${i}`,
        kind: "need",
        label: `A need with a rather long name, number ${i}`,
      }),
    );
    const many = { ...map, nodes: [...map.nodes.filter((n) => n.kind !== "need"), ...needs] };
    const pos = layout(many);
    const placed = needs.map((n) => pos.get(n.id) ?? { x: Number.NaN, y: Number.NaN });
    const rows = new Map<number, number[]>();
    for (const p of placed) rows.set(p.y, [...(rows.get(p.y) ?? []), p.x]);
    expect(rows.size).toBeGreaterThan(1);
    for (const xs of rows.values()) {
      const sorted = [...xs].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) {
        expect((sorted[i] ?? 0) - (sorted[i - 1] ?? 0)).toBeGreaterThanOrEqual(NEED_STEP);
      }
    }
    // Below every persona.
    const lowest = Math.max(
      ...many.nodes.filter((n) => n.kind === "persona").map((n) => pos.get(n.id)?.y ?? 0),
    );
    expect(Math.min(...placed.map((p) => p.y))).toBeGreaterThan(lowest);
  });
});

describe("elements", () => {
  it("draws a persona the core calls low confidence with its own class", () => {
    const classes = (id: string) =>
      elements(map, { products: false, needs: false }).find((e) => e.data.id === id)?.classes;
    expect(classes("p-3")).toContain("low-confidence");
    expect(classes("p-1")).not.toContain("low-confidence");
  });

  it("hides products and needs unless asked, with their edges", () => {
    const ids = (v: { products: boolean; needs: boolean }) =>
      elements(map, v).map((e) => e.data.id);
    expect(ids({ products: false, needs: false })).not.toContain("prod-1");
    expect(ids({ products: true, needs: false })).toContain("prod-1");
    const edges = elements(map, { products: false, needs: false }).filter(
      (e) => e.group === "edges",
    );
    expect(edges.map((e) => e.classes)).toEqual(["overlap"]);
  });

  it("puts personas without a segment in their own box", () => {
    const els = elements(map, { products: false, needs: false });
    expect(els.find((e) => e.data.id === "p-3")?.data.parent).toBe(NO_SEGMENT);
    expect(els.some((e) => e.data.id === NO_SEGMENT)).toBe(true);
  });

  it("writes each persona's and need's name whole, and in lines for each zoom", () => {
    const long = "Margit the Regulated-Data Architect of the Northern Region";
    const named: MapView = {
      ...map,
      nodes: [
        ...map.nodes.filter((n) => n.id !== "p-1" && n.id !== "need-1"),
        node({ id: "p-1", kind: "persona", parent: "ms-a", label: long }),
        node({ id: "need-1", kind: "need", label: long }),
      ],
    };
    const els = elements(named, { products: false, needs: true });
    for (const id of ["p-1", "need-1"]) {
      const data = els.find((e) => e.data.id === id)?.data;
      expect(data?.label, id).toBe(long);
      expect(data?.near, id).toBe(nameLabels(long).near);
      expect(data?.far, id).toBe(nameLabels(long).far);
    }
  });

  it("colours by customer segment and classes by finding", () => {
    const els = elements(map, { products: false, needs: false });
    expect(els.find((e) => e.data.id === "p-1")?.data.colour).toBe(PALETTE[0]);
    expect(els.find((e) => e.data.id === "p-3")?.data.colour).toBe(NO_COLOUR);
    expect(els.find((e) => e.data.id === "p-2")?.classes).toContain("mark-golden");
    expect(els.find((e) => e.data.id === "p-2")?.classes).toContain("mark-underserved");
  });
});

describe("saved positions", () => {
  it("win over the grid for the nodes they name, and only those", () => {
    const grid = layout(map);
    const saved = new Map([
      ["p-1", { x: 999, y: -5 }],
      ["gone", { x: 1, y: 1 }],
    ]);
    const els = elements(map, { products: true, needs: true }, saved);
    const at = (id: string) => els.find((e) => e.data.id === id)?.position;
    expect(at("p-1")).toEqual({ x: 999, y: -5 });
    expect(at("p-2")).toEqual(grid.get("p-2"));
    expect(
      els.some((e) => e.data.id === "gone"),
      "no node for an id the map lacks",
    ).toBe(false);
  });
});

describe("the grid layout", () => {
  it("spreads segment boxes across a wide window instead of stacking them", () => {
    const nodes: MapNode[] = [];
    for (const s of ["a", "b", "c", "d"]) {
      nodes.push(node({ id: `ms-${s}`, kind: "market_segment" }));
      for (let i = 0; i < 9; i += 1) {
        nodes.push(node({ id: `p-${s}${i}`, kind: "persona", parent: `ms-${s}` }));
      }
    }
    const pos = layout({ nodes, edges: [], customer_segments: [], names: [] });
    const xs = [...pos.values()].map((p) => p.x);
    const ys = [...pos.values()].map((p) => p.y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(width / height, "wider than tall, like the window").toBeGreaterThan(1.2);
    const firsts = ["a", "b", "c", "d"].map((s) => pos.get(`p-${s}0`)?.x);
    expect(new Set(firsts).size, "boxes sit side by side").toBeGreaterThan(1);
  });
});

describe("the overview", () => {
  const all = { products: true, needs: true };
  const byId = (els: ReturnType<typeof elements>, id: string) => els.find((e) => e.data.id === id);

  it("opens a map of more than OVERVIEW_AT personas, and only those", () => {
    const many = (count: number): MapView => ({
      ...map,
      nodes: Array.from({ length: count }, (_, i) => node({ id: `p-${i}`, kind: "persona" })),
    });
    expect(isOverview(many(OVERVIEW_AT))).toBe(false);
    expect(isOverview(many(OVERVIEW_AT + 1))).toBe(true);
  });

  it("draws each closed box as one bubble that counts its personas and findings", () => {
    const els = elements(map, all, new Map(), new Set());
    expect(els.some((e) => e.data.id === "p-1" || e.data.id === "p-2")).toBe(false);
    const bubble = byId(els, clusterId("ms-a"));
    expect(bubble?.classes).toBe("cluster");
    expect(bubble?.data.count).toBe(2);
    expect(String(bubble?.data.label).split("\n")).toEqual([
      "ms-a",
      "2 personas",
      "1 underserved · 1 golden",
    ]);
    const orphans = byId(els, clusterId(NO_SEGMENT));
    expect(String(orphans?.data.label)).toContain("No market segment\n1 persona\n1 low confidence");
    // An empty segment keeps its box, so the gap stays visible.
    expect(byId(els, "ms-empty")?.classes).toBe("segment");
    expect(byId(els, "ms-a"), "no box behind a bubble").toBeUndefined();
  });

  it("counts, in each bubble, the personas the filter keeps of all it stands for", () => {
    const els = elements(map, all, new Map(), new Set(), new Set(["p-1"]));
    const bubble = byId(els, clusterId("ms-a"));
    // Of Ada (p-1) and p-2, the filter keeps Ada, who has no findings.
    expect(String(bubble?.data.label).split("\n")).toEqual(["ms-a", "1 of 2 personas"]);
    expect(bubble?.data.count, "the bubble still stands for both").toBe(2);
    expect(bubble?.data.slice1, "sliced by the kept personas alone").toBe(100);
    // Its place and size are those of the whole box, so filtering moves nothing.
    const unfiltered = byId(elements(map, all, new Map(), new Set()), clusterId("ms-a"));
    expect(bubble?.position).toEqual(unfiltered?.position);
    expect(bubble?.data.size).toBe(unfiltered?.data.size);
    // A bubble the filter empties counts none and keeps sensible slices.
    const none = byId(els, clusterId(NO_SEGMENT));
    expect(String(none?.data.label).split("\n")[1]).toBe("0 of 1 persona");
    expect(Number(none?.data[`slice${PALETTE.length + 1}`])).toBe(100);
  });

  it("says a count as a person reads it", () => {
    expect(bubbleCount(980)).toBe("980 personas");
    expect(bubbleCount(1)).toBe("1 persona");
    expect(bubbleCount(2000, 312)).toBe("312 of 2,000 personas");
    expect(bubbleCount(1, 0)).toBe("0 of 1 persona");
  });

  it("slices a bubble by its personas' customer segments", () => {
    const bubble = byId(elements(map, all, new Map(), new Set()), clusterId("ms-a"));
    // p-1 is in the first customer segment, p-2 in none (grey, the last slice).
    expect(bubble?.data.slice1).toBe(50);
    expect(bubble?.data[`slice${PALETTE.length + 1}`]).toBe(50);
    const total = Array.from({ length: PALETTE.length + 1 }, (_, i) =>
      Number(bubble?.data[`slice${i + 1}`]),
    ).reduce((a, b) => a + b, 0);
    expect(total).toBe(100);
  });

  it("bundles the links of gathered personas, one line per bubble and end", () => {
    const edges = elements(map, all, new Map(), new Set()).filter((e) => e.group === "edges");
    expect(edges.map((e) => [e.data.source, e.data.target, e.data.weight, e.classes])).toEqual([
      [clusterId("ms-a"), "prod-1", 1, "tied_to bundle"],
      [clusterId("ms-a"), "need-1", 1, "needs bundle"],
    ]);
    // The overlap of p-1 and p-2 stays inside their bubble: no line to itself.
  });

  it("joins an opened box to a closed bubble by one line, not one per persona", () => {
    const linked: MapView = {
      ...map,
      edges: [
        { source: "p-1", target: "p-3", kind: "relates", weight: 1 },
        { source: "p-2", target: "p-3", kind: "relates", weight: 1 },
      ],
    };
    const edges = elements(linked, all, new Map(), new Set(["ms-a"])).filter(
      (e) => e.group === "edges",
    );
    expect(edges.map((e) => [e.data.source, e.data.target, e.data.weight])).toEqual([
      ["ms-a", clusterId(NO_SEGMENT), 2],
    ]);
  });

  it("draws an opened box with its personas, and keeps the others closed", () => {
    const els = elements(map, all, new Map(), new Set(["ms-a"]));
    expect(byId(els, "p-1")?.data.parent).toBe("ms-a");
    expect(byId(els, clusterId("ms-a"))).toBeUndefined();
    expect(byId(els, "p-3")).toBeUndefined();
    expect(byId(els, clusterId(NO_SEGMENT))?.data.count).toBe(1);
    expect(boxOfCluster(clusterId("ms-a"))).toBe("ms-a");
    expect(boxOfCluster("ms-a")).toBeNull();
  });

  it("places a bubble inside the space its box takes, so an opened box never covers it", () => {
    const grid = layout(map);
    const at = byId(elements(map, all, new Map(), new Set()), clusterId("ms-a"))?.position;
    const xs = ["p-1", "p-2"].map((id) => grid.get(id)?.x ?? Number.NaN);
    // In the left of the box's space, its words to the right.
    expect(at?.x).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(at?.x).toBeLessThanOrEqual((Math.min(...xs) + Math.max(...xs)) / 2);
    const ys = ["p-1", "p-2"].map((id) => grid.get(id)?.y ?? Number.NaN);
    expect(at?.y).toBe((Math.min(...ys) + Math.max(...ys)) / 2);
  });
});
