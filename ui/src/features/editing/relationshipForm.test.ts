import { describe, expect, it } from "vitest";
import type { RelationshipChoice } from "../../ipc";
import {
  emptyRelationship,
  relationshipDraft,
  relationshipEdit,
  unrelate,
} from "./relationshipForm";

const listed: RelationshipChoice = {
  from: "p-bea",
  to: "p-tomasz",
  kind: "recommends",
  weight: 0.6,
};

describe("relationship drafts", () => {
  it("make the edit that adds or reweighs a relationship", () => {
    const d = { ...emptyRelationship("p-dana", "p-kwame"), kind: "reports_to" as const };
    expect(relationshipEdit({ ...d, weight: " 0.4 " })).toEqual({
      op: "relate",
      from: "p-dana",
      to: "p-kwame",
      kind: "reports_to",
      weight: 0.4,
    });
  });

  it("read an empty weight as 1, the format's default", () => {
    const edit = relationshipEdit({ ...emptyRelationship("a", "b"), weight: "" });
    expect(edit).toMatchObject({ weight: 1 });
  });

  it("start from a listed relationship, so that saving changes only its weight", () => {
    const d = relationshipDraft(listed);
    expect(d).toEqual({ from: "p-bea", to: "p-tomasz", kind: "recommends", weight: "0.6" });
    expect(relationshipEdit({ ...d, weight: "0.8" })).toEqual({ ...unrelate(listed), weight: 0.8 });
  });

  it("remove a listed relationship by its personas and kind, with a null weight", () => {
    expect(unrelate(listed)).toEqual({
      op: "relate",
      from: "p-bea",
      to: "p-tomasz",
      kind: "recommends",
      weight: null,
    });
  });

  it("say beside the field what cannot be sent, and leave ranges to the core", () => {
    expect(relationshipEdit({ ...emptyRelationship(), weight: "strong" })).toEqual([
      { path: "from", message: "choose who acts" },
      { path: "to", message: "choose on whom" },
      { path: "weight", message: "must be a number from 0 to 1, not “strong”" },
    ]);
    expect(relationshipEdit({ ...emptyRelationship("a", "b"), weight: "7" })).toMatchObject({
      weight: 7,
    });
  });
});
