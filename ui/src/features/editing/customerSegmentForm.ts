import { type Common, commonValue, freeId, numberText, split, typed } from "./draft";

/** A customer segment as the form holds it. */
export type CustomerSegmentDraft = Common & { priority: string };

/** A draft from a customer segment as the interchange format writes it. */
export function customerSegmentDraft(value: Record<string, unknown>): CustomerSegmentDraft {
  const { common, fields } = split(value, ["priority"]);
  return { ...common, priority: numberText(fields.priority) };
}

/** A new customer segment with an id no other entity has. */
export function emptyCustomerSegment(taken: Set<string>): CustomerSegmentDraft {
  return customerSegmentDraft({ id: freeId("cs", taken) });
}

/** The customer segment in the interchange format; the priority goes as typed. */
export function customerSegmentValue(d: CustomerSegmentDraft): Record<string, unknown> {
  const out = commonValue(d);
  const priority = typed(d.priority);
  if (priority !== undefined) out.priority = priority;
  return out;
}
