import { describe, expect, it } from "vitest";
import type { MapView } from "../ipc";
import { filterChoices, isFiltered, keptPersonas, NO_FILTER } from "./filter";
import { mapNode } from "./testing";

const node = mapNode;

const map: MapView = {
  nodes: [
    node({ id: "ms-b", kind: "market_segment", label: "Banks" }),
    node({ id: "ms-a", kind: "market_segment", label: "Airlines" }),
    node({ id: "prod-1", kind: "product", label: "Ledger" }),
    node({ id: "p-1", kind: "persona", parent: "ms-a", role: "User", status: "proto" }),
    node({ id: "p-2", kind: "persona", parent: "ms-a", role: "Champion", status: "validated" }),
    node({
      id: "p-3",
      kind: "persona",
      parent: "ms-b",
      role: "User",
      status: "validated",
      low_confidence: true,
    }),
    node({ id: "p-4", kind: "persona" }),
  ],
  edges: [
    { source: "p-1", target: "prod-1", kind: "tied_to", weight: 1 },
    { source: "p-3", target: "prod-1", kind: "tied_to", weight: 1 },
    { source: "p-2", target: "prod-1", kind: "needs", weight: 1 },
  ],
  customer_segments: [],
  names: [],
};

const ids = (s: Set<string>) => [...s].sort();

describe("map filters", () => {
  it("keep every persona when nothing is chosen", () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(ids(keptPersonas(map, NO_FILTER))).toEqual(["p-1", "p-2", "p-3", "p-4"]);
  });

  it("narrow by segment, role, status and product together", () => {
    expect(ids(keptPersonas(map, { ...NO_FILTER, segment: "ms-a" }))).toEqual(["p-1", "p-2"]);
    expect(ids(keptPersonas(map, { ...NO_FILTER, role: "User" }))).toEqual(["p-1", "p-3"]);
    expect(ids(keptPersonas(map, { ...NO_FILTER, status: "validated" }))).toEqual(["p-2", "p-3"]);
    const f = { ...NO_FILTER, segment: "ms-a", role: "User" };
    expect(isFiltered(f)).toBe(true);
    expect(ids(keptPersonas(map, f))).toEqual(["p-1"]);
  });

  it("by confidence keep the personas the core calls low, and combine with the others", () => {
    const low = { ...NO_FILTER, confidence: "low" as const };
    expect(isFiltered(low)).toBe(true);
    expect(ids(keptPersonas(map, low))).toEqual(["p-3"]);
    expect(ids(keptPersonas(map, { ...low, segment: "ms-a" }))).toEqual([]);
  });

  it("by product keep only personas tied to it, not those that merely need what it meets", () => {
    expect(ids(keptPersonas(map, { ...NO_FILTER, product: "prod-1" }))).toEqual(["p-1", "p-3"]);
  });

  it("offer the choices the map holds, sorted", () => {
    const c = filterChoices(map);
    expect(c.segments.map((s) => s.name)).toEqual(["Airlines", "Banks"]);
    expect(c.roles).toEqual(["Champion", "User"]);
    expect(c.products.map((p) => p.id)).toEqual(["prod-1"]);
    expect(c.statuses).toEqual(["proto", "validated"]);
  });
});
