import { describe, expect, it } from "vitest";
import type { Product } from "../../ipc";
import { emptyProduct, productDraft, productValue } from "./productForm";

describe("product drafts", () => {
  it("round-trip a product, keeping the fields the form does not show", () => {
    const product: Product = {
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
    const value = productValue(d);
    expect(value).toEqual({ id: "prod-new-2", name: "Berthwise Pro" });
    expect(Object.keys(value)).toEqual(["id", "name"]);
  });
});
