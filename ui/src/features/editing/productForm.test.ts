import { describe, expect, it } from "vitest";
import { emptyProduct, productDraft, productValue } from "./productForm";

describe("product drafts", () => {
  it("round-trip a product, keeping the fields the form does not show", () => {
    const product = {
      id: "prod-a",
      name: "Atlas",
      description: "Planning",
      addresses: [{ need: "need-a", score: 0.9 }],
      attributes: { tier: "enterprise" },
    };
    expect(productValue(productDraft(product))).toEqual(product);
  });

  it("gives a new product a free id and drops empty rows", () => {
    const d = emptyProduct(new Set(["prod-new-1"]));
    d.name = "Berthwise Pro";
    d.addresses.push({ need: "", score: "1" });
    expect(productValue(d)).toEqual({ id: "prod-new-2", name: "Berthwise Pro" });
  });
});
