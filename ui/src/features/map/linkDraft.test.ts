import { describe, expect, it } from "vitest";
import type { Persona } from "../../ipc";
import { importanceOf, parseImportance, relationsTo } from "./linkDraft";

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
});
