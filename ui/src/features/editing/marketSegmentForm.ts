import type { IpcProblem, MarketSegment } from "../../ipc";
import { type Common, freeId, named, numberAt, numberText, optional } from "./draft";

/** A market segment as the form holds it. */
export type MarketSegmentDraft = Common<MarketSegment, "size" | "priority"> & {
  size: string;
  priority: string;
};

/** A draft from a market segment as the interchange format writes it. */
export function marketSegmentDraft({
  id,
  name,
  description,
  size,
  priority,
  ...rest
}: MarketSegment): MarketSegmentDraft {
  return {
    id,
    name,
    description: description ?? "",
    rest,
    size: numberText(size),
    priority: numberText(priority),
  };
}

/** A new market segment with an id no other entity has. */
export function emptyMarketSegment(taken: Set<string>): MarketSegmentDraft {
  return marketSegmentDraft({ id: freeId("ms", taken), name: "" });
}

/** The market segment in the interchange format, or what keeps the numbers
 * typed from being numbers. */
export function marketSegmentValue(d: MarketSegmentDraft): MarketSegment | IpcProblem[] {
  const problems: IpcProblem[] = [];
  const size = numberAt(d.size, "size", problems);
  const priority = numberAt(d.priority, "priority", problems);
  if (problems.length > 0) return problems;
  return { ...d.rest, ...named(d), ...optional("size", size), ...optional("priority", priority) };
}
