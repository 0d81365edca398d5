import type { BuyingRole } from "../../ipc";
import { type Common, freeId, named, optional } from "./draft";

/** A buying role as the form holds it. */
export type BuyingRoleDraft = Common<BuyingRole, "required" | "decides"> & {
  required: boolean;
  decides: boolean;
};

/** A draft from a buying role as the interchange format writes it. */
export function buyingRoleDraft({
  id,
  name,
  description,
  required,
  decides,
  ...rest
}: BuyingRole): BuyingRoleDraft {
  return {
    id,
    name,
    description: description ?? "",
    rest,
    required: required ?? false,
    decides: decides ?? false,
  };
}

/** A new buying role with an id no other entity has. */
export function emptyBuyingRole(taken: Set<string>): BuyingRoleDraft {
  return buyingRoleDraft({ id: freeId("role", taken), name: "" });
}

/** The buying role in the interchange format, which leaves out false flags. */
export function buyingRoleValue(d: BuyingRoleDraft): BuyingRole {
  return {
    ...d.rest,
    ...named(d),
    ...optional("required", d.required || undefined),
    ...optional("decides", d.decides || undefined),
  };
}
