import { describe, expect, it } from "vitest";
import { draftFrom, emptyDraft, personaValue } from "./personaForm";

describe("persona drafts", () => {
  it("round-trip a persona, keeping the fields the form does not show", () => {
    const persona = {
      id: "p-1",
      name: "Dana",
      title: "Head of Data",
      priority: 4,
      needs: [{ need: "need-a", importance: 0.8 }],
      products: [{ product: "prod-a", relation: "uses" }],
      goals: ["Ship faster"],
      evidence: [{ kind: "interview" }],
    };
    expect(personaValue(draftFrom(persona))).toEqual(persona);
  });

  it("leaves out empty optional fields and empty rows", () => {
    const d = emptyDraft(new Set());
    d.name = "Noor";
    d.needs.push({ need: "", importance: "" });
    expect(personaValue(d)).toEqual({ id: "p-new-1", name: "Noor" });
  });

  it("passes what the user typed on, so the core can say what is wrong", () => {
    const d = emptyDraft(new Set(["p-new-1"]));
    d.priority = "high";
    d.needs.push({ need: "need-a", importance: "" });
    expect(d.id).toBe("p-new-2");
    expect(personaValue(d)).toMatchObject({
      priority: "high",
      needs: [{ need: "need-a", importance: "" }],
    });
  });
});
