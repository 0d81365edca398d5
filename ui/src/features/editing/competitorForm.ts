import { freeId } from "./draft";
import { type ProductDraft, productDraft, productValue } from "./productForm";

// A competitor has a product's shape: a name, a description and the needs
// it meets with a score each, which is what value gaps compare.

/** A competitor as the form holds it. */
export type CompetitorDraft = ProductDraft;

/** A draft from a competitor as the interchange format writes it. */
export const competitorDraft = (value: Record<string, unknown>): CompetitorDraft =>
  productDraft(value);

/** A new competitor with an id no other entity has. */
export function emptyCompetitor(taken: Set<string>): CompetitorDraft {
  return competitorDraft({ id: freeId("comp", taken) });
}

/** The competitor in the interchange format; scores go as typed. */
export const competitorValue = (d: CompetitorDraft): Record<string, unknown> => productValue(d);
