import { createElement, createRef } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PersonaCard, SegmentGroup } from "../../ipc";
import { filterGroups } from "../personas/format";
import { SearchBox } from "./SearchBox";
import { moveActive, searchIndex, searchMatches } from "./search";

const card = (id: string, over: Partial<PersonaCard> = {}): PersonaCard => ({
  id,
  name: `Persona ${id}`,
  title: null,
  role: null,
  decides: false,
  customer_segment: null,
  status: null,
  priority: 3,
  products: [],
  confidence: 0.5,
  low_confidence: false,
  ...over,
});

const groups: SegmentGroup[] = [
  {
    segment: { id: "ms-a", name: "Finance buyers", description: null, priority: 3 },
    personas: [
      card("p-1", { name: "Dana the Data Lead", title: "Head of Data" }),
      card("p-2", { name: "Kwame", role: "Économiste", customer_segment: "Careful" }),
    ],
  },
  {
    segment: null,
    personas: [
      card("p-3", { name: "Priya", products: [{ id: "x", name: "Pipelines", relation: "uses" }] }),
    ],
  },
];

describe("searchIndex", () => {
  it("holds every persona in the list's order, with its words lower-cased once", () => {
    const index = searchIndex(groups);
    expect(index.entries.map((e) => e.id)).toEqual(["p-1", "p-2", "p-3"]);
    expect(index.byId.get("p-1")).toMatchObject({
      name: "Dana the Data Lead",
      detail: "Head of Data",
      segment: "Finance buyers",
      text: "dana the data lead\nhead of data",
    });
    expect(index.byId.get("p-3")?.segment).toBe("No market segment");
  });
});

describe("searchMatches", () => {
  const index = searchIndex(groups);

  it("finds what the persona list keeps, in the same order", () => {
    for (const q of ["data", "DATA ", "économiste", "careful", "pipe", "a", "zzz"]) {
      const listed = filterGroups(groups, q).flatMap((g) => g.personas.map((p) => p.id));
      expect(searchMatches(index, q), `query “${q}”`).toEqual(listed);
    }
  });

  it("is null for a blank query: nothing is searched for, nothing fades", () => {
    expect(searchMatches(index, "")).toBeNull();
    expect(searchMatches(index, "   ")).toBeNull();
  });

  it("never matches across two fields", () => {
    expect(searchMatches(index, "lead head")).toEqual([]);
  });
});

describe("moveActive", () => {
  it("steps through the matches with the arrows and wraps at either end", () => {
    expect(moveActive(0, 3, "ArrowDown")).toBe(1);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(-1, 3, "ArrowDown")).toBe(0);
    expect(moveActive(0, 0, "ArrowDown"), "no matches, no option").toBe(-1);
  });
});

describe("SearchBox", () => {
  it("is a combobox with its list of matches closed until the user types, and no tooltip", () => {
    const html = renderToStaticMarkup(
      createElement(SearchBox, {
        index: searchIndex(groups),
        query: "",
        matches: null,
        onQuery: () => undefined,
        onOpen: () => undefined,
        input: createRef<HTMLInputElement>(),
      }),
    );
    expect(html).toContain('role="combobox"');
    expect(html).toContain('aria-expanded="false"');
    expect(html, "a tooltip stayed on screen after Enter opened a profile").not.toContain("title=");
  });
});
