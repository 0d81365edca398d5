import type { IpcProblem, NeedScore, Product } from "../../ipc";
import { type Common, freeId, type Named, named, numberAt, optional, some } from "./draft";

/** What products and competitors share: the needs they meet, each with a
 * score, which is all the form shows of them besides the name. */
export type Offering = Named & { addresses?: NeedScore[] };

/** A product or a competitor as the form holds it. */
export type OfferingDraft<O extends Offering> = Common<O, "addresses"> & {
  addresses: { need: string; score: string }[];
};

/** A draft from a product or a competitor as the interchange format writes it. */
export function offeringDraft<O extends Offering>({
  id,
  name,
  description,
  addresses,
  ...rest
}: O): OfferingDraft<O> {
  return {
    id,
    name,
    description: description ?? "",
    rest,
    addresses: (addresses ?? []).map((a) => ({ need: a.need, score: String(a.score) })),
  };
}

/** The product or competitor in the interchange format, or what keeps the
 * scores typed from being numbers; rows with no need chosen are left out. */
export function offeringValue<O extends Offering>(
  d: OfferingDraft<O>,
): (OfferingDraft<O>["rest"] & Offering) | IpcProblem[] {
  const problems: IpcProblem[] = [];
  const addresses: NeedScore[] = [];
  d.addresses
    .filter((a) => a.need !== "")
    .forEach((a, k) => {
      const score = numberAt(a.score, `addresses[${k}].score`, problems, true);
      if (score !== undefined) addresses.push({ need: a.need, score });
    });
  if (problems.length > 0) return problems;
  return { ...d.rest, ...named(d), ...optional("addresses", some(addresses)) };
}

/** A product as the form holds it. */
export type ProductDraft = OfferingDraft<Product>;

/** A draft from a product as the interchange format writes it. */
export const productDraft = (value: Product): ProductDraft => offeringDraft(value);

/** A new product with an id no other entity has. */
export function emptyProduct(taken: Set<string>): ProductDraft {
  return productDraft({ id: freeId("prod", taken), name: "" });
}

/** The product in the interchange format, or what keeps a score typed
 * from being a number. */
export const productValue = (d: ProductDraft): Product | IpcProblem[] => offeringValue(d);
