import { describe, expect, it } from "vitest";
import type { Analysis, Catalog, MapNode, MapView } from "../../ipc";
import { byId, type Known, roleFacts, rows, tally, weightText } from "./facts";

const persona = (id: string, parent: string | null, cs: string | null): MapNode => ({
  id,
  kind: "persona",
  label: id,
  parent,
  customer_segment: cs,
  role: null,
  decides: false,
  status: null,
  marks: [],
  confidence: 0.5,
  low_confidence: false,
});

const map: MapView = {
  nodes: [persona("p-a", "ms-1", "cs-1"), persona("p-b", "ms-1", null)],
  edges: [
    { source: "p-a", target: "need-1", kind: "needs", weight: 0.9 },
    { source: "p-b", target: "need-1", kind: "needs", weight: 0.5 },
    { source: "prod-1", target: "need-1", kind: "meets", weight: 0.8 },
    { source: "p-a", target: "prod-1", kind: "tied_to", weight: 1 },
    { source: "p-b", target: "p-a", kind: "relates", weight: 0.5 },
  ],
  customer_segments: [["cs-1", "Sceptics"]],
  names: [
    ["bu-1", "Harbor deal"],
    ["role-p", "Procurement"],
  ],
};

const catalog: Catalog = {
  market_segments: [{ id: "ms-1", name: "Ports" }],
  customer_segments: [{ id: "cs-1", name: "Sceptics" }],
  buying_roles: [{ id: "role-p", name: "Procurement" }],
  needs: [
    { id: "need-1", name: "Clear customs" },
    { id: "need-2", name: "Plan berths" },
  ],
  products: [{ id: "prod-1", name: "Berthwise" }],
  competitors: [{ id: "comp-1", name: "Quayside" }],
  personas: [],
  relationships: [
    { from: "p-b", to: "p-a", kind: "influences", weight: 0.5 },
    { from: "p-b", to: "p-a", kind: "recommends", weight: 0.6 },
  ],
};

const analysis = {
  buying_units: [
    {
      unit: "bu-1",
      complete: false,
      missing_roles: ["role-p"],
      members: ["p-a", "p-b"],
      decision_makers: [],
      unlinked_members: [],
      influence_paths: [],
      why: "",
    },
  ],
} as unknown as Analysis;

const names = new Map<string, string>([
  ...map.names,
  ["p-a", "Ana"],
  ["p-b", "Ben"],
  ["prod-1", "Berthwise"],
]);
const known = (details: [string, Record<string, unknown>][] = []): Known => ({
  catalog,
  analysis,
  tally: tally(map),
  details: new Map(details),
  name: (id) => names.get(id) ?? id,
});

describe("portfolio facts", () => {
  it("count who wants each need and what addresses it", () => {
    expect(rows("need", known()).map((r) => r.facts)).toEqual([
      ["Wanted by 2 personas", "Addressed by 1 product"],
      ["Wanted by nobody", "No product addresses it"],
    ]);
  });

  it("count a product's needs and personas", () => {
    expect(rows("product", known())[0]?.facts).toEqual(["Addresses 1 need", "Tied to 1 persona"]);
  });

  it("read segments' details once they are loaded", () => {
    expect(rows("market_segment", known())[0]?.facts).toEqual(["2 personas"]);
    const loaded = known([["ms-1", { id: "ms-1", size: 4200, priority: 5, description: "Big" }]]);
    expect(rows("market_segment", loaded)[0]).toMatchObject({
      description: "Big",
      facts: ["Priority 5", "Size 4,200", "2 personas"],
    });
    expect(rows("customer_segment", known())[0]?.facts).toEqual(["1 persona"]);
  });

  it("say a role's flags as a person reads them", () => {
    expect(roleFacts({ required: true, decides: true })).toEqual(["Required", "Decides"]);
    expect(roleFacts({})).toEqual(["Optional"]);
  });

  it("say why a buying unit cannot close", () => {
    const unit = rows("buying_unit", known([["bu-1", { product: "prod-1" }]]))[0];
    expect(unit).toMatchObject({ name: "Harbor deal" });
    expect(unit?.facts).toEqual(["2 members", "For Berthwise", "Cannot close: no Procurement"]);
  });

  it("write a weight with two decimals at most", () => {
    expect(weightText(0.4608621123487582)).toBe("Weight 0.46");
    expect(weightText(0.5)).toBe("Weight 0.5");
    expect(weightText(1)).toBe("Weight 1");
  });

  it("list relationships with their kind and weight, in the catalog's order", () => {
    const listed = rows("relationship", known());
    expect(listed.map((r) => [r.name, ...r.facts].join(" · "))).toEqual([
      "Ben → Ana · Influences · Weight 0.5",
      "Ben → Ana · Recommends · Weight 0.6",
    ]);
    expect(listed[1]).toMatchObject({
      key: "p-b>p-a>recommends",
      label: "Ben → Ana, recommends",
      relationship: { from: "p-b", to: "p-a", kind: "recommends", weight: 0.6 },
    });
  });

  it("key the entities of a kind by id, skipping any without one", () => {
    const found = byId([{ id: "ms-1", size: 3 }, { name: "no id" }, { id: 7 }]);
    expect([...found.keys()]).toEqual(["ms-1"]);
    expect(found.get("ms-1")).toEqual({ id: "ms-1", size: 3 });
  });
});
