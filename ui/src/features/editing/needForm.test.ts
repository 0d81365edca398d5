import { describe, expect, it } from "vitest";
import type { Need } from "../../ipc";
import { emptyNeed, needDraft, needValue } from "./needForm";

describe("need drafts", () => {
  it("round-trip a need, keeping the fields the form does not show", () => {
    const need: Need = {
      id: "need-sso",
      name: "Single sign-on",
      description: "One login for every tool",
      attributes: { theme: "security" },
    };
    expect(needValue(needDraft(need))).toEqual(need);
  });

  it("give a new need a free id", () => {
    const d = emptyNeed(new Set(["need-new-1", "need-new-2"]));
    d.name = "Audit trail";
    const value = needValue(d);
    expect(value).toEqual({ id: "need-new-3", name: "Audit trail" });
    expect(Object.keys(value)).toEqual(["id", "name"]);
  });
});
