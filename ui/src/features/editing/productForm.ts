import { text } from "./draft";
/** A product as the form holds it. */
export type ProductDraft = {
  id: string;
  name: string;
  description: string;
  addresses: { need: string; score: string }[];
  /** Fields the form does not show, kept as they were. */
  rest: Record<string, unknown>;
};

/** A draft from a product as the interchange format writes it. */
export function productDraft(value: Record<string, unknown>): ProductDraft {
  const { id, name, description, addresses, ...rest } = value;
  const list = Array.isArray(addresses) ? (addresses as Record<string, unknown>[]) : [];
  return {
    id: text(id),
    name: text(name),
    description: text(description),
    addresses: list.map((a) => ({
      need: text(a.need),
      score: typeof a.score === "number" ? String(a.score) : "",
    })),
    rest,
  };
}

/** A new product with an id no other entity has. */
export function emptyProduct(taken: Set<string>): ProductDraft {
  let n = 1;
  while (taken.has(`prod-new-${n}`)) n += 1;
  return productDraft({ id: `prod-new-${n}` });
}

/** The product in the interchange format; what was typed is passed on as is. */
export function productValue(d: ProductDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { ...d.rest, id: d.id, name: d.name };
  if (d.description.trim() !== "") out.description = d.description;
  const addresses = d.addresses
    .filter((a) => a.need !== "")
    .map((a) => {
      const v = Number(a.score.trim());
      return { need: a.need, score: a.score.trim() !== "" && Number.isFinite(v) ? v : a.score };
    });
  if (addresses.length > 0) out.addresses = addresses;
  return out;
}
