import { type Common, commonValue, freeId, numberText, split, typed } from "./draft";

/** A market segment as the form holds it. */
export type MarketSegmentDraft = Common & { size: string; priority: string };

/** A draft from a market segment as the interchange format writes it. */
export function marketSegmentDraft(value: Record<string, unknown>): MarketSegmentDraft {
  const { common, fields } = split(value, ["size", "priority"]);
  return { ...common, size: numberText(fields.size), priority: numberText(fields.priority) };
}

/** A new market segment with an id no other entity has. */
export function emptyMarketSegment(taken: Set<string>): MarketSegmentDraft {
  return marketSegmentDraft({ id: freeId("ms", taken) });
}

/** The market segment in the interchange format; numbers go as typed. */
export function marketSegmentValue(d: MarketSegmentDraft): Record<string, unknown> {
  const out = commonValue(d);
  const size = typed(d.size);
  if (size !== undefined) out.size = size;
  const priority = typed(d.priority);
  if (priority !== undefined) out.priority = priority;
  return out;
}
