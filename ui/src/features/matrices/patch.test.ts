import { describe, expect, it } from "vitest";
import type { Matrices } from "../../ipc";
import { withLink, withScore } from "./patch";

const m: Matrices = {
  products: [
    { id: "prod-a", name: "A" },
    { id: "prod-b", name: "B" },
  ],
  competitors: [{ id: "comp-x", name: "X" }],
  personas: [
    { id: "p-1", name: "One", market_segment: null, links: [{ product: 1, relations: ["uses"] }] },
    { id: "p-2", name: "Two", market_segment: null, links: [] },
  ],
  needs: [
    {
      id: "need-1",
      name: "N",
      personas: 1,
      importance: 1,
      products: [0.5, null],
      competitors: [0.9],
      gap: 0.4,
    },
  ],
  segments: [],
  met_at: 0.7,
};

describe("withLink", () => {
  it("adds a link in column order", () => {
    const next = withLink(m, "p-1", 0, ["targets", "evaluates"]);
    expect(next.personas[0]?.links).toEqual([
      { product: 0, relations: ["targets", "evaluates"] },
      { product: 1, relations: ["uses"] },
    ]);
  });

  it("replaces the relations, and no relations unlinks", () => {
    expect(withLink(m, "p-1", 1, ["owned_by"]).personas[0]?.links).toEqual([
      { product: 1, relations: ["owned_by"] },
    ]);
    expect(withLink(m, "p-1", 1, []).personas[0]?.links).toEqual([]);
  });

  it("leaves the other rows and the input as they were", () => {
    const next = withLink(m, "p-1", 1, []);
    expect(next.personas[1]).toBe(m.personas[1]);
    expect(m.personas[0]?.links).toHaveLength(1);
  });
});

describe("withScore", () => {
  it("sets a product's score and leaves the gap to the core", () => {
    const next = withScore(m, "need-1", { kind: "product", index: 1 }, 0.95);
    expect(next.needs[0]?.products).toEqual([0.5, 0.95]);
    // The gap is the core's rule; its fresh matrices follow the edit.
    expect(next.needs[0]?.gap).toBe(0.4);
  });

  it("removes a competitor's score without changing the input", () => {
    const next = withScore(m, "need-1", { kind: "competitor", index: 0 }, null);
    expect(next.needs[0]?.competitors).toEqual([null]);
    expect(m.needs[0]?.competitors).toEqual([0.9]);
  });
});
