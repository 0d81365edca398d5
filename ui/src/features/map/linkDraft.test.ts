import { describe, expect, it } from "vitest";
import type { Persona, RelationshipChoice } from "../../ipc";
import {
  importanceOf,
  parseImportance,
  parseWeight,
  relationshipSentence,
  relationshipStart,
  relationshipsBetween,
  relationsTo,
} from "./linkDraft";

const dana: Persona = {
  id: "p-dana",
  name: "Dana",
  products: [
    { product: "prod-a", relation: "owned_by" },
    { product: "prod-b", relation: "uses" },
    { product: "prod-a", relation: "uses" },
    { product: "prod-a", relation: "uses" },
  ],
  needs: [{ need: "need-x", importance: 0.9 }],
};

describe("link drafts", () => {
  it("read the relations a persona has to one product, each once", () => {
    expect(relationsTo(dana, "prod-a")).toEqual(["owned_by", "uses"]);
    expect(relationsTo(dana, "prod-z")).toEqual([]);
    expect(relationsTo({ id: "p-bea", name: "Bea" }, "prod-a")).toEqual([]);
  });

  it("read how much a need matters, or that the persona lacks it", () => {
    expect(importanceOf(dana, "need-x")).toBe(0.9);
    expect(importanceOf(dana, "need-y")).toBeNull();
    expect(importanceOf({ id: "p-bea", name: "Bea" }, "need-x")).toBeNull();
  });

  it("accept an importance from 0 to 1 and explain anything else", () => {
    expect(parseImportance(" 0.75 ")).toBe(0.75);
    expect(parseImportance("1")).toBe(1);
    for (const bad of ["", "1.5", "-0.1", "high"]) {
      expect(typeof parseImportance(bad), bad).toBe("string");
    }
  });

  it("accept a weight from 0 to 1 and explain anything else", () => {
    expect(parseWeight("0.4")).toBe(0.4);
    expect(parseWeight("1.2")).toBe("Enter a number from 0 to 1 (1 = as strong as it gets).");
  });
});

describe("a link between two personas", () => {
  const known: RelationshipChoice[] = [
    { from: "p-kwame", to: "p-dana", kind: "reports_to", weight: 1 },
    { from: "p-dana", to: "p-bea", kind: "influences", weight: 0.5 },
    { from: "p-dana", to: "p-kwame", kind: "approves", weight: 0.7 },
    { from: "p-dana", to: "p-kwame", kind: "blocks", weight: 0.2 },
  ];
  const names: Record<string, string> = { "p-dana": "Dana", "p-kwame": "Kwame" };
  const name = (id: string) => names[id] ?? id;

  it("finds how the two already relate, either way round", () => {
    expect(relationshipsBetween(known, "p-dana", "p-kwame").map((r) => r.kind)).toEqual([
      "reports_to",
      "approves",
      "blocks",
    ]);
    expect(relationshipsBetween(known, "p-kwame", "p-bea")).toEqual([]);
  });

  it("starts from the first way the dragged persona already acts on the other", () => {
    const between = relationshipsBetween(known, "p-dana", "p-kwame");
    expect(relationshipStart(between, "p-dana", "p-kwame")).toEqual({
      kind: "approves",
      weight: "0.7",
    });
    // Kwame's reporting to Dana is not Dana acting on Kwame.
    expect(relationshipStart([known[0] as RelationshipChoice], "p-dana", "p-kwame")).toEqual({
      kind: "influences",
      weight: "1",
    });
  });

  it("says a relationship as a sentence, who acts first", () => {
    expect(relationshipSentence({ from: "p-dana", to: "p-kwame", kind: "approves" }, name)).toBe(
      "Dana approves for Kwame",
    );
    expect(relationshipSentence({ from: "p-kwame", to: "p-dana", kind: "reports_to" }, name)).toBe(
      "Kwame reports to Dana",
    );
  });
});
