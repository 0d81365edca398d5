import { describe, expect, it } from "vitest";
import type { PersonaCard, SegmentGroup } from "../../ipc";
import {
  countsSummary,
  filterGroups,
  groupTitle,
  personaSubtitle,
  plural,
  splitTies,
} from "./format";

const card = (over: Partial<PersonaCard>): PersonaCard => ({
  id: "p-x",
  name: "Dana the Data Platform Lead",
  title: "Head of Data Platform",
  role: "Technical evaluator",
  decides: false,
  customer_segment: "Pragmatic modernisers",
  status: "validated",
  priority: 4,
  products: [{ id: "prod-a", name: "Pipelines", relation: "owned_by" }],
  confidence: 0.5,
  low_confidence: false,
  ...over,
});

const group = (name: string | null, personas: PersonaCard[]): SegmentGroup => ({
  segment: name === null ? null : { id: `ms-${name}`, name, description: null, priority: 3 },
  personas,
});

describe("plural", () => {
  it("uses the singular for exactly one", () => {
    expect(plural(1, "persona")).toBe("1 persona");
    expect(plural(0, "persona")).toBe("0 personas");
    expect(plural(2000, "persona")).toBe("2,000 personas");
  });
});

describe("countsSummary", () => {
  it("names every layer a marketer looks for", () => {
    const s = countsSummary({
      market_segments: 3,
      customer_segments: 2,
      buying_roles: 5,
      needs: 10,
      products: 1,
      competitors: 2,
      personas: 15,
      relationships: 4,
      buying_units: 3,
      journeys: 2,
    });
    expect(s).toBe(
      "15 personas · 3 market segments · 5 buying roles · 1 product · 10 needs · 3 buying units",
    );
  });
});

describe("groups", () => {
  it("titles personas without a segment plainly", () => {
    expect(groupTitle(group(null, []))).toBe("No market segment");
    expect(groupTitle(group("Mid-market SaaS", []))).toBe("Mid-market SaaS");
  });

  it("filters by name, title, role and product, dropping empty groups", () => {
    const groups = [
      group("A", [
        card({ id: "p-1" }),
        card({ id: "p-2", name: "Ken", title: "CISO", products: [] }),
      ]),
      group("B", [card({ id: "p-3", name: "Omar", title: "Analyst", role: "User", products: [] })]),
    ];
    expect(filterGroups(groups, "  ").length).toBe(2);
    const byProduct = filterGroups(groups, "pipelines");
    expect(byProduct.map((g) => g.personas.map((p) => p.id))).toEqual([["p-1"]]);
    expect(filterGroups(groups, "ciso")[0]?.personas[0]?.name).toBe("Ken");
    expect(filterGroups(groups, "nobody")).toEqual([]);
  });

  it("skips missing parts of the subtitle", () => {
    expect(personaSubtitle(card({ customer_segment: null }))).toBe("Head of Data Platform");
    expect(personaSubtitle(card({ title: null, customer_segment: null }))).toBe("");
  });
});

describe("splitTies", () => {
  it("puts the writing team apart from the products the persona uses", () => {
    const p = card({
      products: [
        { id: "prod-a", name: "Pipelines", relation: "owned_by" },
        { id: "prod-a", name: "Pipelines", relation: "uses" },
        { id: "prod-b", name: "Observe", relation: "evaluates" },
      ],
    });
    const { owners, others } = splitTies(p);
    expect(owners).toEqual(["Pipelines"]);
    expect(others.map((t) => t.relation)).toEqual(["uses", "evaluates"]);
  });
});
