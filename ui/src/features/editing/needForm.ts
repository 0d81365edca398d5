import { type Common, commonValue, freeId, split } from "./draft";

/** A need as the form holds it: a name and a description. */
export type NeedDraft = Common;

/** A draft from a need as the interchange format writes it. */
export function needDraft(value: Record<string, unknown>): NeedDraft {
  return split(value, []).common;
}

/** A new need with an id no other entity has. */
export function emptyNeed(taken: Set<string>): NeedDraft {
  return needDraft({ id: freeId("need", taken) });
}

/** The need in the interchange format. */
export const needValue = (d: NeedDraft): Record<string, unknown> => commonValue(d);
