import type { ProductRelation } from "../ipc";

/** How a persona can relate to a product, in the order every form lists them. */
export const RELATIONS: readonly ProductRelation[] = ["owned_by", "targets", "uses", "evaluates"];

const MEANINGS: Record<ProductRelation, string> = {
  owned_by: "Owned by the product's team",
  targets: "Targeted by the product",
  uses: "Uses the product",
  evaluates: "Evaluating the product",
};

/** What a relation means, as the forms and tooltips say it. */
export function meaning(relation: ProductRelation): string {
  return MEANINGS[relation];
}
