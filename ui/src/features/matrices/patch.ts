// An edit shown before the core answers with fresh matrices, so that a saved
// cell changes at once even when reloading a large project takes a moment.
// Only the edited cell is patched: a need's gap and segment coverage wait for
// the core's fresh matrices, which follow every edit, since their rules live
// in the core alone.
import type { Matrices, ProductRelation } from "../../ipc";

/** `m` with persona `persona`'s relations to product column `product` set. */
export function withLink(
  m: Matrices,
  persona: string,
  product: number,
  relations: ProductRelation[],
): Matrices {
  return {
    ...m,
    personas: m.personas.map((row) => {
      if (row.id !== persona) return row;
      const others = row.links.filter((l) => l.product !== product);
      const links =
        relations.length === 0 ? others : [...others, { product, relations: [...relations] }];
      return { ...row, links: links.sort((a, b) => a.product - b.product) };
    }),
  };
}

/** `m` with one score of need `need` set: a product's or a competitor's column. */
export function withScore(
  m: Matrices,
  need: string,
  column: { kind: "product" | "competitor"; index: number },
  score: number | null,
): Matrices {
  return {
    ...m,
    needs: m.needs.map((row) => {
      if (row.id !== need) return row;
      const products = [...row.products];
      const competitors = [...row.competitors];
      (column.kind === "product" ? products : competitors)[column.index] = score;
      return { ...row, products, competitors };
    }),
  };
}
