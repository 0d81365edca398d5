import type { Need } from "../../ipc";
import { type Common, freeId, named } from "./draft";

/** A need as the form holds it: a name and a description. */
export type NeedDraft = Common<Need>;

/** A draft from a need as the interchange format writes it. */
export function needDraft({ id, name, description, ...rest }: Need): NeedDraft {
  return { id, name, description: description ?? "", rest };
}

/** A new need with an id no other entity has. */
export function emptyNeed(taken: Set<string>): NeedDraft {
  return needDraft({ id: freeId("need", taken), name: "" });
}

/** The need in the interchange format. */
export const needValue = (d: NeedDraft): Need => ({ ...d.rest, ...named(d) });
