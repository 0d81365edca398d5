import type { BuyingUnit, Member } from "../../ipc";
import { type Common, filled, freeId, named, optional, some } from "./draft";

/** A member of a buying unit as the form holds it; `role` is empty when the
 * member plays the persona's own buying role. */
export type MemberDraft = {
  persona: string;
  role: string;
  /** Fields of the member the form does not show, kept as they were. */
  rest: Omit<Member, "persona" | "role">;
};

/** A buying unit as the form holds it. */
export type BuyingUnitDraft = Common<BuyingUnit, "product" | "market_segment" | "members"> & {
  product: string;
  market_segment: string;
  members: MemberDraft[];
};

/** A draft from a buying unit as the interchange format writes it. */
export function buyingUnitDraft({
  id,
  name,
  description,
  product,
  market_segment,
  members,
  ...rest
}: BuyingUnit): BuyingUnitDraft {
  return {
    id,
    name,
    description: description ?? "",
    rest,
    product: product ?? "",
    market_segment: market_segment ?? "",
    members: (members ?? []).map(({ persona, role, ...rest }) => ({
      persona,
      role: role ?? "",
      rest,
    })),
  };
}

/** A new member row for `persona` ("" for a row still to choose), playing
 * the persona's own buying role. */
export const newMember = (persona: string): MemberDraft => ({ persona, role: "", rest: {} });

/** A new buying unit with an id no other entity has. */
export function emptyBuyingUnit(taken: Set<string>): BuyingUnitDraft {
  return buyingUnitDraft({ id: freeId("bu", taken), name: "" });
}

/** The buying unit in the interchange format; rows with no persona chosen
 * are left out. */
export function buyingUnitValue(d: BuyingUnitDraft): BuyingUnit {
  const members = d.members
    .filter((m) => m.persona !== "")
    .map((m): Member => ({ ...m.rest, persona: m.persona, ...optional("role", filled(m.role)) }));
  return {
    ...d.rest,
    ...named(d),
    ...optional("product", filled(d.product)),
    ...optional("market_segment", filled(d.market_segment)),
    ...optional("members", some(members)),
  };
}
