import { type Common, commonValue, freeId, split } from "./draft";

/** A buying role as the form holds it. */
export type BuyingRoleDraft = Common & { required: boolean; decides: boolean };

/** A draft from a buying role as the interchange format writes it. */
export function buyingRoleDraft(value: Record<string, unknown>): BuyingRoleDraft {
  const { common, fields } = split(value, ["required", "decides"]);
  return { ...common, required: fields.required === true, decides: fields.decides === true };
}

/** A new buying role with an id no other entity has. */
export function emptyBuyingRole(taken: Set<string>): BuyingRoleDraft {
  return buyingRoleDraft({ id: freeId("role", taken) });
}

/** The buying role in the interchange format, which leaves out false flags. */
export function buyingRoleValue(d: BuyingRoleDraft): Record<string, unknown> {
  const out = commonValue(d);
  if (d.required) out.required = true;
  if (d.decides) out.decides = true;
  return out;
}
