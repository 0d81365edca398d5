import cytoscape, { type ElementDefinition } from "cytoscape";
import { describe, expect, it } from "vitest";
import { patch } from "./patch";

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

  it("leaves the elements of a drag in progress", () => {
    const cy = graph();
    cy.add({ group: "nodes", data: { id: "__ghost" }, classes: "ghost transient" });
    patch(cy, structuredClone(before));
    expect(cy.getElementById("__ghost").nonempty()).toBe(true);
  });
});
