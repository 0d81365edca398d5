import cytoscape, { type ElementDefinition } from "cytoscape";
import { describe, expect, it } from "vitest";
import { clusterId, elements } from "./elements";
import { DETAIL_CLASS, emphasisClass } from "./lod";
import { patch } from "./patch";
import { mapNode } from "./testing";

const nodes = (defs: [string, string | null, string][]): ElementDefinition[] =>
  defs.map(([id, parent, classes]) => ({
    group: "nodes",
    data: parent ? { id, parent, label: id } : { id, label: id },
    position: { x: 0, y: 0 },
    classes,
  }));

const before: ElementDefinition[] = [
  ...nodes([
    ["box-a", null, "segment"],
    ["box-b", null, "segment"],
    ["p-1", "box-a", "persona"],
    ["p-2", "box-a", "persona mark-golden"],
    ["p-3", "box-b", "persona"],
  ]),
  {
    group: "edges",
    data: { id: "relates:p-1>p-2", source: "p-1", target: "p-2" },
    classes: "relates",
  },
];

function graph() {
  return cytoscape({ headless: true, elements: structuredClone(before) });
}

describe("patch", () => {
  it("changes nothing when nothing changed", () => {
    const cy = graph();
    expect(patch(cy, structuredClone(before))).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it("adds, removes, relabels and moves only what differs, keeping places and view classes", () => {
    const cy = graph();
    cy.getElementById("p-1").position({ x: 42, y: 7 });
    cy.getElementById("p-2").addClass("faded");
    const next: ElementDefinition[] = [
      ...nodes([
        ["box-a", null, "segment"],
        ["box-c", null, "segment"],
        ["p-1", "box-a", "persona"],
        ["p-2", "box-a", "persona mark-underserved"],
        ["p-3", "box-c", "persona"],
        ["p-4", "box-c", "persona"],
      ]),
    ];
    const label = next.find((e) => e.data.id === "p-1");
    if (label) label.data.label = "Dana, renamed";
    const count = patch(cy, next);

    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(["box-a", "box-c", "p-1", "p-2", "p-3", "p-4"]);
    expect(cy.edges().length, "the relationship went with its data").toBe(0);
    expect(cy.getElementById("p-1").data("label")).toBe("Dana, renamed");
    expect(cy.getElementById("p-1").position(), "a node that stays keeps its place").toEqual({
      x: 42,
      y: 7,
    });
    expect(cy.getElementById("p-3").parent().first().id(), "moved into a new box").toBe("box-c");
    const p2 = cy.getElementById("p-2");
    expect(p2.hasClass("mark-underserved") && !p2.hasClass("mark-golden")).toBe(true);
    expect(p2.hasClass("faded"), "what the view set stays until it derives it again").toBe(true);
    expect(count).toEqual({ added: 2, removed: 2, changed: 3 });
  });

  it("keeps how much of a name the zoom shows, and what is pointed at, over an edit", () => {
    const cy = graph();
    const view = `${DETAIL_CLASS.far} ${emphasisClass(3)} hover drop-target`;
    cy.getElementById("p-2").addClass(view);
    const next = structuredClone(before);
    const p2 = next.find((e) => e.data.id === "p-2");
    if (p2) p2.classes = "persona mark-underserved";
    expect(patch(cy, next).changed).toBe(1);
    const now = cy.getElementById("p-2");
    expect(now.hasClass("mark-underserved") && !now.hasClass("mark-golden")).toBe(true);
    for (const c of view.split(" ")) expect(now.hasClass(c), c).toBe(true);
  });

  it("leaves the elements of a drag in progress", () => {
    const cy = graph();
    cy.add({ group: "nodes", data: { id: "__ghost" }, classes: "ghost transient" });
    patch(cy, structuredClone(before));
    expect(cy.getElementById("__ghost").nonempty()).toBe(true);
  });
});

describe("patch between the overview and an opened box", () => {
  it("swaps a bubble for its box of personas and back, with their links", () => {
    const node = (
      id: string,
      kind: "persona" | "market_segment" | "product",
      parent: string | null = null,
    ) => mapNode({ id, kind, parent });
    const map = {
      nodes: [
        node("ms-a", "market_segment"),
        node("prod-1", "product"),
        node("p-1", "persona", "ms-a"),
        node("p-2", "persona", "ms-a"),
      ],
      edges: [{ source: "p-1", target: "prod-1", kind: "tied_to" as const, weight: 1 }],
      customer_segments: [],
      names: [],
    };
    const shown = { products: true, needs: false };
    const cy = cytoscape({ headless: true, elements: elements(map, shown, new Map(), new Set()) });
    expect(cy.getElementById(clusterId("ms-a")).nonempty()).toBe(true);

    patch(cy, elements(map, shown, new Map(), new Set(["ms-a"])));
    expect(cy.getElementById(clusterId("ms-a")).empty()).toBe(true);
    expect(cy.getElementById("p-1").parent().first().id()).toBe("ms-a");
    expect(cy.edges().map((e) => String(e.id()))).toEqual(["tied_to:p-1>prod-1"]);

    patch(cy, elements(map, shown, new Map(), new Set()));
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual([clusterId("ms-a"), "prod-1"].sort());
    expect(cy.edges().map((e) => e.id())).toEqual([`tied_to:${clusterId("ms-a")}>prod-1`]);

    // A filter on: the bubble's count follows it, in place.
    const count = patch(cy, elements(map, shown, new Map(), new Set(), new Set(["p-1"])));
    expect(count).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(String(cy.getElementById(clusterId("ms-a")).data("label"))).toContain("1 of 2 personas");
  });
});
