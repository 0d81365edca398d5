import { describe, expect, it } from "vitest";
import type { MapView } from "../ipc";
import { clusterId } from "./elements";
import { highlighted, highlightPlan } from "./highlight";
import { NO_SEGMENT } from "./layout";
import { mapNode } from "./testing";

const node = mapNode;

const map: MapView = {
  nodes: [
    node({ id: "ms-a", kind: "market_segment" }),
    node({ id: "ms-b", kind: "market_segment" }),
    node({ id: "p-1", kind: "persona", parent: "ms-a" }),
    node({ id: "p-2", kind: "persona", parent: "ms-a" }),
    node({ id: "p-3", kind: "persona", parent: "ms-b" }),
    node({ id: "p-4", kind: "persona" }),
  ],
  edges: [],
  customer_segments: [],
  names: [],
};

describe("highlighted", () => {
  it("shows the focus while there is one, else the search's matches", () => {
    expect(highlighted(["p-1"], ["p-2"])).toEqual(["p-1"]);
    expect(highlighted([], ["p-2"]), "no focus: the search shows").toEqual(["p-2"]);
    expect(highlighted([], null)).toEqual([]);
  });
});

describe("highlightPlan", () => {
  it("draws the search's matches forward when nothing is chosen", () => {
    expect(highlightPlan(map, null, [], ["p-1", "p-3"])).toEqual({
      open: [],
      chosen: ["p-1", "p-3"],
    });
  });

  it("stands for matches in closed boxes by their bubbles, and never opens a box for them", () => {
    const open = new Set(["ms-b"]);
    expect(highlightPlan(map, open, [], ["p-1", "p-2", "p-3", "p-4"])).toEqual({
      open: [],
      chosen: [clusterId("ms-a"), "p-3", clusterId(NO_SEGMENT)],
    });
  });

  it("opens the boxes a chosen finding is in before drawing it", () => {
    expect(highlightPlan(map, new Set(), ["p-1", "p-4"], ["p-3"])).toEqual({
      open: ["ms-a", NO_SEGMENT],
      chosen: [],
    });
    expect(highlightPlan(map, new Set(["ms-a", NO_SEGMENT]), ["p-1", "p-4"], ["p-3"])).toEqual({
      open: [],
      chosen: ["p-1", "p-4"],
    });
  });

  it("draws nothing forward when there is neither a focus nor a search", () => {
    expect(highlightPlan(map, new Set(), [], null)).toEqual({ open: [], chosen: [] });
  });
});
