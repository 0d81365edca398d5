import { describe, expect, it } from "vitest";
import type { BuyingRole } from "../../ipc";
import { buyingRoleDraft, buyingRoleValue, emptyBuyingRole } from "./buyingRoleForm";

describe("buying role drafts", () => {
  it("round-trip a role, keeping the fields the form does not show", () => {
    const role: BuyingRole = {
      id: "role-buyer",
      name: "Economic buyer",
      description: "Signs off the purchase",
      required: true,
      decides: true,
      attributes: { seniority: "VP" },
    };
    expect(buyingRoleValue(buyingRoleDraft(role))).toEqual(role);
  });

  it("leave out flags that are off, as the format does", () => {
    const d = emptyBuyingRole(new Set(["role-new-1"]));
    d.name = "Champion";
    d.required = true;
    const value = buyingRoleValue(d);
    expect(value).toEqual({ id: "role-new-2", name: "Champion", required: true });
    expect(Object.keys(value)).not.toContain("decides");
    expect(buyingRoleDraft({ id: "r", name: "R", decides: false }).decides).toBe(false);
  });
});
