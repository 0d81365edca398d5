import type { Competitor, IpcProblem } from "../../ipc";
import { freeId } from "./draft";
import { type OfferingDraft, offeringDraft, offeringValue } from "./productForm";

// A competitor has a product's shape: a name, a description and the needs
// it meets with a score each, which is what value gaps compare.

/** A competitor as the form holds it. */
export type CompetitorDraft = OfferingDraft<Competitor>;

/** A draft from a competitor as the interchange format writes it. */
export const competitorDraft = (value: Competitor): CompetitorDraft => offeringDraft(value);

/** A new competitor with an id no other entity has. */
export function emptyCompetitor(taken: Set<string>): CompetitorDraft {
  return competitorDraft({ id: freeId("comp", taken), name: "" });
}

/** The competitor in the interchange format, or what keeps a score typed
 * from being a number. */
export const competitorValue = (d: CompetitorDraft): Competitor | IpcProblem[] => offeringValue(d);
