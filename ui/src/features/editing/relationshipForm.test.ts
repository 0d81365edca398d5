import { describe, expect, it } from "vitest";
import { emptyRelationship, relationshipEdit } from "./relationshipForm";

describe("relationship drafts", () => {
  it("make the edit that adds or reweighs a relationship", () => {
    const d = { ...emptyRelationship("p-dana", "p-kwame"), kind: "reports_to" as const };
    expect(relationshipEdit({ ...d, weight: " 0.4 " }, false)).toEqual({
      op: "relate",
      from: "p-dana",
      to: "p-kwame",
      kind: "reports_to",
      weight: 0.4,
    });
  });

  it("read an empty weight as 1, the format's default", () => {
    const edit = relationshipEdit({ ...emptyRelationship("a", "b"), weight: "" }, false);
    expect(edit).toMatchObject({ weight: 1 });
  });

  it("remove with a null weight, whatever was typed", () => {
    const edit = relationshipEdit({ ...emptyRelationship("a", "b"), weight: "x" }, true);
    expect(edit).toMatchObject({ op: "relate", weight: null });
  });

  it("say beside the field what cannot be sent, and leave ranges to the core", () => {
    expect(relationshipEdit({ ...emptyRelationship(), weight: "strong" }, false)).toEqual([
      { path: "from", message: "choose who acts" },
      { path: "to", message: "choose on whom" },
      { path: "weight", message: "must be a number from 0 to 1, not “strong”" },
    ]);
    expect(relationshipEdit({ ...emptyRelationship("a", "b"), weight: "7" }, false)).toMatchObject({
      weight: 7,
    });
  });
});
