import { describe, expect, it } from "vitest";
import type { BuyingUnit } from "../../ipc";
import { buyingUnitDraft, buyingUnitValue, emptyBuyingUnit, newMember } from "./buyingUnitForm";

describe("buying unit drafts", () => {
  it("round-trip a unit, keeping the fields the form does not show", () => {
    const unit: BuyingUnit = {
      id: "bu-saas",
      name: "SaaS new logo",
      description: "The CTO signs",
      product: "prod-pipelines",
      market_segment: "ms-saas",
      members: [{ persona: "p-kwame" }, { persona: "p-dana", role: "role-champion" }],
      attributes: { stage: "pilot" },
    };
    expect(buyingUnitValue(buyingUnitDraft(unit))).toEqual(unit);
  });

  it("leave out an empty product, segment, member and role override", () => {
    const d = emptyBuyingUnit(new Set(["bu-new-1"]));
    d.name = "Harbor deal";
    d.members.push(
      { persona: "", role: "role-x", rest: {} },
      { persona: "p-bea", role: "", rest: {} },
    );
    const value = buyingUnitValue(d);
    expect(value).toEqual({
      id: "bu-new-2",
      name: "Harbor deal",
      members: [{ persona: "p-bea" }],
    });
    expect(Object.keys(value)).toEqual(["id", "name", "members"]);
    expect(Object.keys(value.members?.[0] ?? {})).toEqual(["persona"]);
  });

  it("add a member who plays their own role, sent as the persona alone", () => {
    const d = emptyBuyingUnit(new Set());
    d.name = "Quick deal";
    d.members.push(newMember("p-bea"), newMember(""));
    expect(d.members[0]).toEqual({ persona: "p-bea", role: "", rest: {} });
    expect(buyingUnitValue(d).members).toEqual([{ persona: "p-bea" }]);
  });
});
