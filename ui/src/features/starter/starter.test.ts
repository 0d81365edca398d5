import { describe, expect, it } from "vitest";
import type { StarterSet } from "../../ipc";
import { addedMessage, kindCount, remaining, type SetState, starterFailure } from "./starter";

const ROLES: StarterSet = {
  id: "buying-roles",
  name: "Common B2B buying roles",
  description: "The roles found in most B2B buying groups.",
  kind: "buying_role",
  items: ["Decision maker", "Economic buyer", "Champion", "Procurement"],
};
const NEEDS: StarterSet = {
  id: "b2b-needs",
  name: "Common B2B needs",
  description: "What buyers ask of a product.",
  kind: "need",
  items: ["Security", "Integration"],
};

describe("what adding a set says", () => {
  it("counts what was added by its kind's name", () => {
    expect(addedMessage(ROLES, 4)).toBe("Added 4 buying roles.");
    expect(kindCount("market_segment", 1)).toBe("1 market segment");
    expect(kindCount("customer_segment", 3)).toBe("3 customer segments");
  });

  it("says how many items the project had already, which the core left out", () => {
    expect(addedMessage(ROLES, 1)).toBe(
      "Added 1 buying role. The other 3 were in the project already.",
    );
    expect(addedMessage(NEEDS, 1)).toBe("Added 1 need. The other one was in the project already.");
  });
});

describe("why a set was not added", () => {
  it("is the core's problem as a sentence, not its headline", () => {
    expect(
      starterFailure({
        code: "invalid",
        message: 'the starter set has 1 problem:\n  the project already has every item of "X"',
        problems: [{ path: "", message: 'the project already has every item of "X"' }],
      }),
    ).toBe('The project already has every item of "X".');
  });

  it("is the message itself when the core names no problem", () => {
    expect(starterFailure({ code: null, message: "No project is open.", problems: [] })).toBe(
      "No project is open.",
    );
    expect(starterFailure({ code: null, message: "the file moved", problems: [] })).toBe(
      "The file moved.",
    );
  });

  it("keeps where a placed problem is", () => {
    expect(
      starterFailure({
        code: "invalid",
        message: "",
        problems: [{ path: "name", message: "must not be empty" }],
      }),
    ).toBe("Name: must not be empty.");
  });
});

describe("adding every set", () => {
  it("adds what is neither added nor being added, trying a failed set again", () => {
    const THIRD: StarterSet = { ...NEEDS, id: "company-size", kind: "market_segment" };
    const states = new Map<string, SetState>([
      ["buying-roles", { kind: "added", message: "Added 4 buying roles." }],
      ["b2b-needs", { kind: "failed", message: "No project is open." }],
    ]);
    expect(remaining([ROLES, NEEDS, THIRD], states).map((s) => s.id)).toEqual([
      "b2b-needs",
      "company-size",
    ]);
    const busy = new Map<string, SetState>([["b2b-needs", { kind: "adding" }]]);
    expect(remaining([ROLES, NEEDS], busy).map((s) => s.id)).toEqual(["buying-roles"]);
  });
});
