import { type Common, commonValue, freeId, split, text } from "./draft";

/** A member of a buying unit as the form holds it; `role` is empty when the
 * member plays the persona's own buying role. */
export type MemberDraft = { persona: string; role: string; rest: Record<string, unknown> };

/** A buying unit as the form holds it. */
export type BuyingUnitDraft = Common & {
  product: string;
  market_segment: string;
  members: MemberDraft[];
};

/** A draft from a buying unit as the interchange format writes it. */
export function buyingUnitDraft(value: Record<string, unknown>): BuyingUnitDraft {
  const { common, fields } = split(value, ["product", "market_segment", "members"]);
  const members = Array.isArray(fields.members)
    ? (fields.members as Record<string, unknown>[])
    : [];
  return {
    ...common,
    product: text(fields.product),
    market_segment: text(fields.market_segment),
    members: members.map(({ persona, role, ...rest }) => ({
      persona: text(persona),
      role: text(role),
      rest,
    })),
  };
}

/** A new buying unit with an id no other entity has. */
export function emptyBuyingUnit(taken: Set<string>): BuyingUnitDraft {
  return buyingUnitDraft({ id: freeId("bu", taken) });
}

/** The buying unit in the interchange format; rows with no persona chosen
 * are left out. */
export function buyingUnitValue(d: BuyingUnitDraft): Record<string, unknown> {
  const out = commonValue(d);
  if (d.product !== "") out.product = d.product;
  if (d.market_segment !== "") out.market_segment = d.market_segment;
  const members = d.members
    .filter((m) => m.persona !== "")
    .map((m) => {
      const member: Record<string, unknown> = { ...m.rest, persona: m.persona };
      if (m.role !== "") member.role = m.role;
      return member;
    });
  if (members.length > 0) out.members = members;
  return out;
}
